#include "server/api/healthroutes.h"

#include "server/api/metrics.h"
#include "server/storage/database.h"

#include "server/core/version.h"

namespace joxai {

void installHealthRoutes(Router &router, const ApiContext &ctx, Metrics &metrics)
{
    // Load balancers poll /health all day: its two possible answers are built once.
    auto answer = [](bool healthy) {
        const QJsonObject body{{QStringLiteral("status"), healthy ? QStringLiteral("ok") : QStringLiteral("degraded")},
                               {QStringLiteral("message"), QStringLiteral("Banking ChatBot API v1.0")},
                               {QStringLiteral("version"), version()},
                               {QStringLiteral("database"), healthy ? QStringLiteral("ok") : QStringLiteral("unavailable")}};
        HttpResponse r = HttpResponse::json(healthy ? 200 : 503, body);
        if (!healthy)
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
        return r;
    };
    router.add("GET", QStringLiteral("/health"), [&ctx, ok = answer(true), degraded = answer(false)](
                                                     const ApiRequest &, const ApiReply &reply) {
        reply.send(ctx.db.isHealthy() ? ok : degraded);
    });
    router.add("GET", QStringLiteral("/metrics"), [&metrics](const ApiRequest &, const ApiReply &reply) {
        reply.send(HttpResponse::text(200, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                      metrics.render()));
    });
}

} // namespace joxai
