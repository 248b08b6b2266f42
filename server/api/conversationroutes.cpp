#include "server/api/conversationroutes.h"

#include "server/api/jsoninput.h"
#include "server/services/chatevents.h"
#include "server/services/chatservice.h"
#include "server/services/conversationservice.h"
#include "server/storage/database.h"

namespace joxai {

namespace {

const QStringList kStatuses = {QStringLiteral("bot"), QStringLiteral("waiting"), QStringLiteral("agent"),
                               QStringLiteral("closed")};

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(SqlSession::isoTime(t)) : QJsonValue();
}

QJsonObject conversationJson(const Conversation &c)
{
    QJsonObject o = ChatEvents::conversationSummary(c);
    o.insert(QStringLiteral("customer"), QJsonObject{
        {QStringLiteral("id"), c.customerId > 0 ? QJsonValue(c.customerId) : QJsonValue()},
        {QStringLiteral("name"), c.customerName.isEmpty() ? QJsonValue() : QJsonValue(c.customerName)},
        {QStringLiteral("email"), c.customerEmail.isEmpty() ? QJsonValue() : QJsonValue(c.customerEmail)}});
    o.insert(QStringLiteral("escalation_reason"), c.escalationReason.isEmpty() ? QJsonValue() : QJsonValue(c.escalationReason));
    o.insert(QStringLiteral("ai_fallback"), c.aiFallback);
    o.insert(QStringLiteral("rating"), c.rating > 0 ? QJsonValue(c.rating) : QJsonValue());
    o.insert(QStringLiteral("metadata"), c.metadata);
    o.insert(QStringLiteral("escalated_at"), timeOrNull(c.escalatedAt));
    o.insert(QStringLiteral("first_response_at"), timeOrNull(c.firstResponseAt));
    o.insert(QStringLiteral("closed_at"), timeOrNull(c.closedAt));
    o.insert(QStringLiteral("created_at"), SqlSession::isoTime(c.createdAt));
    o.insert(QStringLiteral("updated_at"), SqlSession::isoTime(c.updatedAt));
    return o;
}

Result<ConversationFilter> filterFrom(const ApiRequest &req, const PageRequest &page)
{
    ConversationFilter f;
    f.page = page;
    f.status = req.queryValue(QStringLiteral("status"));
    f.search = req.queryValue(QStringLiteral("q")).trimmed().left(200);
    const QString assigned = req.queryValue(QStringLiteral("assigned_to"));
    Error bad = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                            QStringLiteral("status must be bot, waiting, agent or closed; assigned_to me, none or a user id."));
    if (!f.status.isEmpty() && !kStatuses.contains(f.status))
        return bad;
    if (assigned == QLatin1String("none")) {
        f.assigned = ConversationFilter::Assigned::Nobody;
    } else if (!assigned.isEmpty() && assigned != QLatin1String("me")) {
        bool ok = false;
        f.assignedTo = assigned.toLongLong(&ok);
        if (!ok || f.assignedTo <= 0)
            return bad;
        f.assigned = ConversationFilter::Assigned::User;
    } else if (assigned == QLatin1String("me")) {
        f.assigned = ConversationFilter::Assigned::User; // the caller's id is filled in on the worker
    }
    return f;
}

QString idParam(const ApiRequest &req)
{
    return req.params.value(QStringLiteral("id")).toLower();
}

} // namespace

void installConversationRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/conversations");
    const RouteOptions staff{true, QString(), Gate::All};
    const ConversationService &service = ctx.conversations;

    router.add("GET", base, [&ctx, &service](const ApiRequest &req, const ApiReply &reply) {
        auto page = pageFrom(req);
        if (!page)
            return reply.error(page.error());
        auto filter = filterFrom(req, page.value());
        if (!filter)
            return reply.error(filter.error());
        const bool mine = req.queryValue(QStringLiteral("assigned_to")) == QLatin1String("me");
        runStaff(ctx, req, reply, Role::Agent, [&service, f = filter.value(), mine](SqlSession &s, const Principal &who) mutable
                                                   -> Result<HttpResponse> {
            if (mine)
                f.assignedTo = who.userId;
            auto list = service.list(s, who, f);
            if (!list)
                return list.error();
            return HttpResponse::page(list.value(), conversationJson);
        });
    }, staff);

    router.add("GET", base + QStringLiteral("/{id:str}"), [&ctx, &service](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [&service, id = idParam(req)](SqlSession &s, const Principal &who)
                                                   -> Result<HttpResponse> {
            auto d = service.detail(s, who, id);
            if (!d)
                return d.error();
            QJsonObject body = conversationJson(d->conversation);
            QJsonArray messages;
            for (const ChatMessage &m : d->messages)
                messages.append(ChatEvents::messageJson(m, d->conversation.publicId, true));
            body.insert(QStringLiteral("messages"), messages);
            body.insert(QStringLiteral("ticket_id"), d->ticketId > 0 ? QJsonValue(d->ticketId) : QJsonValue());
            return HttpResponse::json(200, body);
        });
    }, staff);

    using Action = Result<Conversation> (ConversationService::*)(SqlSession &, const Principal &, const QString &) const;
    const QList<QPair<QString, Action>> actions{{QStringLiteral("takeover"), &ConversationService::takeOver},
                                                {QStringLiteral("release"), &ConversationService::release},
                                                {QStringLiteral("close"), &ConversationService::close}};
    for (const auto &[name, action] : actions) {
        router.add("POST", base + QStringLiteral("/{id:str}/") + name,
                   [&ctx, &service, action](const ApiRequest &req, const ApiReply &reply) {
            runStaffThenKick(ctx, req, reply, Role::Agent, [&service, action, id = idParam(req)](SqlSession &s, const Principal &who)
                                                               -> Result<HttpResponse> {
                auto c = (service.*action)(s, who, id);
                if (!c)
                    return c.error();
                return HttpResponse::json(200, conversationJson(c.value()));
            });
        }, staff);
    }

    router.add("POST", base + QStringLiteral("/{id:str}/assign"), [&ctx, &service](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto userId = in->integer(QStringLiteral("user_id"), true, 1, std::numeric_limits<qint64>::max());
        if (!in->ok())
            return reply.error(in->error());
        runStaffThenKick(ctx, req, reply, Role::Agent, [&service, id = idParam(req), userId = *userId](SqlSession &s, const Principal &who)
                                                           -> Result<HttpResponse> {
            auto c = service.assign(s, who, id, userId);
            if (!c)
                return c.error();
            return HttpResponse::json(200, conversationJson(c.value()));
        });
    }, staff);

    router.add("POST", base + QStringLiteral("/{id:str}/messages"), [&ctx, &service](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto body = in->string(QStringLiteral("body"), true, ChatService::kMaxMessageLength);
        const bool internal = in->boolean(QStringLiteral("internal"), false).value_or(false);
        if (!in->ok())
            return reply.error(in->error());
        runStaffThenKick(ctx, req, reply, Role::Agent, [&service, id = idParam(req), text = *body, internal](
                                                           SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto m = service.postMessage(s, who, id, text, internal);
            if (!m)
                return m.error();
            return HttpResponse::json(201, ChatEvents::messageJson(m.value(), id, true));
        });
    }, staff);

    router.add("POST", base + QStringLiteral("/{id:str}/typing"), [&ctx, &service](const ApiRequest &req, const ApiReply &reply) {
        runStaffThenKick(ctx, req, reply, Role::Agent, [&service, id = idParam(req)](SqlSession &s, const Principal &who)
                                                           -> Result<HttpResponse> {
            if (auto t = service.typing(s, who, id); !t)
                return t.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("conversation_id"), id}});
        });
    }, staff);
}

} // namespace joxai
