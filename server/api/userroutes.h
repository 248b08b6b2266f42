#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// /api/v1/users (admin): list, create, read, update, reset-password.
void installUserRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
