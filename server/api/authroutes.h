#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// /api/v1/auth/*: login, me, logout, change-password, 2fa setup/enable/disable.
void installAuthRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
