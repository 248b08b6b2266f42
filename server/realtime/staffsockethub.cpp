#include "server/realtime/staffsockethub.h"

#include "server/auth/tokenservice.h"
#include "server/core/logging.h"
#include "server/realtime/eventbus.h"
#include "server/services/authservice.h"
#include "server/storage/database.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>
#include <QWebSocket>

namespace joxai {

namespace {

constexpr int kUnauthorized = 4401;
constexpr int kTooMany = 4429;
constexpr int kTooSlow = 4408;
constexpr int kIdle = 4000;

} // namespace

StaffSocketHub::StaffSocketHub(const TokenService &tokens, const AuthService &auth, Database &db, EventBus &bus,
                               Limits limits, QObject *parent)
    : QObject(parent), m_tokens(tokens), m_auth(auth), m_db(db), m_limits(limits)
{
    connect(&bus, &EventBus::eventReady, this, &StaffSocketHub::route);
    connect(&m_heartbeat, &QTimer::timeout, this, &StaffSocketHub::heartbeat);
    m_heartbeat.start(m_limits.heartbeatSeconds * 1000);
    connect(&m_revalidate, &QTimer::timeout, this, &StaffSocketHub::revalidate);
    m_revalidate.start(m_limits.revalidateSeconds * 1000);
}

StaffSocketHub::~StaffSocketHub()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *ws : sockets) {
        ws->disconnect(this);
        ws->abort();
        delete ws;
    }
}

void StaffSocketHub::accept(QWebSocket *socket)
{
    socket->setParent(this);
    const QString token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    auto claims = m_tokens.verify(token.toUtf8());
    if (!claims) {
        socket->close(QWebSocketProtocol::CloseCode(kUnauthorized), claims.error().detail);
        socket->deleteLater();
        return;
    }
    // The account must still be active and the token not revoked: that takes the database.
    const TokenClaims c = claims.value();
    const QString address = socket->peerAddress().toString();
    const AuthService &auth = m_auth;
    QPointer<QWebSocket> guard(socket);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    m_db.run<Principal>(this, [&auth, c, address](SqlSession &s) { return auth.principal(s, c, address, Gate::All); },
                        [this, guard, c](Result<Principal> who) {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        if (!who) {
            guard->close(QWebSocketProtocol::CloseCode(kUnauthorized), who.error().detail);
            return;
        }
        if (m_perUser.value(who->userId) >= m_limits.perUser) {
            guard->close(QWebSocketProtocol::CloseCode(kTooMany),
                         QStringLiteral("Too many open connections for this user."));
            return;
        }
        if (m_limits.perRole.contains(who->role) && m_perRole.value(who->role) >= m_limits.perRole.value(who->role)) {
            guard->close(QWebSocketProtocol::CloseCode(kTooMany),
                         QStringLiteral("Too many open connections for this role."));
            return;
        }
        Client client;
        client.userId = who->userId;
        client.role = who->role;
        client.tokenVersion = c.tokenVersion;
        client.expiresAt = c.expiresAt;
        client.lastSeen.start();
        admit(guard.data(), client);
    });
}

void StaffSocketHub::admit(QWebSocket *socket, const Client &client)
{
    m_clients.insert(socket, client);
    ++m_perUser[client.userId];
    ++m_perRole[client.role];
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { onText(socket, text); });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        auto it = m_clients.find(socket);
        if (it != m_clients.end())
            it->lastSeen.restart();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        auto it = m_clients.find(socket);
        if (it == m_clients.end())
            return;
        if (--m_perUser[it->userId] <= 0)
            m_perUser.remove(it->userId);
        --m_perRole[it->role];
        m_clients.erase(it);
    });
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("hello")},
        {QStringLiteral("user_id"), client.userId},
        {QStringLiteral("role"), roleName(client.role)}}).toJson(QJsonDocument::Compact)));
}

