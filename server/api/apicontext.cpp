#include "server/api/apicontext.h"

#include "server/core/page.h"
#include "server/realtime/eventbus.h"
#include "server/services/authservice.h"
#include "server/storage/database.h"

namespace joxai {

namespace {

void runOnPool(const ApiContext &ctx, const ApiReply &reply, Pool pool,
               std::function<Result<HttpResponse>(SqlSession &)> work, EventBus *kick = nullptr)
{
    auto done = [reply, kick](Result<HttpResponse> r) {
        reply.sendResult(std::move(r));
        if (kick)
            kick->kick(); // the work committed events: deliver them now
    };
    if (pool == Pool::Bcrypt)
        ctx.db.runOn<HttpResponse>(ctx.bcryptPool, reply.context(), std::move(work), done);
    else
        ctx.db.run<HttpResponse>(reply.context(), std::move(work), done);
}

} // namespace

void runStaff(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work,
              Pool pool)
{
    runStaffOn(ctx, req, reply, minimum, std::move(work), pool, nullptr);
}

void runStaffThenKick(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work)
{
    runStaffOn(ctx, req, reply, minimum, std::move(work), Pool::Database, &ctx.bus);
}

void runStaffOn(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work,
                Pool pool, EventBus *kick)
{
    Q_ASSERT(req.claims.has_value()); // the route must be registered with staffToken
    const TokenClaims claims = *req.claims;
    const QString address = req.clientAddress;
    const Gate gate = req.gate;
    const AuthService &auth = ctx.auth;
    runOnPool(ctx, reply, pool, [&auth, claims, address, gate, minimum, work = std::move(work)](SqlSession &s)
                                    -> Result<HttpResponse> {
        auto who = auth.principal(s, claims, address, gate);
        if (!who)
            return who.error();
        if (!atLeast(who->role, minimum))
            return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                               QStringLiteral("Your role does not allow this action."));
        return work(s, who.value());
    }, kick);
}

void runPublic(const ApiContext &ctx, const ApiReply &reply, PublicWork work, Pool pool)
{
    runOnPool(ctx, reply, pool, std::move(work));
}

Result<qint64> afterFrom(const ApiRequest &req, const QString &what)
{
    if (!req.hasQuery(QStringLiteral("after")))
        return qint64(0);
    bool ok = false;
    const qint64 after = req.queryValue(QStringLiteral("after")).toLongLong(&ok);
    if (ok && after >= 0)
        return after;
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                          QStringLiteral("after must be %1 (0 or more).").arg(what));
    e.fields = QJsonObject{{QStringLiteral("after"), QStringLiteral("must be 0 or more")}};
    return e;
}

Result<PageRequest> pageFrom(const ApiRequest &req)
{
    PageRequest page;
    auto read = [&](const QString &name, int &target, int min) -> bool {
        if (!req.hasQuery(name))
            return true;
        bool ok = false;
        const qint64 v = req.queryValue(name).toLongLong(&ok);
        if (!ok || v < min)
            return false;
        target = int(qMin<qint64>(v, name == QLatin1String("limit") ? 200 : 1000000000));
        return true;
    };
    const QString offsetName = req.hasQuery(QStringLiteral("offset")) ? QStringLiteral("offset") : QStringLiteral("skip");
    if (!read(QStringLiteral("limit"), page.limit, 1) || !read(offsetName, page.offset, 0)) {
        Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                              QStringLiteral("limit must be a positive whole number and offset zero or more."));
        e.fields = QJsonObject{{QStringLiteral("limit"), QStringLiteral("1 or more")},
                               {QStringLiteral("offset"), QStringLiteral("0 or more")}};
        return e;
    }
    return page;
}

} // namespace joxai
