#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// The API's own description: GET /openapi.json (the OpenAPI 3.0 document merged from
// resources/openapi, info.version = the server's version), Swagger UI at /docs and ReDoc at /redoc.
// Their scripts and stylesheets come from the npm packages swagger-ui-dist and redoc, compiled
// into the program's resources (resources/CMakeLists.txt): the pages load nothing from elsewhere,
// and a Content-Security-Policy says so.
void installDocsRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
