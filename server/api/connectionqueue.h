#pragma once
// Keeps answers on one keep-alive connection in request order. QHttpServer parses the next
// pipelined request while an earlier one is still on a worker thread; HTTP/1.1 requires the
// answers to leave in the order the requests came. Lives as a child of its socket (dies with it).

#include <QByteArray>
#include <QMap>
#include <QQueue>
#include <QString>
#include <QObject>

class QTcpSocket;

namespace joxai {

class ConnectionQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionQueue)

public:
    static ConnectionQueue *of(QTcpSocket *socket);

    // How one request wants its connection treated, as the connection guard (GuardedTcpServer)
    // read it off the wire: QHttpServerRequest 6.4 does not tell the HTTP version.
    struct Framing
    {
        bool closeAfter = false;  // HTTP/1.0 without keep-alive, or Connection: close
        bool keepAlive10 = false; // HTTP/1.0 asking for keep-alive: say so in the answer
    };
    // The guard pushes one per request head, in order; HttpServer takes one per request.
    void pushFraming(Framing framing) { m_framing.enqueue(framing); }
    Framing takeFraming() { return m_framing.isEmpty() ? Framing{} : m_framing.dequeue(); }

    quint64 reserve();
    // Writes `bytes` once every earlier answer is written; closes the connection afterwards when
    // asked (Connection: close). Main thread only.
    void complete(quint64 seq, QByteArray bytes, bool closeAfter);
    int pending() const { return int(m_nextSeq - m_nextToWrite); }
    // The client's address, formatted once per connection.
    const QString &peerAddress() const { return m_peerAddress; }

private:
    explicit ConnectionQueue(QTcpSocket *socket);

    QTcpSocket *m_socket;
    quint64 m_nextSeq = 0;
    quint64 m_nextToWrite = 0;
    struct Ready
    {
        QByteArray bytes;
        bool close = false;
    };
    QMap<quint64, Ready> m_ready;
    bool m_closing = false;
    QQueue<Framing> m_framing;
    QString m_peerAddress;
};

} // namespace joxai
