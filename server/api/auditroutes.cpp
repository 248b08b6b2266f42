#include "server/api/auditroutes.h"

#include "server/api/views.h"
#include "server/services/auditservice.h"
#include "server/storage/database.h"

namespace joxai {

namespace {

QDateTime parseTime(const QString &text, bool &ok)
{
    ok = true;
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid()) {
        ok = false;
        return {};
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

Result<AuditFilter> filterFrom(const ApiRequest &req)
{
    AuditFilter f;
    auto page = pageFrom(req);
    if (!page)
        return page.error();
    f.page = page.value();
    const QString actor = req.queryValue(QStringLiteral("actor"));
    bool ok = true;
    if (!actor.isEmpty()) {
        f.actorId = actor.toLongLong(&ok);
        if (!ok || f.actorId <= 0)
            return Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                               QStringLiteral("actor must be a user id."));
    }
    f.action = req.queryValue(QStringLiteral("action")).left(100);
    f.targetType = req.queryValue(QStringLiteral("target_type")).left(100);
    bool fromOk = true;
    bool toOk = true;
    f.from = parseTime(req.queryValue(QStringLiteral("from")), fromOk);
    f.to = parseTime(req.queryValue(QStringLiteral("to")), toOk);
    if (!fromOk || !toOk)
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                           QStringLiteral("from and to must be ISO 8601 dates or times."));
    return f;
}

} // namespace

void installAuditRoutes(Router &router, const ApiContext &ctx)
{
    const RouteOptions staff{true, QString(), Gate::All};
    router.add("GET", QStringLiteral("/api/v1/audit"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto filter = filterFrom(req);
        if (!filter)
            return reply.error(filter.error());
        runStaff(ctx, req, reply, Role::Admin, [f = filter.value()](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto page = AuditService::list(s, who, f);
            if (!page)
                return page.error();
            return HttpResponse::page(page.value(), auditJson);
        });
    }, staff);

    router.add("GET", QStringLiteral("/api/v1/audit/export"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto filter = filterFrom(req);
        if (!filter)
            return reply.error(filter.error());
        runStaff(ctx, req, reply, Role::Admin, [f = filter.value()](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto csv = AuditService::exportCsv(s, who, f);
            if (!csv)
                return csv.error();
            HttpResponse r = HttpResponse::text(200, QByteArrayLiteral("text/csv; charset=utf-8"), csv.value());
            r.headers.append({QByteArrayLiteral("Content-Disposition"),
                              QByteArrayLiteral("attachment; filename=\"joxai-audit.csv\"")});
            return r;
        });
    }, staff);
}

} // namespace joxai
