#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// GET/POST /api/v1/canned-responses, PUT/DELETE /api/v1/canned-responses/{id}.
void installCannedResponseRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
