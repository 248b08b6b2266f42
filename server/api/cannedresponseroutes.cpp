#include "server/api/cannedresponseroutes.h"

#include "server/api/jsoninput.h"
#include "server/services/cannedresponseservice.h"
#include "server/storage/database.h"

#include <QRegularExpression>

namespace joxai {

namespace {

constexpr int kMaxTitle = 200;
constexpr int kMaxContent = 4000;
constexpr int kMaxShortcut = 32;

QJsonObject cannedJson(const CannedResponse &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("content"), c.content},
            {QStringLiteral("shortcut"), c.shortcut.isEmpty() ? QJsonValue() : QJsonValue(c.shortcut)},
            {QStringLiteral("personal"), c.ownerId > 0},
            {QStringLiteral("owner_id"), c.ownerId > 0 ? QJsonValue(c.ownerId) : QJsonValue()},
            {QStringLiteral("created_at"), SqlSession::isoTime(c.createdAt)},
            {QStringLiteral("updated_at"), SqlSession::isoTime(c.updatedAt)}};
}

// "/hours", "card-lost": a slash is optional, then letters, digits, - and _.
void checkShortcut(JsonInput &in, const std::optional<QString> &shortcut)
{
    static const QRegularExpression form(QStringLiteral("^/?[\\p{L}\\p{N}_-]{1,31}$"));
    if (shortcut && !shortcut->isEmpty() && !form.match(*shortcut).hasMatch())
        in.addProblem(QStringLiteral("shortcut"), QStringLiteral("letters, digits, - and _ only, after an optional /"));
}

} // namespace

void installCannedResponseRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/canned-responses");
    const RouteOptions staff{true, QString(), Gate::All};
    static const CannedResponseService service;

    router.add("GET", base, [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto page = pageFrom(req);
        if (!page)
            return reply.error(page.error());
        const QString search = req.queryValue(QStringLiteral("q")).trimmed().left(200);
        runStaff(ctx, req, reply, Role::Agent, [search, page = page.value()](SqlSession &s, const Principal &who)
                                                   -> Result<HttpResponse> {
            auto list = service.list(s, who, search, page);
            if (!list)
                return list.error();
            return HttpResponse::page(list.value(), cannedJson);
        });
    }, staff);

    router.add("POST", base, [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        CannedResponse c;
        const auto title = in->string(QStringLiteral("title"), true, kMaxTitle);
        const auto content = in->string(QStringLiteral("content"), true, kMaxContent);
        const auto shortcut = in->string(QStringLiteral("shortcut"), false, kMaxShortcut);
        const bool personal = in->boolean(QStringLiteral("personal"), false).value_or(false);
        checkShortcut(*in, shortcut);
        if (!in->ok())
            return reply.error(in->error());
        c.title = *title;
        c.content = *content;
        c.shortcut = shortcut.value_or(QString());
        runStaff(ctx, req, reply, Role::Agent, [c, personal](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto made = service.create(s, who, c, personal);
            if (!made)
                return made.error();
            return HttpResponse::json(201, cannedJson(made.value()));
        });
    }, staff);

    router.add("PUT", base + QStringLiteral("/{id}"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto title = in->string(QStringLiteral("title"), false, kMaxTitle, 1);
        const auto content = in->string(QStringLiteral("content"), false, kMaxContent, 1);
        const auto shortcut = in->string(QStringLiteral("shortcut"), false, kMaxShortcut);
        checkShortcut(*in, shortcut);
        if (!in->ok())
            return reply.error(in->error());
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Agent, [id, title, content, shortcut](SqlSession &s, const Principal &who)
                                                   -> Result<HttpResponse> {
            auto changed = service.update(s, who, id, title, content, shortcut);
            if (!changed)
                return changed.error();
            return HttpResponse::json(200, cannedJson(changed.value()));
        });
    }, staff);

    router.add("DELETE", base + QStringLiteral("/{id}"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Agent, [id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            if (auto d = service.remove(s, who, id); !d)
                return d.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
        });
    }, staff);
}

} // namespace joxai
