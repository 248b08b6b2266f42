#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// The customer chat of shared/API.md "Public": /api/v1/chat/start, /chat/message,
// /chat/{conversation_id}/messages, /escalate, /rating, /close.
void installChatRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
