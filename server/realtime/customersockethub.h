#pragma once
// The customer's WebSocket (/api/v1/chat/ws?conversation_id=..&session_token=..): opened only by
// the conversation's own session token (else closed with 4404), it carries what a customer may
// see of their conversation's events — staff and system messages (never internal notes), status
// changes and staff typing — in the envelope of shared/API.md. The customer can send
// {"type":"ping"} and {"type":"typing"}. A reconnecting widget asks
// GET /api/v1/chat/{id}/messages?after= for what it missed, so a dropped socket loses nothing.

#include "server/storage/eventstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMultiHash>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace joxai {

class ChatService;
class Database;
class EventBus;

class CustomerSocketHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSocketHub)

public:
    struct Limits
    {
        int perConversation = 5;           // open sockets of one conversation (4429 beyond)
        qint64 maxQueuedBytes = 256 * 1024; // a customer who stops reading is cut off
        int heartbeatSeconds = 30;
        int idleSeconds = 90;
        int typingIntervalMs = 2000;       // at most one typing event per socket in this time
    };

    CustomerSocketHub(const ChatService &chat, Database &db, EventBus &bus, Limits limits, QObject *parent = nullptr);
    ~CustomerSocketHub() override;

    void accept(QWebSocket *socket);
    int connectionCount() const { return int(m_clients.size()); }
    void closeAll(int code, const QString &reason);

    // What of `event` a customer may see, or an empty object when nothing.
    static QJsonObject customerView(const Event &event);

private:
    struct Client
    {
        QString conversationId;
        QElapsedTimer lastSeen;
        QElapsedTimer lastTyping;
    };

    void admit(QWebSocket *socket, const QString &conversationId);
    void route(const Event &event);
    void onText(QWebSocket *socket, const QString &text);
    void heartbeat();
    void forget(QWebSocket *socket);

    const ChatService &m_chat;
    Database &m_db;
    EventBus &m_bus;
    Limits m_limits;
    QHash<QWebSocket *, Client> m_clients;
    QMultiHash<QString, QWebSocket *> m_byConversation;
    QTimer m_heartbeat;
};

} // namespace joxai
