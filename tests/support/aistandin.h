#pragma once
// A stand-in for Anthropic's Messages API and OpenAI's Chat Completions, for tests: a small HTTP
// server on 127.0.0.1 (a free port) inside the test process that speaks both documented wire
// formats, complete and streamed (SSE over chunked transfer), records what the client sent, checks
// it the way the vendors do (401 without the key, 400 without anthropic-version or with a bad
// body), and answers each request as scripted: success, 429 with Retry-After, 500, 529, a
// time-out, a malformed body, a cut stream...
//
//   AiStandIn stand;
//   QVERIFY(stand.start());
//   config.anthropicBaseUrl = stand.baseUrl();      // or config.openaiBaseUrl = stand.openAiBaseUrl()
//   stand.script({AiStandIn::Reply::Status429, AiStandIn::Reply::Success});
//   ... QCOMPARE(stand.requests().size(), 2); stand.requests().first().header("x-api-key") ...
//
// It answers from the event loop of the test's thread: wait with a local QEventLoop, QSignalSpy::wait
// or a client that runs one (tests/support HttpClient), never by blocking. QTest::qWaitFor works
// too but naps 10 ms between rounds, which stretches a stream of many pieces (setChunkDelayMs).
//
// Routes: POST /v1/messages (Anthropic) and POST <anything>/chat/completions (OpenAI, so both
// stand.openAiBaseUrl() = ".../v1" and a bare base work); anything else gets 404.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace joxai::test {

class AiStandIn final : public QObject
{
    Q_OBJECT

public:
    enum class Reply {
        Success,     // 200 with the reply text; streamed when the request asked for a stream
        Status400,   // invalid_request_error
        Status401,   // authentication_error / invalid_api_key
        Status429,   // rate_limit_error, with the Retry-After header (setRetryAfter)
        Status500,   // api_error / server_error
        Status529,   // overloaded_error (Anthropic's "overloaded")
        Timeout,     // reads the request and never answers
        Malformed,   // 200 with a body that is not JSON (streamed: an event that is not JSON)
        EmptyText,   // 200, well-formed, with no text at all
        StreamCut,   // streamed: a few events, then the connection closes; complete: half a body
        StreamError, // streamed: a few events, then the vendor's error event (overloaded)
    };

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, in the order sent
        QByteArray body;
        QJsonObject json;        // the body when it is a JSON object
        qint64 receivedAtMs = 0; // since start()
        int status = 0;          // what the stand-in answered; 0: no answer (Timeout) or a cut
        QString problem;         // why the stand-in refused it (wrong key, bad body...); empty if valid

        QByteArray header(const QByteArray &name) const; // empty when absent
        bool hasHeader(const QByteArray &name) const;
        bool isAnthropic() const;    // POST /v1/messages
        bool streamed() const;       // "stream": true
        QString systemPrompt() const; // Anthropic's "system", or OpenAI's system message
        QString model() const;
    };

    explicit AiStandIn(QObject *parent = nullptr);
    ~AiStandIn() override;
    Q_DISABLE_COPY_MOVE(AiStandIn)

    bool start();
    quint16 port() const;
    QString baseUrl() const;       // "http://127.0.0.1:PORT": the Anthropic base URL
    QString openAiBaseUrl() const; // "http://127.0.0.1:PORT/v1": the OpenAI base URL

    // Answers to the next requests, in order (appended to what is left); Success once used up.
    // Requests the stand-in refuses (wrong key, bad body) do not use a scripted answer.
    void script(const QList<Reply> &replies);
    void setReplyText(const QString &text);           // default: a short English answer
    void setUsage(int inputTokens, int outputTokens); // default 120 in, 30 out
    void setRetryAfter(const QByteArray &value);      // with 429: "1" by default; empty: no header
    void setExpectedKey(const QString &key);          // empty (default): any non-empty key passes
    void setChunkDelayMs(int ms);                     // between streamed pieces; default 1

    QList<Request> requests() const { return m_requests; }
    qsizetype requestCount() const { return m_requests.size(); }
    QString replyText() const { return m_text; }
    // Forgets requests and the script; the settings above stay.
    void clear();

Q_SIGNALS:
    void requestReceived(int index);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, Request request);
    QString check(const Request &request) const;
    void answerError(QTcpSocket *socket, Request &request, int status, const QByteArray &type,
                     const QString &message);
    void answerComplete(QTcpSocket *socket, Request &request, Reply reply);
    void answerStream(QTcpSocket *socket, Request &request, Reply reply);
    QByteArray completeBody(const Request &request, Reply reply, int sequence) const;
    QList<QByteArray> streamEvents(const Request &request, Reply reply, int sequence) const;
    void sendPieces(QTcpSocket *socket, QList<QByteArray> pieces, bool cutAtEnd);
    static void writeHttp(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                          const QList<QByteArray> &extraHeaders = {});

    QTcpServer *m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    QList<Reply> m_script;
    QString m_text;
    int m_tokensIn = 120;
    int m_tokensOut = 30;
    QByteArray m_retryAfter = "1";
    QString m_expectedKey;
    int m_chunkDelayMs = 1;
};

} // namespace joxai::test
