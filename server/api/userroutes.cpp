#include "server/api/userroutes.h"

#include "server/api/jsoninput.h"
#include "server/api/views.h"
#include "server/services/userservice.h"
#include "server/storage/database.h"

namespace joxai {

namespace {

const QStringList kRoles = {QStringLiteral("admin"), QStringLiteral("supervisor"), QStringLiteral("agent")};

QJsonObject directoryJson(const User &u)
{
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("full_name"), u.fullName},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("role"), u.role}};
}

// ?q=&role=&limit=&offset= of the users list and the staff directory.
Result<UserFilter> userFilterFrom(const ApiRequest &req)
{
    auto page = pageFrom(req);
    if (!page)
        return page.error();
    UserFilter filter;
    filter.page = page.value();
    filter.search = req.queryValue(QStringLiteral("q")).left(200);
    filter.role = req.queryValue(QStringLiteral("role"));
    if (!filter.role.isEmpty() && !kRoles.contains(filter.role))
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                           QStringLiteral("role must be admin, supervisor or agent."));
    return filter;
}

} // namespace

void installUserRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/users");
    const RouteOptions staff{true, QString(), Gate::All};

    router.add("GET", base, [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto filter = userFilterFrom(req);
        if (!filter)
            return reply.error(filter.error());
        runStaff(ctx, req, reply, Role::Admin, [&ctx, filter = filter.value()](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto users = ctx.users.list(s, who, filter);
            if (!users)
                return users.error();
            return HttpResponse::page(users.value(), userJson);
        });
    }, staff);

    // The staff directory (every role): who can take a ticket or a conversation.
    router.add("GET", QStringLiteral("/api/v1/staff"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto filter = userFilterFrom(req);
        if (!filter)
            return reply.error(filter.error());
        runStaff(ctx, req, reply, Role::Agent, [&ctx, filter = filter.value()](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto staff = ctx.users.directory(s, who, filter);
            if (!staff)
                return staff.error();
            return HttpResponse::page(staff.value(), directoryJson);
        });
    }, staff);

    router.add("POST", base, [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto email = in->email(QStringLiteral("email"), true);
        const auto fullName = in->string(QStringLiteral("full_name"), false, 200);
        const auto role = in->oneOf(QStringLiteral("role"), kRoles, true);
        const auto password = in->string(QStringLiteral("password"), false, 1000);
        if (!in->ok())
            return reply.error(in->error());
        runStaff(ctx, req, reply, Role::Admin,
                 [&ctx, email = *email, fullName = fullName.value_or(QString()), role = *role,
                  password = password.value_or(QString())](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto made = ctx.users.create(s, who, email, fullName, role, password);
            if (!made)
                return made.error();
            QJsonObject body = userJson(made->user);
            if (!made->temporaryPassword.isEmpty())
                body.insert(QStringLiteral("temporary_password"), made->temporaryPassword);
            return HttpResponse::json(201, body);
        }, Pool::Bcrypt);
    }, staff);

    router.add("GET", base + QStringLiteral("/{id}"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Admin, [&ctx, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto user = ctx.users.get(s, who, id);
            if (!user)
                return user.error();
            return HttpResponse::json(200, userJson(user.value()));
        });
    }, staff);

    router.add("PATCH", base + QStringLiteral("/{id}"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        UserChanges changes;
        changes.fullName = in->string(QStringLiteral("full_name"), false, 200);
        changes.role = in->oneOf(QStringLiteral("role"), kRoles, false);
        changes.isActive = in->boolean(QStringLiteral("is_active"), false);
        if (!in->ok())
            return reply.error(in->error());
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Admin, [&ctx, id, changes](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto user = ctx.users.update(s, who, id, changes);
            if (!user)
                return user.error();
            return HttpResponse::json(200, userJson(user.value()));
        });
    }, staff);

    router.add("POST", base + QStringLiteral("/{id}/reset-password"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Admin, [&ctx, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto temporary = ctx.users.resetPassword(s, who, id);
            if (!temporary)
                return temporary.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("temporary_password"), temporary.value()},
                                                       {QStringLiteral("must_change_password"), true}});
        }, Pool::Bcrypt);
    }, staff);
}

} // namespace joxai
