#include "server/api/guardedtcpserver.h"

#include "server/api/accesslog.h"
#include "server/api/apireply.h"
#include "server/api/connectionqueue.h"
#include "server/api/requestid.h"
#include "server/core/logging.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

#include <algorithm>

namespace joxai {

namespace {

constexpr qint64 kLingerMs = 2000; // how long a refused client may keep sending after our answer
constexpr int kListenBacklog = 4096;

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

// One per accepted connection, a child of its socket. Not a Q_OBJECT: it only needs lambdas.
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server, bool counted)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_address(socket->peerAddress())
        , m_counted(counted)
        , m_scanner({ server->limits().maxHeaderBytes, server->limits().maxBodyBytes })
        , m_lastActivity(nowMs())
    {
        m_server->m_guards.insert(this);
        // Connected before QAbstractHttpServer's slot, so it runs first on every readyRead.
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this] { onBytesWritten(); });
        // QHttpServer deletes its sockets on disconnect, but not those it never saw or stopped
        // listening to; deleting twice later is harmless.
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            leave();
            m_socket->deleteLater();
        });
    }
    ~ConnectionGuard() override { leave(); }
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

    // Connected once QAbstractHttpServer has connected its own slot (it does so inside
    // addPendingConnection in 6.4), so it runs after QHttpServer read what it wanted.
    void followHttpServer()
    {
        connect(m_socket, &QTcpSocket::readyRead, this,
            [this] { m_unreadAfterServer = m_socket->bytesAvailable(); });
    }
    // TLS: wait for the handshake (at most the request time-out), then either hand the socket
    // to QHttpServer or, over the per-address cap, answer 429 through the encrypted channel.
    void awaitHandshake(QSslSocket *socket, bool overCap);
    void refuse(int status, const QString &code, const QString &detail, int retryAfter = 0);
    // Bytes of an answer still in Qt's buffers (plain or, on TLS, before or after encryption).
    bool writing() const
    {
        if (m_socket->bytesToWrite() > 0)
            return true;
        const auto *tls = qobject_cast<const QSslSocket *>(m_socket);
        return tls && tls->encryptedBytesToWrite() > 0;
    }

    void check(qint64 now);

private:
    enum class Mode { Handshaking, Guarding, Refusing, Lingering, Closing, Done };

    void drop(const QString &why);

    void onReadyRead();
    void onBytesWritten();
    void leave();
    void uncount();
    void lingerWhenWritten();

    QTcpSocket *m_socket;
    QPointer<GuardedTcpServer> m_server;
    QHostAddress m_address;
    bool m_counted;
    RequestScanner m_scanner;
    Mode m_mode = Mode::Guarding;
    qint64 m_lastActivity;
    qint64 m_requestStarted = 0;
    qint64 m_deadline = 0; // Refusing/Lingering: when to give up on the client
    qint64 m_unreadAfterServer = 0; // bytes QHttpServer left in the buffer (already scanned)
};

void ConnectionGuard::leave()
{
    uncount();
    if (m_server)
        m_server->m_guards.remove(this);
    m_mode = Mode::Done;
}

void ConnectionGuard::uncount()
{
    if (m_counted && m_server)
        m_server->uncount(m_address);
    m_counted = false;
}

void ConnectionGuard::awaitHandshake(QSslSocket *socket, bool overCap)
{
    m_mode = Mode::Handshaking;
    m_deadline = nowMs() + qint64(m_server->limits().requestTimeoutSeconds) * 1000;
    connect(socket, &QSslSocket::encrypted, this, [this, overCap] {
        if (m_mode != Mode::Handshaking || !m_server)
            return;
        m_mode = Mode::Guarding;
        m_lastActivity = nowMs();
        if (overCap) {
            refuse(429, QStringLiteral("too_many_connections"),
                QStringLiteral("Too many open connections from your address; close some and try again."), 1);
            return;
        }
        m_server->handOver(m_socket);
        followHttpServer();
        // A request that arrived with the end of the handshake was not read by anyone yet.
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(m_socket, [socket = QPointer<QTcpSocket>(m_socket)] {
                if (socket && socket->bytesAvailable() > 0)
                    Q_EMIT socket->readyRead();
            }, Qt::QueuedConnection);
    });
    // Plain http on the TLS port, a client that does not trust our certificate, garbage.
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        if (m_mode == Mode::Handshaking)
            drop(QStringLiteral("TLS handshake failed: ") + socket->errorString());
    });
    socket->startServerEncryption();
}

void ConnectionGuard::drop(const QString &why)
{
    qCInfo(lcApi).noquote() << "connection from" << m_address.toString() << "dropped:" << why;
    QTcpSocket *socket = m_socket;
    leave();
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater(); // the guard goes with it
}

