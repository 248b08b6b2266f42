#pragma once
// HTTP on a raw TCP socket, for tests that must control the bytes: pipelining, HEAD, connections
// closed early or by the server. Everything waits with QTest::qWaitFor, which keeps the event loop
// (and so an in-process server on the same thread) running.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

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

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// "METHOD path HTTP/1.1" with Host, the given header lines, and Content-Length for a body or POST.
QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const QList<QByteArray> &headers = {},
                      const QByteArray &body = {});

} // namespace joxai::test
