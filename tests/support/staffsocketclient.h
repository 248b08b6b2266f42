#pragma once
// A staff WebSocket client for tests: connects to /api/v1/ws?token=…, keeps every message, the
// hello, and the ids of the events received, and waits with QTest::qWaitFor (which keeps an
// in-process server running).

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWebSocket>

namespace joxai::test {

class HttpClient;

class StaffSocketClient final
{
public:
    StaffSocketClient();
    Q_DISABLE_COPY_MOVE(StaffSocketClient)

    // Starts connecting; does not wait.
    void connectTo(const QString &baseUrl, const QString &token);
    // The customer's socket of one conversation (/api/v1/chat/ws), which speaks the same envelope.
    void connectToConversation(const QString &baseUrl, const QString &conversationId, const QString &sessionToken);
    // Waits for the hello after connectTo…(); answers an empty string, or why it failed.
    QString waitOpen();
    // Connects and waits for the hello; answers an empty string, or why it failed.
    QString open(const QString &baseUrl, const QString &token);
    bool waitHello(int ms = 10000);
    bool waitClosed(int ms = 10000);
    bool waitEvents(int count, int ms = 10000);

    QWebSocket &socket() { return m_ws; }
    QList<QJsonObject> messages; // everything, in order
    QList<qint64> ids;           // event ids, in order (not hello, not pong)
    QJsonObject hello;
    bool closed = false;

private:
    QWebSocket m_ws;
};

// Every event id GET /api/v1/events?after= answers the token's user (all pages); on failure an
// empty list and `why`.
QList<qint64> resyncIds(HttpClient &http, const QString &token, qint64 after, QString *why);

// "1,2,3": ids as one comparable, printable string.
QString describeIds(const QList<qint64> &ids);

} // namespace joxai::test