void StaffSocketHub::route(const Event &event)
{
    QString text; // serialised once, for every socket that may see it
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (!event.visibleTo(it->userId, it->role))
            continue;
        QWebSocket *ws = it.key();
        const qint64 queued = ws->bytesToWrite();
        if (queued > m_limits.hardQueuedBytes) {
            // Queued after the loop: closing emits signals that change m_clients.
            QMetaObject::invokeMethod(this, [this, ws = QPointer<QWebSocket>(ws)] {
                if (ws)
                    drop(ws, kTooSlow, QStringLiteral("Too far behind; resync with /api/v1/events."));
            }, Qt::QueuedConnection);
            continue;
        }
        if (queued > m_limits.maxQueuedBytes && !it->behind) {
            // A burst can fill a fast reader's buffer too: judge it after it had time to read.
            it->behind = true;
            QTimer::singleShot(2000, ws, [this, ws] { checkBehind(ws); });
        }
        if (text.isEmpty())
            text = QString::fromUtf8(QJsonDocument(event.envelope()).toJson(QJsonDocument::Compact));
        ws->sendTextMessage(text);
        ws->flush(); // hand it to the kernel now, so bytesToWrite() measures the reader, not us
        ++m_eventsSent;
    }
}

void StaffSocketHub::onText(QWebSocket *socket, const QString &text)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    it->lastSeen.restart();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(QStringLiteral("type")).toString() == QLatin1String("ping"))
        socket->sendTextMessage(QStringLiteral("{\"type\":\"pong\"}"));
}

void StaffSocketHub::heartbeat()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QPair<QWebSocket *, int>> closing;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->expiresAt.isValid() && it->expiresAt <= now)
            closing.append({it.key(), kUnauthorized});
        else if (it->lastSeen.elapsed() > qint64(m_limits.idleSeconds) * 1000)
            closing.append({it.key(), kIdle});
        else
            it.key()->ping();
    }
    for (const auto &[ws, code] : closing)
        drop(ws, code, code == kUnauthorized ? QStringLiteral("The session expired; sign in again.")
                                             : QStringLiteral("No answer to pings."));
}

void StaffSocketHub::revalidate()
{
    if (m_clients.isEmpty())
        return;
    // Logout, password changes, role changes and deactivation move the token version: sockets
    // opened with an older one are closed.
    QHash<qint64, qint64> versions;
    for (const Client &c : std::as_const(m_clients))
        versions.insert(c.userId, c.tokenVersion);
    const QList<qint64> ids = versions.keys();
    m_db.run<QHash<qint64, qint64>>(this, [ids](SqlSession &s) -> Result<QHash<qint64, qint64>> {
        QHash<qint64, qint64> current;
        for (qint64 id : ids) {
            auto user = UserStore::byId(s, id);
            if (!user)
                return user.error();
            current.insert(id, user->has_value() && (*user)->isActive ? (*user)->tokenVersion : -1);
        }
        return current;
    }, [this](Result<QHash<qint64, qint64>> current) {
        if (!current)
            return; // database down: keep sockets, check again next round
        QList<QWebSocket *> revoked;
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it)
            if (current->value(it->userId, -1) != it->tokenVersion)
                revoked.append(it.key());
        for (QWebSocket *ws : revoked)
            drop(ws, kUnauthorized, QStringLiteral("This session has ended; sign in again."));
    });
}

void StaffSocketHub::checkBehind(QWebSocket *socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    it->behind = false;
    if (socket->bytesToWrite() > m_limits.maxQueuedBytes)
        drop(socket, kTooSlow, QStringLiteral("Too far behind; resync with /api/v1/events."));
}

void StaffSocketHub::drop(QWebSocket *socket, int code, const QString &reason)
{
    if (!m_clients.contains(socket))
        return;
    if (code == kTooSlow) {
        // Its close frame would wait behind the backlog it is not reading: cut it off now.
        socket->abort();
        return;
    }
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
    // A peer that never answers the close handshake is cut off.
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
}

void StaffSocketHub::closeAll(int code, const QString &reason)
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *ws : sockets)
        drop(ws, code, reason);
}

QJsonObject StaffSocketHub::stats() const
{
    QJsonObject byRole{{QStringLiteral("admin"), 0}, {QStringLiteral("supervisor"), 0}, {QStringLiteral("agent"), 0}};
    for (const Client &c : m_clients) {
        const QString r = roleName(c.role);
        byRole.insert(r, byRole.value(r).toInt() + 1);
    }
    return {{QStringLiteral("connections"), int(m_clients.size())},
            {QStringLiteral("by_role"), byRole},
            {QStringLiteral("users"), int(m_perUser.size())},
            {QStringLiteral("events_sent"), m_eventsSent}};
}

} // namespace joxai