void ConnectionGuard::onReadyRead()
{
    const qint64 now = nowMs();
    if (m_mode == Mode::Handshaking)
        return; // nothing decrypted can arrive before encrypted(); it is read after the hand-over
    if (m_mode != Mode::Guarding) {
        (void)m_socket->readAll(); // a refused client's bytes are dropped unread
        return;
    }
    m_lastActivity = now;
    // What QHttpServer left unread after its last turn was scanned then; the rest is new.
    // peek() leaves every byte for QHttpServer.
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = std::min(m_unreadAfterServer, available);
    const QByteArray fresh = m_socket->peek(available).mid(seen);
    const bool wasInRequest = m_scanner.inRequest();
    const RequestScanner::Outcome outcome = m_scanner.feed(fresh);
    if (outcome.verdict == RequestScanner::Verdict::Ok
        || outcome.verdict == RequestScanner::Verdict::Upgrade) {
        ConnectionQueue *queue = ConnectionQueue::of(m_socket);
        for (const RequestScanner::Head &head : outcome.heads)
            queue->pushFraming({ head.closeAfter, head.keepAlive10 });
    }
    if (m_scanner.inRequest() && (!wasInRequest || !outcome.heads.isEmpty()))
        m_requestStarted = now;

    switch (outcome.verdict) {
    case RequestScanner::Verdict::Ok:
        break;
    case RequestScanner::Verdict::Upgrade:
        // A WebSocket handshake: QHttpServer hands the socket to QWebSocketServer, which has its
        // own handshake time-out; the staff socket hub limits what follows.
        disconnect(m_socket, nullptr, this, nullptr);
        leave();
        return;
    case RequestScanner::Verdict::HeaderTooLarge:
        refuse(431, QStringLiteral("header_too_large"),
            QStringLiteral("The request head is larger than %1 bytes.")
                .arg(m_server->limits().maxHeaderBytes));
        return;
    case RequestScanner::Verdict::BodyTooLarge:
        refuse(413, QStringLiteral("body_too_large"),
            QStringLiteral("The request body is larger than %1 bytes.").arg(m_server->limits().maxBodyBytes));
        return;
    case RequestScanner::Verdict::BadRequest:
        refuse(400, QStringLiteral("bad_request"),
            QStringLiteral("The request is not valid HTTP/1.1 (its length cannot be determined)."));
        return;
    }

    // Expect: 100-continue, when the client is really waiting: the head came alone, its body is
    // still to come, and no earlier answer is owed on this connection (it must not be overtaken).
    if (outcome.heads.size() == 1 && outcome.heads.first().expectContinue && m_scanner.inRequest()) {
        const ConnectionQueue *queue = ConnectionQueue::of(m_socket);
        if (queue->pending() == 0)
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }
}

void ConnectionGuard::onBytesWritten()
{
    m_lastActivity = nowMs();
    if (m_mode == Mode::Refusing)
        lingerWhenWritten();
}

void ConnectionGuard::refuse(int status, const QString &code, const QString &detail, int retryAfter)
{
    if (m_mode != Mode::Guarding)
        return;
    m_mode = Mode::Refusing;
    m_deadline = nowMs() + qint64(m_server->limits().requestTimeoutSeconds) * 1000;
    // QHttpServer sees nothing more of this connection; what it holds of a partial request is
    // released, and whatever the client sends from now on is dropped.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    (void)m_socket->readAll();

    HttpResponse response = HttpResponse::json(
        status, QJsonObject { { QStringLiteral("detail"), detail }, { QStringLiteral("code"), code } });
    if (retryAfter > 0)
        response.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter) });
    // QHttpServer never sees this request, so the access line and the request id are ours to give:
    // an operator looking for a client's "413" finds it like any other answer.
    const RequestScanner::RequestLine request = m_scanner.currentRequest();
    ApiReply::Meta meta;
    meta.closeAfter = true;
    meta.requestId = requestIdFrom(request.requestId);
    meta.method = request.method.isEmpty() ? QByteArrayLiteral("-") : request.method;
    meta.path = request.path.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(request.path);
    meta.client = m_address.toString(); // the peer: proxy headers of a refused request are not read
    meta.routeLabel = QByteArrayLiteral("refused");
    const qint64 tookMs = m_scanner.inRequest() && m_requestStarted > 0 ? nowMs() - m_requestStarted : 0;
    logAccess(meta, status, tookMs * 1000000);
    // In order behind any answer still owed on this connection; the guard closes, not the queue.
    ConnectionQueue *queue = ConnectionQueue::of(m_socket);
    queue->complete(queue->reserve(), ApiReply::serialize(response, meta), false);
    lingerWhenWritten();
}

