#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// A staff member's own notifications: GET /api/v1/notifications/me?unread=true (list envelope plus
// `unread`), POST /api/v1/notifications/{id}/read, POST /api/v1/notifications/read-all.
void installNotificationRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
