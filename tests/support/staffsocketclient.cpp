#include "tests/support/staffsocketclient.h"

#include "tests/support/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

namespace joxai::test {

StaffSocketClient::StaffSocketClient()
{
    QObject::connect(&m_ws, &QWebSocket::textMessageReceived, &m_ws, [this](const QString &text) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        messages.append(o);
        const QString type = o.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("hello"))
            hello = o;
        else if (type != QLatin1String("pong"))
            ids.append(o.value(QStringLiteral("id")).toInteger());
    });
    QObject::connect(&m_ws, &QWebSocket::disconnected, &m_ws, [this] { closed = true; });
}

void StaffSocketClient::connectTo(const QString &baseUrl, const QString &token)
{
    QUrl url(baseUrl);
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), token);
    url.setQuery(q);
    m_ws.open(url);
}

void StaffSocketClient::connectToConversation(const QString &baseUrl, const QString &conversationId,
                                              const QString &sessionToken)
{
    QUrl url(baseUrl);
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/chat/ws"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("conversation_id"), conversationId);
    q.addQueryItem(QStringLiteral("session_token"), sessionToken);
    url.setQuery(q);
    m_ws.open(url);
}

QString StaffSocketClient::open(const QString &baseUrl, const QString &token)
{
    connectTo(baseUrl, token);
    return waitOpen();
}

QString StaffSocketClient::waitOpen()
{
    if (!QTest::qWaitFor([this] { return !hello.isEmpty() || closed; }, 10000))
        return QStringLiteral("no hello within 10 s");
    if (hello.isEmpty())
        return QStringLiteral("closed before hello: %1 %2").arg(int(m_ws.closeCode())).arg(m_ws.closeReason());
    if (messages.first().value(QStringLiteral("type")).toString() != QLatin1String("hello"))
        return QStringLiteral("first message is not hello");
    return {};
}

bool StaffSocketClient::waitHello(int ms)
{
    return QTest::qWaitFor([this] { return !hello.isEmpty(); }, ms);
}

bool StaffSocketClient::waitClosed(int ms)
{
    return QTest::qWaitFor([this] { return closed || m_ws.state() == QAbstractSocket::UnconnectedState; }, ms);
}

bool StaffSocketClient::waitEvents(int count, int ms)
{
    return QTest::qWaitFor([this, count] { return ids.size() >= count; }, ms);
}

QList<qint64> resyncIds(HttpClient &http, const QString &token, qint64 after, QString *why)
{
    QList<qint64> ids;
    for (int offset = 0;; offset += 200) {
        const HttpResult r = http.get(
            QStringLiteral("/api/v1/events?after=%1&limit=200&offset=%2").arg(after).arg(offset), token);
        if (r.status != 200) {
            *why = QStringLiteral("/events → %1 %2").arg(r.status).arg(QString::fromUtf8(r.body));
            return {};
        }
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items)
            ids.append(v.toObject().value(QStringLiteral("id")).toInteger());
        if (items.size() < 200)
            return ids;
    }
}

QString describeIds(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace joxai::test