void ConnectionGuard::lingerWhenWritten()
{
    const ConnectionQueue *queue = ConnectionQueue::of(m_socket);
    if (queue->pending() > 0 || m_socket->bytesToWrite() > 0)
        return;
    m_mode = Mode::Lingering;
    m_deadline = nowMs() + kLingerMs;
    if (qobject_cast<QSslSocket *>(m_socket)) {
        // Encrypted bytes may still wait below QSslSocket (its bytesToWrite() does not count
        // them): a half-close could cut the answer off. disconnectFromHost() flushes them and
        // ends with close_notify.
        m_mode = Mode::Closing;
        m_socket->disconnectFromHost();
        return;
    }
#ifdef Q_OS_UNIX
    // Half-close: the client gets our answer and an end of stream, and may finish sending;
    // closing with its bytes unread would reset the connection and could destroy the answer.
    if (m_socket->socketDescriptor() >= 0 && ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0)
        return;
#endif
    m_mode = Mode::Closing;
    m_socket->disconnectFromHost();
}

void ConnectionGuard::check(qint64 now)
{
    const GuardedTcpServer::Limits &limits = m_server->limits();
    switch (m_mode) {
    case Mode::Handshaking:
        if (now >= m_deadline)
            drop(QStringLiteral("TLS handshake not finished within %1 seconds").arg(limits.requestTimeoutSeconds));
        return;
    case Mode::Guarding: {
        if (m_scanner.inRequest()) {
            if (now - m_requestStarted >= qint64(limits.requestTimeoutSeconds) * 1000)
                refuse(408, QStringLiteral("request_timeout"),
                    QStringLiteral("The request did not arrive completely within %1 seconds.")
                        .arg(limits.requestTimeoutSeconds));
            return;
        }
        const ConnectionQueue *queue
            = m_socket->findChild<ConnectionQueue *>(QString(), Qt::FindDirectChildrenOnly);
        const bool owesAnswer = (queue && queue->pending() > 0) || m_socket->bytesToWrite() > 0;
        if (!owesAnswer && now - m_lastActivity >= qint64(limits.idleTimeoutSeconds) * 1000) {
            qCDebug(lcApi).noquote() << "closing idle connection from" << m_address.toString();
            m_mode = Mode::Closing;
            m_socket->disconnectFromHost();
        }
        return;
    }
    case Mode::Refusing:
    case Mode::Lingering:
        if (now >= m_deadline) {
            m_mode = Mode::Closing;
            m_socket->abort();
        }
        return;
    case Mode::Closing:
    case Mode::Done:
        return;
    }
}

GuardedTcpServer::GuardedTcpServer(Limits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    // Qt's default backlog of 50 overflows when hundreds of clients connect at once; the kernel
    // then completes handshakes with SYN cookies it never queues for accept(), and a client that
    // sends nothing stays "connected" to a server that never saw it (and so cannot time it out).
    // The kernel caps this at net.core.somaxconn.
    setListenBacklogSize(kListenBacklog);
    const int shortest = std::min(m_limits.idleTimeoutSeconds, m_limits.requestTimeoutSeconds);
    m_sweep.setInterval(std::clamp(shortest * 1000 / 4, 50, 1000));
    connect(&m_sweep, &QTimer::timeout, this, &GuardedTcpServer::sweep);
    m_sweep.start();
}

GuardedTcpServer::~GuardedTcpServer()
{
    m_sweep.stop();
    m_guards.clear();
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcApi) << "cannot take an accepted connection:" << socket->errorString();
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    const int cap = m_limits.maxConnectionsPerAddress;
    const bool overCap = cap > 0 && m_perAddress.value(peer) >= cap;
    if (!overCap && cap > 0)
        ++m_perAddress[peer];
    auto *guard = new ConnectionGuard(socket, this, !overCap && cap > 0);
    if (tls) {
        tls->setSslConfiguration(*m_tls);
        guard->awaitHandshake(tls, overCap);
        return;
    }
    if (overCap) {
        // Never given to QHttpServer: answered and closed here.
        guard->refuse(429, QStringLiteral("too_many_connections"),
            QStringLiteral("Too many open connections from your address; close some and try again."), 1);
        return;
    }
    handOver(socket);
    guard->followHttpServer();
}

void GuardedTcpServer::handOver(QTcpSocket *socket)
{
    // addPendingConnection() emits pendingConnectionAvailable; inside incomingConnection()
    // QTcpServer emits newConnection afterwards itself, but after a TLS handshake nobody does.
    // QAbstractHttpServer drains every pending connection per signal, so a second one is harmless.
    addPendingConnection(socket);
    if (m_tls)
        Q_EMIT newConnection();
}

void GuardedTcpServer::uncount(const QHostAddress &address)
{
    auto it = m_perAddress.find(address);
    if (it == m_perAddress.end())
        return;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
}

int GuardedTcpServer::connectionsWriting() const
{
    return int(std::count_if(m_guards.cbegin(), m_guards.cend(), [](const ConnectionGuard *g) { return g->writing(); }));
}

void GuardedTcpServer::sweep()
{
    const qint64 now = nowMs();
    // check() may close sockets, which may remove guards: walk a copy.
    const QList<ConnectionGuard *> guards = m_guards.values();
    for (ConnectionGuard *guard : guards)
        if (m_guards.contains(guard))
            guard->check(now);
}

} // namespace joxai
