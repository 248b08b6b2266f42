#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// Staff tickets (shared/API.md "tickets"): GET/POST /api/v1/tickets, GET/PATCH /api/v1/tickets/{id},
// GET/POST …/{id}/comments, GET …/{id}/history, POST /api/v1/tickets/bulk-assign.
void installTicketRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
