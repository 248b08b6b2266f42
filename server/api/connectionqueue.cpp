#include "server/api/connectionqueue.h"

#include <QTcpSocket>

namespace joxai {

ConnectionQueue::ConnectionQueue(QTcpSocket *socket)
    : QObject(socket), m_socket(socket), m_peerAddress(socket->peerAddress().toString())
{
}

ConnectionQueue *ConnectionQueue::of(QTcpSocket *socket)
{
    auto *queue = socket->findChild<ConnectionQueue *>(QString(), Qt::FindDirectChildrenOnly);
    return queue ? queue : new ConnectionQueue(socket);
}

quint64 ConnectionQueue::reserve()
{
    return m_nextSeq++;
}

void ConnectionQueue::complete(quint64 seq, QByteArray bytes, bool closeAfter)
{
    if (seq < m_nextToWrite || m_ready.contains(seq))
        return; // answered already
    m_ready.insert(seq, Ready{std::move(bytes), closeAfter});
    while (!m_closing) {
        auto it = m_ready.find(m_nextToWrite);
        if (it == m_ready.end())
            break;
        const Ready ready = std::move(it.value());
        m_ready.erase(it);
        ++m_nextToWrite;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            continue;
        m_socket->write(ready.bytes);
        if (ready.close) {
            m_closing = true;
            m_socket->disconnectFromHost();
        }
    }
}

} // namespace joxai
