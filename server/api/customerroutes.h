#pragma once
#include "server/api/apicontext.h"
#include "server/api/router.h"

namespace joxai {
// Staff customers (shared/API.md "customers"): GET/POST /api/v1/customers, GET/PATCH/DELETE
// /api/v1/customers/{id}, GET …/{id}/conversations, GET …/{id}/export, PUT …/{id}/legal-hold.
void installCustomerRoutes(Router &router, const ApiContext &ctx);
} // namespace joxai
