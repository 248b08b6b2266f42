#pragma once
// The staff real-time channel (WS /api/v1/ws?token=…): keeps one socket open, reconnects with
// back-off, and after every (re)connect asks GET /api/v1/events?after=<last id seen> for what it
// missed, so every event reaches the console exactly once and in id order.

#include <QAbstractSocket>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace joxai::ui {

class ApiClient;
struct ApiReply;

struct LiveEvent
{
    qint64 id = 0;
    QString type;      // "conversation.updated", "ticket.created", ... (shared/API.md)
    QDateTime at;
    QJsonObject data;
    bool replayed = false; // came from /events after a reconnect, not live from the socket

    static LiveEvent fromJson(const QJsonObject &o);
};

class LiveEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveEvents)

public:
    enum class State { Offline, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit LiveEvents(ApiClient &api, QObject *parent = nullptr);
    ~LiveEvents() override;

    // Opens the channel for the ApiClient's current session; stop() closes it for good.
    void start();
    void stop();

    State state() const { return m_state; }
    qint64 lastEventId() const { return m_lastId; }
    // Back-off between attempts: starts at `initialMs`, doubles up to `maxMs`.
    void setBackoff(int initialMs, int maxMs);
    // The client's own heartbeat: a ping every `intervalMs`; no pong within it → reconnect.
    void setHeartbeat(int intervalMs);
    // Drops the socket as a network failure would (for tests and "reconnect now").
    void dropConnection();

Q_SIGNALS:
    void stateChanged(joxai::ui::LiveEvents::State state);
    void eventReceived(const joxai::ui::LiveEvent &event);
    // A resync after a reconnect delivered `count` missed events.
    void resynced(int count);
    // 4401: the token is no longer valid; the channel stays closed.
    void sessionExpired();
    // 4429: too many sockets for this account; retried slowly.
    void tooManyConnections();

private:
    void open();
    void setState(State s);
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void scheduleReconnect(int delayMs);
    void fetchMissed(qint64 after, int delivered);
    void findBaseline();
    void finishSync(int delivered);
    void deliver(const LiveEvent &e);

    ApiClient &m_api;
    QWebSocket *m_socket = nullptr;
    QTimer m_retry;
    QTimer m_heartbeat;
    State m_state = State::Offline;
    bool m_running = false;
    bool m_syncing = false;     // live events wait in m_pending until the resync is done
    bool m_haveBaseline = false;
    bool m_awaitingPong = false;
    int m_attempt = 0;
    int m_initialBackoffMs = 1000;
    int m_maxBackoffMs = 30000;
    int m_heartbeatMs = 30000;
    int m_generation = 0;       // answers for an older connection are ignored
    qint64 m_lastId = 0;
    QList<LiveEvent> m_pending;
};

} // namespace joxai::ui

Q_DECLARE_METATYPE(joxai::ui::LiveEvent)
