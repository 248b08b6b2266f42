#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// /api/v1/audit (admin): filtered list and CSV export.
void installAuditRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
