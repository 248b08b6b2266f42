#pragma once
// The staff WebSocket (/api/v1/ws?token=JWT): checks the token on connect (4401), holds per-user
// connection limits (4429), routes each event to the sockets whose user may see it, answers
// {"type":"ping"} with {"type":"pong"}, pings idle clients, closes sockets whose token expired or
// was revoked (4401), and cuts off a socket that falls too far behind (the client reconnects and
// resyncs with GET /api/v1/events?after=) so one slow consumer never holds up the others.

#include "server/core/roles.h"
#include "server/storage/eventstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace joxai {

class AuthService;
class Database;
class EventBus;
class TokenService;

class StaffSocketHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffSocketHub)

public:
    struct Limits
    {
        int perUser = 5;
        QHash<Role, int> perRole; // all sockets of one role together; a role not listed is unlimited
        qint64 maxQueuedBytes = 1024 * 1024; // unsent bytes a socket may keep for 2 s
        qint64 hardQueuedBytes = 8 * 1024 * 1024; // … or at all
        int heartbeatSeconds = 30;
        int idleSeconds = 90;
        int revalidateSeconds = 30;
    };

    StaffSocketHub(const TokenService &tokens, const AuthService &auth, Database &db, EventBus &bus, Limits limits,
                   QObject *parent = nullptr);
    ~StaffSocketHub() override;

    // Takes ownership of a socket that asked for /api/v1/ws.
    void accept(QWebSocket *socket);
    // {"connections","by_role":{...},"users","events_sent"}
    QJsonObject stats() const;
    int connectionCount() const { return int(m_clients.size()); }
    // Closes every socket (shutdown: 1001 makes clients reconnect elsewhere).
    void closeAll(int code, const QString &reason);

private:
    struct Client
    {
        qint64 userId = 0;
        Role role = Role::Agent;
        qint64 tokenVersion = 0;
        QDateTime expiresAt;
        QElapsedTimer lastSeen;
        bool behind = false; // over maxQueuedBytes; checked again shortly
    };

    void admit(QWebSocket *socket, const Client &client);
    void route(const Event &event);
    void onText(QWebSocket *socket, const QString &text);
    void heartbeat();
    void revalidate();
    void drop(QWebSocket *socket, int code, const QString &reason);
    void checkBehind(QWebSocket *socket);

    const TokenService &m_tokens;
    const AuthService &m_auth;
    Database &m_db;
    Limits m_limits;
    QHash<QWebSocket *, Client> m_clients;
    QHash<qint64, int> m_perUser;
    QHash<Role, int> m_perRole;
    qint64 m_eventsSent = 0;
    QTimer m_heartbeat;
    QTimer m_revalidate;
};

} // namespace joxai
