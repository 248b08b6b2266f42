#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// /api/v1/knowledge: articles (list, create, read, edit, archive), versions, the review steps
// (submit, approve, reject), search as the assistant ranks it, and import/export (admin).
void installKnowledgeRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
