#include "server/api/settingsroutes.h"

#include "server/api/jsoninput.h"
#include "server/services/settingsservice.h"
#include "server/storage/database.h"

namespace joxai {

void installSettingsRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/settings");
    const RouteOptions limited{true, QStringLiteral("api"), Gate::All};

    router.add("GET", base, [&ctx](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [&ctx](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto view = ctx.settings.view(s, who);
            if (!view)
                return view.error();
            return HttpResponse::json(200, view.value());
        });
    }, limited);

    for (const bool system : {true, false}) {
        router.add("PUT", base + (system ? QStringLiteral("/system") : QStringLiteral("/me")),
                   [&ctx, system](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const QJsonObject changes = in->object();
            runStaff(ctx, req, reply, system ? Role::Admin : Role::Agent,
                     [&ctx, system, changes](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                auto view = system ? ctx.settings.updateSystem(s, who, changes) : ctx.settings.updateMine(s, who, changes);
                if (!view)
                    return view.error();
                return HttpResponse::json(200, view.value());
            });
        }, limited);
    }
}

} // namespace joxai
