#pragma once
// HTTP on a raw TCP socket, for tests that must control the bytes: pipelining, HEAD, connections
// closed early or by the server; in plain text or over TLS (openEncrypted). Everything waits with QTest::qWaitFor, which keeps the event loop
// (and so an in-process server on the same thread) running.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QSslSocket>

#include <optional>

namespace joxai::test {

// One HTTP answer read off a raw socket.
struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
};

class RawConnection
{
public:
    bool open(quint16 port);
    // Connects to 127.0.0.1 and completes a TLS handshake with `configuration` (which should trust
    // the server's CA); false when the handshake fails or the server closes first.
    bool openEncrypted(quint16 port, const QSslConfiguration &configuration);
    void send(const QByteArray &bytes);
    // Takes the next complete answer; `head` means the answer carries no body whatever its
    // Content-Length says.
    std::optional<RawResponse> next(bool head = false, int timeoutMs = 10000);
    // Waits for the server to close the connection.
    bool waitClosedByServer(int timeoutMs = 5000);
    // Bytes received and not taken as an answer yet (after a short wait for stragglers).
    QByteArray leftover(int waitMs);
    QTcpSocket &socket() { return m_socket; }

private:
    std::optional<RawResponse> take(bool head);

    QSslSocket m_socket; // plain TCP until openEncrypted()
    QByteArray m_buffer;
};

// "METHOD path HTTP/1.1" with Host, the given header lines, and Content-Length for a body or POST.
QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const QList<QByteArray> &headers = {},
                      const QByteArray &body = {});

// The value of the unlabelled sample `name value` in a /metrics answer, if it is there.
std::optional<double> prometheusValue(const QByteArray &metrics, const QByteArray &name);

} // namespace joxai::test
