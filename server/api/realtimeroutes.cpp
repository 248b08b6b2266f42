#include "server/api/realtimeroutes.h"

#include "server/realtime/staffsockethub.h"
#include "server/storage/database.h"
#include "server/storage/eventstore.h"

namespace joxai {

void installRealtimeRoutes(Router &router, const ApiContext &ctx, StaffSocketHub &hub)
{
    const RouteOptions staff{true, QString(), Gate::All};

    router.add("GET", QStringLiteral("/api/v1/events"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto page = pageFrom(req);
        if (!page)
            return reply.error(page.error());
        auto after = afterFrom(req, QStringLiteral("an event id"));
        if (!after)
            return reply.error(after.error());
        runStaff(ctx, req, reply, Role::Agent, [after = after.value(), p = page.value()](SqlSession &s, const Principal &who)
                                                   -> Result<HttpResponse> {
            auto events = EventStore::visibleAfter(s, after, who.userId, who.role, p);
            if (!events)
                return events.error();
            return HttpResponse::page(events.value(), [](const Event &e) { return e.envelope(); });
        });
    }, staff);

    router.add("GET", QStringLiteral("/api/v1/ws/stats"), [&ctx, &hub](const ApiRequest &req, const ApiReply &reply) {
        const QJsonObject snapshot = hub.stats(); // main-thread state, taken before the role check
        runStaff(ctx, req, reply, Role::Supervisor, [snapshot](SqlSession &, const Principal &) -> Result<HttpResponse> {
            return HttpResponse::json(200, snapshot);
        });
    }, staff);

    router.add("GET", QStringLiteral("/api/v1/ws"), [](const ApiRequest &, const ApiReply &reply) {
        HttpResponse r = HttpResponse::error(Error::make(
            ErrorKind::BadRequest, QStringLiteral("upgrade_required"),
            QStringLiteral("Open this path as a WebSocket: ws://…/api/v1/ws?token=<JWT>.")));
        r.status = 426;
        r.headers.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
        reply.send(r);
    });
}

} // namespace joxai
