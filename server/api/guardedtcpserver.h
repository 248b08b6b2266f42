#pragma once
// The listening socket of joxai-server, handed to QAbstractHttpServer::bind(). QHttpServer 6.4
// has no limits of its own (QT-NOTES.md), so every accepted connection gets a guard that sees
// each byte before QHttpServer's parser does (its readyRead slot is connected first and only
// peeks) and:
//   - refuses a connection beyond JOXAI_MAX_CONNECTIONS_PER_ADDRESS open ones from one client
//     address: 429 too_many_connections with Retry-After, then close;
//   - answers 431 header_too_large for a request head over JOXAI_MAX_HEADER_BYTES, and 413
//     body_too_large for a declared (or chunked) body over JOXAI_MAX_BODY_BYTES before reading
//     it; 400 bad_request for framing it cannot delimit (conflicting lengths, TE + CL);
//   - answers "Expect: 100-continue" with "100 Continue" when the body is acceptable;
//   - marks HTTP/1.0 requests without keep-alive (and Connection: close) so the answer closes
//     the connection (ConnectionQueue carries the mark to HttpServer);
//   - closes a connection idle for JOXAI_IDLE_TIMEOUT_SECONDS, and answers 408 request_timeout
//     when a started request is not complete within JOXAI_REQUEST_TIMEOUT_SECONDS.
// Refusals are written after any answer still owed on the connection, then the connection is
// half-closed and drained briefly (lingering close) so the client reads the answer instead of a
// reset. WebSocket upgrades are let through untouched and stop counting against the cap (the
// staff socket hub has its own limits).
// With TLS on (setTls), each connection is a QSslSocket: the guard counts it against the cap
// from accept on, gives the handshake JOXAI_REQUEST_TIMEOUT_SECONDS, drops a connection whose
// handshake fails (plain http, an untrusting client) and hands it to QHttpServer only once it is
// encrypted, so QHttpServer and the guard see decrypted bytes only.

#include "server/api/requestscanner.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <optional>

namespace joxai {

class ConnectionGuard;

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    struct Limits
    {
        int maxConnectionsPerAddress = 256; // 0 = no cap
        qint64 maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        int idleTimeoutSeconds = 60;
        int requestTimeoutSeconds = 30;
    };

    explicit GuardedTcpServer(Limits limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    const Limits &limits() const { return m_limits; }
    // Every connection accepted from then on must complete a TLS handshake with these
    // credentials first (set before listen(); CertificateKeeper swaps them on reload).
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool tlsEnabled() const { return m_tls.has_value(); }
    // HTTP connections open now (WebSockets excluded), in total and from one address.
    int openConnections() const { return int(m_guards.size()); }
    int connectionsFrom(const QHostAddress &address) const { return m_perAddress.value(address); }
    // Connections whose answer is not yet all handed to the kernel: a drain waits for them, or
    // the last answers would die with the process.
    int connectionsWriting() const;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class ConnectionGuard;
    void uncount(const QHostAddress &address);
    void sweep();
    void handOver(QTcpSocket *socket);

    Limits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QHash<QHostAddress, int> m_perAddress;
    QSet<ConnectionGuard *> m_guards;
    QTimer m_sweep;
};

} // namespace joxai
