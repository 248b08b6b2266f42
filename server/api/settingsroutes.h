#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// /api/v1/settings: read (all), system (admin), me (personal preferences).
void installSettingsRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
