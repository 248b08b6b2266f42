#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// GET /api/v1/analytics/dashboard?from=&to= (dates YYYY-MM-DD or ISO 8601 times, UTC; `to` is
// inclusive for a date; default: the last 30 days; at most 366 days).
void installAnalyticsRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
