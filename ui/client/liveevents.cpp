#include "ui/client/liveevents.h"

#include "ui/client/apiclient.h"
#include "ui/client/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace joxai::ui {

namespace {

constexpr int kCloseUnauthorized = 4401;
constexpr int kCloseTooMany = 4429;
constexpr int kPageSize = 200;
constexpr int kOfflineAfterAttempts = 3;

} // namespace

LiveEvent LiveEvent::fromJson(const QJsonObject &o)
{
    LiveEvent e;
    e.id = o.value(QStringLiteral("id")).toInteger();
    e.type = o.value(QStringLiteral("type")).toString();
    e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
    e.data = o.value(QStringLiteral("data")).toObject();
    return e;
}

LiveEvents::LiveEvents(ApiClient &api, QObject *parent) : QObject(parent), m_api(api)
{
    qRegisterMetaType<LiveEvent>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LiveEvents::open);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        if (m_awaitingPong) {
            qCInfo(lcUiEvents) << "no pong from the server; reconnecting";
            m_socket->abort();
            return;
        }
        m_awaitingPong = true;
        m_socket->sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
    });
}

LiveEvents::~LiveEvents()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void LiveEvents::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = qMax(1, initialMs);
    m_maxBackoffMs = qMax(m_initialBackoffMs, maxMs);
}

void LiveEvents::setHeartbeat(int intervalMs)
{
    m_heartbeatMs = qMax(100, intervalMs);
}

void LiveEvents::start()
{
    if (m_running)
        return;
    m_running = true;
    m_attempt = 0;
    open();
}

void LiveEvents::stop()
{
    m_running = false;
    m_retry.stop();
    m_heartbeat.stop();
    ++m_generation;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_pending.clear();
    m_syncing = false;
    m_haveBaseline = false;
    m_lastId = 0;
    setState(State::Offline);
}

void LiveEvents::dropConnection()
{
    if (m_socket)
        m_socket->abort();
}

void LiveEvents::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void LiveEvents::open()
{
    if (!m_running || m_socket)
        return;
    ++m_generation;
    m_awaitingPong = false;
    setState(m_haveBaseline || m_attempt > 0 ? (m_attempt >= kOfflineAfterAttempts ? State::Offline : State::Reconnecting)
                                             : State::Connecting);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::textMessageReceived, this, &LiveEvents::onText);
    connect(socket, &QWebSocket::stateChanged, this, [this, socket](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState && socket == m_socket)
            onDisconnected();
    });
    socket->open(m_api.socketUrl());
}

void LiveEvents::onConnected()
{
    // The server checked the token and said hello: the channel is live from here on.
    m_attempt = 0;
    setState(State::Connected);
    m_heartbeat.start(m_heartbeatMs);
    m_syncing = true;
    if (m_haveBaseline)
        fetchMissed(m_lastId, 0);
    else
        findBaseline();
}

void LiveEvents::onDisconnected()
{
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    const int code = socket->closeCode();
    const QString reason = socket->closeReason();
    socket->disconnect(this);
    socket->deleteLater();
    ++m_generation;
    m_heartbeat.stop();
    m_syncing = false;
    m_pending.clear(); // they come back through the resync
    if (!m_running) {
        setState(State::Offline);
        return;
    }
    qCInfo(lcUiEvents) << "socket closed" << code << reason;
    if (code == kCloseUnauthorized) {
        m_running = false;
        setState(State::Offline);
        Q_EMIT sessionExpired();
        return;
    }
    if (code == kCloseTooMany) {
        Q_EMIT tooManyConnections();
        ++m_attempt;
        scheduleReconnect(m_maxBackoffMs);
        return;
    }
    const int exponent = qMin(m_attempt, 16);
    ++m_attempt;
    const qint64 base = qMin<qint64>(qint64(m_initialBackoffMs) << exponent, m_maxBackoffMs);
    scheduleReconnect(int(base + QRandomGenerator::global()->bounded(base / 5 + 1)));
}

void LiveEvents::scheduleReconnect(int delayMs)
{
    setState(m_attempt >= kOfflineAfterAttempts ? State::Offline : State::Reconnecting);
    m_retry.start(delayMs);
}

void LiveEvents::onText(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("hello")) {
        onConnected();
        return;
    }
    if (type == QLatin1String("pong")) {
        m_awaitingPong = false;
        return;
    }
    m_awaitingPong = false; // any frame shows the connection is alive
    if (!o.contains(QStringLiteral("id")))
        return;
    const LiveEvent e = LiveEvent::fromJson(o);
    if (m_syncing)
        m_pending.append(e);
    else
        deliver(e);
}

void LiveEvents::findBaseline()
{
    // First connection of this session: history is what the pages load themselves; only what
    // happens from now on is an event. The newest id the caller may see is the starting point.
    const int generation = m_generation;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QStringLiteral("0"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    m_api.get(QStringLiteral("/api/v1/events"), q, this, [this, generation](const ApiReply &first) {
        if (generation != m_generation)
            return;
        if (!first.ok())
            return dropConnection();
        const qint64 total = first.total();
        auto settle = [this](qint64 newest) {
            // Live events that arrived meanwhile are new even if older than `newest`.
            if (!m_pending.isEmpty())
                newest = qMin(newest, m_pending.first().id - 1);
            m_lastId = qMax(m_lastId, newest);
            m_haveBaseline = true;
            finishSync(-1);
        };
        if (total <= 1) {
            const QJsonArray items = first.items();
            return settle(items.isEmpty() ? 0 : items.first().toObject().value(QStringLiteral("id")).toInteger());
        }
        QUrlQuery last;
        last.addQueryItem(QStringLiteral("after"), QStringLiteral("0"));
        last.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        last.addQueryItem(QStringLiteral("offset"), QString::number(total - 1));
        m_api.get(QStringLiteral("/api/v1/events"), last, this, [this, generation, settle](const ApiReply &r) {
            if (generation != m_generation)
                return;
            if (!r.ok() || r.items().isEmpty())
                return dropConnection();
            settle(r.items().first().toObject().value(QStringLiteral("id")).toInteger());
        });
    });
}

void LiveEvents::fetchMissed(qint64 after, int delivered)
{
    const int generation = m_generation;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QString::number(after));
    q.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    m_api.get(QStringLiteral("/api/v1/events"), q, this, [this, generation, delivered](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            qCInfo(lcUiEvents) << "resync failed:" << r.error->message();
            return dropConnection(); // try again with the next connection
        }
        const QJsonArray items = r.items();
        int count = delivered;
        for (const QJsonValue &v : items) {
            LiveEvent e = LiveEvent::fromJson(v.toObject());
            e.replayed = true;
            const qint64 before = m_lastId;
            deliver(e);
            if (m_lastId != before)
                ++count;
        }
        if (items.size() >= kPageSize)
            return fetchMissed(m_lastId, count);
        finishSync(count);
    });
}

void LiveEvents::finishSync(int delivered)
{
    m_syncing = false;
    std::sort(m_pending.begin(), m_pending.end(), [](const LiveEvent &a, const LiveEvent &b) { return a.id < b.id; });
    const QList<LiveEvent> pending = std::exchange(m_pending, {});
    for (const LiveEvent &e : pending)
        deliver(e);
    if (delivered >= 0) {
        qCInfo(lcUiEvents) << "resynced" << delivered << "missed event(s)";
        Q_EMIT resynced(delivered);
    }
}

void LiveEvents::deliver(const LiveEvent &e)
{
    if (e.id <= m_lastId)
        return; // seen already (live and replayed)
    m_lastId = e.id;
    Q_EMIT eventReceived(e);
}

} // namespace joxai::ui
