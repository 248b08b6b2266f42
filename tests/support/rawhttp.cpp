#include "tests/support/rawhttp.h"

#include <QHostAddress>
#include <QTest>

namespace joxai::test {

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}
bool RawResponse::hasHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
bool RawConnection::open(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
}
bool RawConnection::openEncrypted(quint16 port, const QSslConfiguration &configuration)
{
    m_socket.setSslConfiguration(configuration);
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor(
               [this] { return m_socket.isEncrypted() || m_socket.state() == QAbstractSocket::UnconnectedState; },
               10000)
        && m_socket.isEncrypted();
}
void RawConnection::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}
std::optional<RawResponse> RawConnection::next(bool head, int timeoutMs)
{
    std::optional<RawResponse> found;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            found = take(head);
            return found.has_value() || m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    if (!found) {
        m_buffer += m_socket.readAll();
        found = take(head);
    }
    return found;
}
bool RawConnection::waitClosedByServer(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            m_buffer += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}
QByteArray RawConnection::leftover(int waitMs)
{
    QTest::qWait(waitMs);
    m_buffer += m_socket.readAll();
    return m_buffer;
}
std::optional<RawResponse> RawConnection::take(bool head)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    RawResponse r;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return std::nullopt;
    r.status = statusLine.at(1).toInt();
    qint64 length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append({ name, value });
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    if (head || r.status == 204 || r.status == 304)
        length = 0;
    const qsizetype total = end + 4 + length;
    if (m_buffer.size() < total)
        return std::nullopt;
    r.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, total);
    return r;
}
QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const QList<QByteArray> &headers, const QByteArray &body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &h : headers)
        out += h + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

std::optional<double> prometheusValue(const QByteArray &metrics, const QByteArray &name)
{
    for (const QByteArray &line : metrics.split('\n'))
        if (line.size() > name.size() && line.startsWith(name) && line.at(name.size()) == ' ')
            return line.mid(name.size() + 1).toDouble();
    return std::nullopt;
}

} // namespace joxai::test
