#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// Staff conversations (shared/API.md "conversations"): list, detail, takeover, assign, release,
// messages and internal notes, typing, close.
void installConversationRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
