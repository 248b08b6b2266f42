#include "server/api/chatroutes.h"

#include "server/api/jsoninput.h"
#include "server/api/pendingchatmessages.h"
#include "server/assistant/assistant.h"
#include "server/auth/ratelimiter.h"
#include "server/realtime/eventbus.h"
#include "server/services/chatanswer.h"
#include "server/services/chatservice.h"
#include "server/storage/database.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

#include <variant>

namespace joxai {

namespace {

constexpr int kMaxMetadataBytes = 4096;

QString sessionTokenOf(const ApiRequest &req)
{
    return QString::fromLatin1(req.header("x-session-token").trimmed());
}

bool isLanguageTag(const QString &tag)
{
    static const QRegularExpression bcp47(QStringLiteral("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$"));
    return bcp47.match(tag).hasMatch();
}

QJsonObject transcriptItem(const ChatMessage &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("sender"), m.sender},
                  {QStringLiteral("body"), m.body},
                  {QStringLiteral("created_at"), SqlSession::isoTime(m.createdAt)}};
    if (!m.sources.isEmpty())
        o.insert(QStringLiteral("sources"), m.sources);
    return o;
}

// A repeat of an answered keyed message gets the first attempt's answer as it was stored.
HttpResponse outcomeResponse(const ChatOutcome &o)
{
    return HttpResponse::json(200, o.replayed ? *o.replayed : ChatAnswer::toJson(o));
}

QJsonObject conversationState(const Conversation &c)
{
    return {{QStringLiteral("conversation_id"), c.publicId},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("verified"), c.verified}};
}

// Runs customer work on the pool, answers, and tells the EventBus about what was committed.
void runChat(const ApiContext &ctx, const ApiReply &reply, int status,
             std::function<Result<QJsonObject>(SqlSession &)> work)
{
    EventBus *bus = &ctx.bus;
    ctx.db.run<QJsonObject>(reply.context(), std::move(work), [reply, status, bus](Result<QJsonObject> r) {
        if (r)
            reply.json(status, r.value());
        else
            reply.error(r.error());
        bus->kick();
    });
}

Error invalidConversation()
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("conversation_not_found"),
                       QStringLiteral("No such conversation, or the session token does not open it."));
}

void postMessage(const ApiContext &ctx, const std::shared_ptr<PendingChatMessages> &pending, const ApiRequest &req,
                 const ApiReply &reply)
{
    auto in = JsonInput::parse(req.body);
    if (!in)
        return reply.error(in.error());
    const auto conversationId = in->string(QStringLiteral("conversation_id"), true, 64);
    const auto message = in->string(QStringLiteral("message"), true, ChatService::kMaxMessageLength);
    // The retry key is a body field, not an Idempotency-Key header: the widget's socket and
    // polling fallback already speak JSON, and the key belongs to the message, like its text.
    // Checked as sent (not trimmed): the key is an identifier, compared byte for byte.
    QString clientMessageId;
    if (in->has(QStringLiteral("client_message_id"))) {
        const QJsonValue key = in->object().value(QStringLiteral("client_message_id"));
        if (key.isString() && ChatService::isClientMessageId(key.toString()))
            clientMessageId = key.toString();
        else
            in->addProblem(QStringLiteral("client_message_id"),
                           QStringLiteral("must be a string of 1 to 64 characters from A-Z, a-z, 0-9, _ and -"));
    }
    if (!in->ok())
        return reply.error(in->error());
    const QString publicId = conversationId->toLower();
    if (!ChatService::isConversationId(publicId))
        return reply.error(invalidConversation());
    // 20 messages a minute per conversation (JOXAI_RATE_LIMIT_CHAT).
    const auto decision = ctx.limiter.hit(QStringLiteral("chat"), QStringLiteral("conv:") + publicId);
    if (!decision.allowed) {
        Error e = Error::make(ErrorKind::RateLimited, QStringLiteral("rate_limited"),
                              QStringLiteral("Too many messages; try again in %1 seconds.").arg(decision.retryAfterSeconds));
        e.retryAfterSeconds = decision.retryAfterSeconds;
        return reply.error(e);
    }

    using Step = std::variant<ChatOutcome, CustomerTurn>;
    const ChatService &chat = ctx.chat;
    Assistant &assistant = ctx.assistant;
    const QString token = sessionTokenOf(req);
    const QString text = *message;
    Database &db = ctx.db;
    EventBus *bus = &ctx.bus;
    // A repeat of a keyed message still being answered waits for that answer (see PendingChatMessages).
    const QString pendingKey = clientMessageId.isEmpty()
        ? QString()
        : publicId + QLatin1Char('\n') + token + QLatin1Char('\n') + clientMessageId;
    std::shared_ptr<PendingChatMessages::Attempt> attempt = pending->begin(pendingKey, reply);
    if (!attempt)
        return;
    db.run<Step>(
        reply.context(),
        [&chat, &assistant, publicId, token, text, clientMessageId](SqlSession &s) -> Result<Step> {
            if (assistant.answersOnWorker()) {
                // The message and its reply in one commit: a 503 leaves neither behind.
                auto outcome = chat.answerOnWorker(
                    s, publicId, token, text, [&assistant](const AssistantRequest &request) {
                        return assistant.answerLocally(request);
                    }, clientMessageId);
                if (!outcome)
                    return outcome.error();
                return Step(outcome.value());
            }
            auto turn = chat.acceptMessage(s, publicId, token, text, true, clientMessageId);
            if (!turn)
                return turn.error();
            if (!turn->needsReply)
                return Step(ChatService::withoutReply(turn.value()));
            return Step(turn.value());
        },
        [attempt, reply, &chat, &assistant, &db, bus](Result<Step> step) {
            if (!step)
                return attempt->send(HttpResponse::error(step.error()));
            if (auto *done = std::get_if<ChatOutcome>(&step.value())) {
                attempt->send(outcomeResponse(*done));
                if (done->raisedEvents)
                    bus->kick();
                return;
            }
            // A remote provider answers on this (the main) thread; the reply is then stored on the pool.
            const CustomerTurn turn = std::get<CustomerTurn>(step.value());
            QPointer<QObject> context(reply.context());
            assistant.answer(turn.request, [attempt, &chat, &db, bus, turn, context](AssistantReply answer) {
                if (!context)
                    return;
                db.run<ChatOutcome>(
                    context,
                    [&chat, turn, answer](SqlSession &s) { return chat.recordReply(s, turn, answer); },
                    [attempt, bus](Result<ChatOutcome> outcome) {
                        if (!outcome)
                            return attempt->send(HttpResponse::error(outcome.error()));
                        attempt->send(outcomeResponse(outcome.value()));
                        if (outcome->raisedEvents)
                            bus->kick();
                    });
            });
        });
}

} // namespace

void installChatRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/chat");

    router.add("POST", base + QStringLiteral("/start"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        ChatStart start;
        start.customerName = in->string(QStringLiteral("customer_name"), false, 200).value_or(QString());
        start.customerEmail = in->email(QStringLiteral("customer_email"), false).value_or(QString());
        start.language = in->string(QStringLiteral("language"), false, 35).value_or(QStringLiteral("en"));
        start.metadata = in->object(QStringLiteral("metadata"), false).value_or(QJsonObject());
        start.identityToken = in->string(QStringLiteral("identity_token"), false, 2048).value_or(QString());
        if (!start.language.isEmpty() && !isLanguageTag(start.language))
            in->addProblem(QStringLiteral("language"), QStringLiteral("must be a language tag such as en or fr-CA"));
        if (QJsonDocument(start.metadata).toJson(QJsonDocument::Compact).size() > kMaxMetadataBytes)
            in->addProblem(QStringLiteral("metadata"), QStringLiteral("must be at most %1 bytes").arg(kMaxMetadataBytes));
        if (!in->ok())
            return reply.error(in->error());
        const ChatService &chat = ctx.chat;
        runChat(ctx, reply, 201, [&chat, start](SqlSession &s) -> Result<QJsonObject> {
            auto started = chat.start(s, start);
            if (!started)
                return started.error();
            QJsonObject body = conversationState(started->conversation);
            body.insert(QStringLiteral("session_token"), started->sessionToken);
            body.insert(QStringLiteral("greeting"), started->greeting);
            body.insert(QStringLiteral("language"), started->conversation.language);
            return body;
        });
    }, RouteOptions{false, QStringLiteral("chat_start"), Gate::All});

    router.add("POST", base + QStringLiteral("/message"),
               [&ctx, pending = std::make_shared<PendingChatMessages>()](const ApiRequest &req, const ApiReply &reply) {
        postMessage(ctx, pending, req, reply);
    });

    router.add("GET", base + QStringLiteral("/{conversation_id:str}/messages"),
               [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto page = pageFrom(req);
        if (!page)
            return reply.error(page.error());
        auto afterId = afterFrom(req, QStringLiteral("a message id"));
        if (!afterId)
            return reply.error(afterId.error());
        const qint64 after = afterId.value();
        const ChatService &chat = ctx.chat;
        const QString publicId = req.params.value(QStringLiteral("conversation_id")).toLower();
        const QString token = sessionTokenOf(req);
        runChat(ctx, reply, 200, [&chat, publicId, token, after, page = page.value()](SqlSession &s)
                                     -> Result<QJsonObject> {
            auto conversation = chat.open(s, publicId, token);
            if (!conversation)
                return conversation.error();
            auto messages = ConversationStore::messagesAfter(s, conversation->id, after, false, page);
            if (!messages)
                return messages.error();
            QJsonArray items;
            for (const ChatMessage &m : messages->items)
                items.append(transcriptItem(m));
            return QJsonObject{{QStringLiteral("items"), items},
                               {QStringLiteral("total"), messages->total},
                               {QStringLiteral("limit"), messages->limit},
                               {QStringLiteral("offset"), messages->offset},
                               {QStringLiteral("status"), conversation->status}};
        });
    });

    router.add("POST", base + QStringLiteral("/{conversation_id:str}/escalate"),
               [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const QString reason = in->string(QStringLiteral("reason"), false, 1000).value_or(QString());
        if (!in->ok())
            return reply.error(in->error());
        const ChatService &chat = ctx.chat;
        const QString publicId = req.params.value(QStringLiteral("conversation_id")).toLower();
        const QString token = sessionTokenOf(req);
        runChat(ctx, reply, 200, [&chat, publicId, token, reason](SqlSession &s) -> Result<QJsonObject> {
            auto c = chat.escalate(s, publicId, token, reason);
            if (!c)
                return c.error();
            QJsonObject body = conversationState(c.value());
            body.insert(QStringLiteral("escalated"), true);
            return body;
        });
    });

    router.add("POST", base + QStringLiteral("/{conversation_id:str}/rating"),
               [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto score = in->integer(QStringLiteral("score"), true, 1, 5);
        const QString comment = in->string(QStringLiteral("comment"), false, 2000).value_or(QString());
        if (!in->ok())
            return reply.error(in->error());
        const ChatService &chat = ctx.chat;
        const QString publicId = req.params.value(QStringLiteral("conversation_id")).toLower();
        const QString token = sessionTokenOf(req);
        runChat(ctx, reply, 200, [&chat, publicId, token, score = int(*score), comment](SqlSession &s)
                                     -> Result<QJsonObject> {
            auto c = chat.rate(s, publicId, token, score, comment);
            if (!c)
                return c.error();
            QJsonObject body = conversationState(c.value());
            body.insert(QStringLiteral("rating"), c->rating);
            return body;
        });
    });

    router.add("POST", base + QStringLiteral("/{conversation_id:str}/close"),
               [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const bool sendTranscript = in->boolean(QStringLiteral("send_transcript"), false).value_or(false);
        const QString email = in->email(QStringLiteral("email"), false).value_or(QString());
        if (!in->ok())
            return reply.error(in->error());
        const ChatService &chat = ctx.chat;
        const QString publicId = req.params.value(QStringLiteral("conversation_id")).toLower();
        const QString token = sessionTokenOf(req);
        runChat(ctx, reply, 200, [&chat, publicId, token, sendTranscript, email](SqlSession &s) -> Result<QJsonObject> {
            QString to;
            if (sendTranscript) {
                auto c = chat.open(s, publicId, token);
                if (!c)
                    return c.error();
                to = email.isEmpty() ? c->customerEmail : email;
                if (to.isEmpty()) {
                    Error e = Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
                                          QStringLiteral("Give an e-mail address for the transcript."));
                    e.fields = QJsonObject{{QStringLiteral("email"), QStringLiteral("required to send the transcript")}};
                    return e;
                }
            }
            auto c = chat.close(s, publicId, token, to);
            if (!c)
                return c.error();
            QJsonObject body = conversationState(c.value());
            body.insert(QStringLiteral("transcript_to"), to.isEmpty() ? QJsonValue() : QJsonValue(to));
            return body;
        });
    });

    // The customer socket is an upgrade of this path (HttpServer hands it to CustomerSocketHub);
    // a plain GET is told so, as on the staff socket's path, instead of a bare 404.
    router.add("GET", base + QStringLiteral("/ws"), [](const ApiRequest &, const ApiReply &reply) {
        HttpResponse r = HttpResponse::error(Error::make(
            ErrorKind::BadRequest, QStringLiteral("upgrade_required"),
            QStringLiteral("Open this path as a WebSocket: ws://…/api/v1/chat/ws?conversation_id=…&session_token=….")));
        r.status = 426;
        r.headers.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
        reply.send(r);
    });
}

} // namespace joxai
