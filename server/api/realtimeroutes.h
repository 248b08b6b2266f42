#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
class StaffSocketHub;
// GET /api/v1/events?after= (resync), GET /api/v1/ws/stats, and 426 for /api/v1/ws without an upgrade.
void installRealtimeRoutes(Router &router, const ApiContext &ctx, StaffSocketHub &hub);
} // namespace joxai
