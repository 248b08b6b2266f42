#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
class Metrics;
// /health and /metrics: answered on the main thread from state kept up to date elsewhere, so they
// stay fast and truthful while the worker pools are busy.
void installHealthRoutes(Router &router, const ApiContext &ctx, Metrics &metrics);
} // namespace joxai
