#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// The customer chat widget (resources/widget): GET /widget/joxai-widget.js and .css, the demo page at
// /widget/ (and /widget/index.html) with its script and stylesheet. Served from Qt resources on the
// main thread, with an ETag (304 on If-None-Match), Cache-Control, and a strict CSP on the page.
void installWidgetRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
