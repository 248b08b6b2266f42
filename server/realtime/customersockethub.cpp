#include "server/realtime/customersockethub.h"

#include "server/realtime/eventbus.h"
#include "server/services/chatevents.h"
#include "server/services/chatservice.h"
#include "server/storage/database.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>
#include <QWebSocket>

namespace joxai {

namespace {

constexpr int kNotFound = 4404;
constexpr int kTooMany = 4429;
constexpr int kIdle = 4000;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

CustomerSocketHub::CustomerSocketHub(const ChatService &chat, Database &db, EventBus &bus, Limits limits,
                                     QObject *parent)
    : QObject(parent), m_chat(chat), m_db(db), m_bus(bus), m_limits(limits)
{
    connect(&bus, &EventBus::eventReady, this, &CustomerSocketHub::route);
    connect(&m_heartbeat, &QTimer::timeout, this, &CustomerSocketHub::heartbeat);
    m_heartbeat.start(m_limits.heartbeatSeconds * 1000);
}

CustomerSocketHub::~CustomerSocketHub()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    m_clients.clear();
    m_byConversation.clear();
    for (QWebSocket *ws : sockets) {
        ws->disconnect(this);
        ws->abort();
        delete ws;
    }
}

QJsonObject CustomerSocketHub::customerView(const Event &event)
{
    QJsonObject data;
    if (event.type == QLatin1String("message.created")) {
        const QString sender = event.data.value(QStringLiteral("sender")).toString();
        if (event.data.value(QStringLiteral("internal")).toBool()
            || (sender != QLatin1String("agent") && sender != QLatin1String("system")))
            return {};
        for (const QString &key : {QStringLiteral("id"), QStringLiteral("conversation_id"), QStringLiteral("sender"),
                                   QStringLiteral("body"), QStringLiteral("created_at")})
            data.insert(key, event.data.value(key));
    } else if (event.type == QLatin1String("conversation.updated")) {
        data = {{QStringLiteral("conversation_id"), event.conversationId},
                {QStringLiteral("status"), event.data.value(QStringLiteral("status"))}};
    } else if (event.type == QLatin1String("typing")) {
        if (event.data.value(QStringLiteral("from")).toString() != QLatin1String("agent"))
            return {};
        data = {{QStringLiteral("conversation_id"), event.conversationId}, {QStringLiteral("from"), QStringLiteral("agent")}};
    } else {
        return {};
    }
    return {{QStringLiteral("type"), event.type},
            {QStringLiteral("id"), event.id},
            {QStringLiteral("at"), SqlSession::isoTime(event.createdAt)},
            {QStringLiteral("data"), data}};
}

void CustomerSocketHub::accept(QWebSocket *socket)
{
    socket->setParent(this);
    const QUrlQuery query(socket->requestUrl());
    const QString conversationId = query.queryItemValue(QStringLiteral("conversation_id"), QUrl::FullyDecoded).toLower();
    const QString token = query.queryItemValue(QStringLiteral("session_token"), QUrl::FullyDecoded);
    QPointer<QWebSocket> guard(socket);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    const ChatService &chat = m_chat;
    m_db.run<Conversation>(this, [&chat, conversationId, token](SqlSession &s) { return chat.open(s, conversationId, token); },
                           [this, guard, conversationId](Result<Conversation> c) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        if (!c) {
            guard->close(QWebSocketProtocol::CloseCode(kNotFound), c.error().detail);
            return;
        }
        if (m_byConversation.count(conversationId) >= m_limits.perConversation) {
            guard->close(QWebSocketProtocol::CloseCode(kTooMany), QStringLiteral("Too many open connections for this conversation."));
            return;
        }
        admit(guard.data(), conversationId);
        guard->sendTextMessage(compact({{QStringLiteral("type"), QStringLiteral("hello")},
                                        {QStringLiteral("conversation_id"), conversationId},
                                        {QStringLiteral("status"), c->status}}));
    });
}

void CustomerSocketHub::admit(QWebSocket *socket, const QString &conversationId)
{
    Client client;
    client.conversationId = conversationId;
    client.lastSeen.start();
    m_clients.insert(socket, client);
    m_byConversation.insert(conversationId, socket);
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { onText(socket, text); });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        auto it = m_clients.find(socket);
        if (it != m_clients.end())
            it->lastSeen.restart();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
}

void CustomerSocketHub::forget(QWebSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    m_byConversation.remove(it->conversationId, socket);
    m_clients.erase(it);
}

void CustomerSocketHub::route(const Event &event)
{
    if (event.conversationId.isEmpty() || !m_byConversation.contains(event.conversationId))
        return;
    const QJsonObject view = customerView(event);
    if (view.isEmpty())
        return;
    const QString text = compact(view);
    const QList<QWebSocket *> sockets = m_byConversation.values(event.conversationId);
    for (QWebSocket *ws : sockets) {
        if (ws->bytesToWrite() > m_limits.maxQueuedBytes) {
            // A widget that stopped reading resyncs with messages?after= when it comes back.
            QMetaObject::invokeMethod(ws, &QWebSocket::abort, Qt::QueuedConnection);
            continue;
        }
        ws->sendTextMessage(text);
        ws->flush();
    }
}

void CustomerSocketHub::onText(QWebSocket *socket, const QString &text)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    it->lastSeen.restart();
    const QString type = QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        socket->sendTextMessage(QStringLiteral("{\"type\":\"pong\"}"));
        return;
    }
    if (type != QLatin1String("typing"))
        return;
    if (it->lastTyping.isValid() && it->lastTyping.elapsed() < m_limits.typingIntervalMs)
        return;
    it->lastTyping.start();
    // Staff see the customer typing; the event goes through the log like every other.
    const QString conversationId = it->conversationId;
    EventBus *bus = &m_bus;
    m_db.run<Event>(this, [conversationId](SqlSession &s) -> Result<Event> {
        auto c = ConversationStore::byPublicId(s, conversationId);
        if (!c)
            return c.error();
        if (!c->has_value())
            return Error::make(ErrorKind::NotFound, QStringLiteral("conversation_not_found"), QStringLiteral("gone"));
        return ChatEvents::typing(s, c->value(), QStringLiteral("customer"), 0);
    }, [bus](Result<Event> e) {
        if (e)
            bus->kick();
    });
}

void CustomerSocketHub::heartbeat()
{
    QList<QWebSocket *> idle;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->lastSeen.elapsed() > qint64(m_limits.idleSeconds) * 1000)
            idle << it.key();
        else
            it.key()->ping();
    }
    for (QWebSocket *ws : idle) {
        ws->close(QWebSocketProtocol::CloseCode(kIdle), QStringLiteral("No answer to pings."));
        QTimer::singleShot(5000, ws, [ws] { ws->abort(); });
    }
}

void CustomerSocketHub::closeAll(int code, const QString &reason)
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *ws : sockets)
        ws->close(QWebSocketProtocol::CloseCode(code), reason);
}

} // namespace joxai
