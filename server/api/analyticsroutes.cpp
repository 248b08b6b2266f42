#include "server/api/analyticsroutes.h"

#include "server/services/analyticsservice.h"
#include "server/storage/database.h"

#include <memory>

namespace joxai {

namespace {

// A date means its whole day: as `from` its start, as `to` the start of the next day.
std::optional<QDateTime> parseBound(const QString &text, bool upper)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(upper ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && (t.timeSpec() == Qt::UTC || t.timeSpec() == Qt::OffsetFromUTC))
        return t.toUTC();
    return std::nullopt;
}

Error badRange(const QString &why)
{
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"), why);
    e.fields = QJsonObject{{QStringLiteral("from"), QStringLiteral("YYYY-MM-DD or an ISO 8601 UTC time")},
                           {QStringLiteral("to"), QStringLiteral("YYYY-MM-DD or an ISO 8601 UTC time, after from")}};
    return e;
}

} // namespace

void installAnalyticsRoutes(Router &router, const ApiContext &ctx)
{
    auto service = std::make_shared<const AnalyticsService>(ctx.config.dashboardCacheSeconds);
    router.add("GET", QStringLiteral("/api/v1/analytics/dashboard"), [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime to = now;
        QDateTime from = QDateTime(now.date().addDays(-29), QTime(0, 0), Qt::UTC);
        if (req.hasQuery(QStringLiteral("to"))) {
            auto t = parseBound(req.queryValue(QStringLiteral("to")), true);
            if (!t)
                return reply.error(badRange(QStringLiteral("to must be a date (YYYY-MM-DD) or an ISO 8601 UTC time.")));
            to = *t;
        }
        if (req.hasQuery(QStringLiteral("from"))) {
            auto f = parseBound(req.queryValue(QStringLiteral("from")), false);
            if (!f)
                return reply.error(badRange(QStringLiteral("from must be a date (YYYY-MM-DD) or an ISO 8601 UTC time.")));
            from = *f;
        }
        if (from >= to)
            return reply.error(badRange(QStringLiteral("from must be before to.")));
        if (from.daysTo(to) > AnalyticsService::kMaxRangeDays)
            return reply.error(badRange(QStringLiteral("The range may span at most %1 days.").arg(AnalyticsService::kMaxRangeDays)));
        runStaff(ctx, req, reply, Role::Agent, [service, from, to](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto d = service->dashboard(s, who, from, to);
            if (!d)
                return d.error();
            return HttpResponse::json(200, d.value());
        });
    }, RouteOptions{true, QStringLiteral("api"), Gate::All});
}

} // namespace joxai
