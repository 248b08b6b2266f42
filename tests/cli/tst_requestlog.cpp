// Request logging of the real joxai-server process (LOG_FORMAT=json, LOG_LEVEL=info): every stderr
// line is one JSON object; each answered request has one access line with its fields and the id
// that the X-Request-Id answer header carries (the client's when short and plain, else a made
// one); a line logged by a worker thread during a request carries that request's id; query
// strings, bodies, tokens and Authorization never reach the log; WebSocket connections log their
// opening and closing with a connection id. Runs on SQLite and PostgreSQL (worker jobs carry the id).

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include <csignal>

using joxai::test::ChatCustomer;
using joxai::test::HttpClient;
using joxai::test::HttpResult;
using joxai::test::ServerProcess;
using joxai::test::TestDatabase;

class TestRequestLog : public QObject
{
    Q_OBJECT

    TestDatabase m_db;
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<HttpClient> m_http;

    // Every stderr line so far, parsed; a line that is not a JSON object fails the test.
    QList<QJsonObject> lines()
    {
        QList<QJsonObject> parsed;
        const QStringList raw = m_server.log().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : raw) {
            QJsonParseError error {};
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                qWarning("not a JSON object: %s", qPrintable(line));
                parsed << QJsonObject { { QStringLiteral("invalid"), line } };
                continue;
            }
            parsed << doc.object();
        }
        return parsed;
    }

    // The access line of the request with this id, waiting a little for stderr to arrive.
    QJsonObject accessLine(const QByteArray &requestId)
    {
        QJsonObject found;
        const bool arrived = QTest::qWaitFor(
            [&] {
                for (const QJsonObject &o : lines())
                    if (o.value(QStringLiteral("category")).toString() == QLatin1String("joxai.access")
                        && o.value(QStringLiteral("request_id")).toString() == QString::fromLatin1(requestId))
                        found = o;
                return !found.isEmpty();
            },
            5000);
        return arrived ? found : QJsonObject();
    }

    static bool madeId(const QByteArray &id)
    {
        return QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]+$"))
            .match(QString::fromLatin1(id))
            .hasMatch();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The assistant's provider: a loopback port nobody listens on, so every call fails at once.
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            deadPort = probe.serverPort();
        }
        const QString why = m_server.start(QStringLiteral(JOXAI_SERVER_BIN), m_dir.path(),
            { { QStringLiteral("DATABASE_URL"), m_db.url() },
                { QStringLiteral("LOG_FORMAT"), QStringLiteral("json") },
                { QStringLiteral("LOG_LEVEL"), QStringLiteral("info") },
                { QStringLiteral("JOXAI_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("JOXAI_RATE_LIMIT_AUTH"), QStringLiteral("0") },
                { QStringLiteral("JOXAI_LOGIN_MAX_FAILURES"), QStringLiteral("2") },
                { QStringLiteral("JOXAI_RATE_LIMIT_CHAT"), QStringLiteral("0") },
                { QStringLiteral("JOXAI_RATE_LIMIT_CHAT_START"), QStringLiteral("0") },
                { QStringLiteral("AI_PROVIDER"), QStringLiteral("anthropic") },
                { QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-test-key-never-logged") },
                { QStringLiteral("JOXAI_ANTHROPIC_BASE_URL"),
                    QStringLiteral("http://127.0.0.1:%1").arg(deadPort) },
                { QStringLiteral("JOXAI_AI_MAX_RETRIES"), QStringLiteral("0") },
                { QStringLiteral("JOXAI_AI_CACHE_SECONDS"), QStringLiteral("0") } });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_http = std::make_unique<HttpClient>(m_server.baseUrl());
    }

    void accessLineCarriesTheClientsIdAndTheRequestsFields()
    {
        const HttpResult r = m_http->request("GET", QStringLiteral("/health"), {},
            { { "X-Request-Id", "trace-Abc.123_x" }, { "X-Forwarded-For", "203.0.113.7" } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Request-Id"), QByteArray("trace-Abc.123_x"));
        const QJsonObject o = accessLine("trace-Abc.123_x");
        QVERIFY2(!o.isEmpty(), qPrintable(m_server.log()));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/health"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("route")).toString(), QStringLiteral("GET /health"));
        // JOXAI_TRUSTED_PROXIES=127.0.0.1: the test is the proxy, the forwarded address the client.
        QCOMPARE(o.value(QStringLiteral("client")).toString(), QStringLiteral("203.0.113.7"));
        QVERIFY(o.value(QStringLiteral("duration_ms")).isDouble());
        QVERIFY(o.value(QStringLiteral("duration_ms")).toDouble() >= 0.0);
        QVERIFY(!o.value(QStringLiteral("ts")).toString().isEmpty());
    }

    void madeIdIsTheOneInTheAnswerHeader()
    {
        const HttpResult r = m_http->request("GET", QStringLiteral("/no/such/thing"));
        QCOMPARE(r.status, 404);
        const QByteArray id = r.header("X-Request-Id");
        QVERIFY2(madeId(id), id.constData());
        const QJsonObject o = accessLine(id);
        QVERIFY2(!o.isEmpty(), qPrintable(m_server.log()));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(o.value(QStringLiteral("route")).toString(), QStringLiteral("unmatched"));
        QCOMPARE(o.value(QStringLiteral("client")).toString(), QStringLiteral("127.0.0.1"));
    }

    void oddClientIdsAreReplaced_data()
    {
        QTest::addColumn<QByteArray>("given");
        QTest::newRow("too long") << QByteArray(65, 'a');
        QTest::newRow("spaces") << QByteArray("id with spaces");
        QTest::newRow("markup") << QByteArray("<script>alert(1)</script>");
        QTest::newRow("quote") << QByteArray("abc\"},{\"level\":\"x");
    }

    void oddClientIdsAreReplaced()
    {
        QFETCH(QByteArray, given);
        const HttpResult r
            = m_http->request("GET", QStringLiteral("/health"), {}, { { "X-Request-Id", given } });
        QCOMPARE(r.status, 200);
        const QByteArray id = r.header("X-Request-Id");
        QVERIFY2(madeId(id), id.constData());
        QVERIFY2(!accessLine(id).isEmpty(), qPrintable(m_server.log()));
        QVERIFY(!m_server.log().contains(QString::fromLatin1(given)));
    }

    void secretsAndQueriesNeverReachTheLog()
    {
        const HttpResult r = m_http->request("GET",
            QStringLiteral("/api/v1/tickets?email=secret.person%40bank.example&token=querysecret123"), {},
            { { "X-Request-Id", "secret-1" }, { "Authorization", "Bearer sekret-bearer-value-xyz" } });
        QCOMPARE(r.status, 401);
        const QJsonObject o = accessLine("secret-1");
        QVERIFY2(!o.isEmpty(), qPrintable(m_server.log()));
        QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/tickets"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 401);

        const HttpResult login = m_http->request("POST",
            QStringLiteral("/api/v1/auth/login?session_token=querysecret456"),
            QJsonDocument(QJsonObject { { QStringLiteral("email"), QStringLiteral("nobody@bank.example") },
                              { QStringLiteral("password"), QStringLiteral("Body-secret-789") } })
                .toJson(QJsonDocument::Compact),
            { { "X-Request-Id", "secret-2" }, { "Content-Type", "application/json" } });
        QCOMPARE(login.status, 401);
        QVERIFY2(!accessLine("secret-2").isEmpty(), qPrintable(m_server.log()));

        const QString log = m_server.log();
        for (const char *secret : { "querysecret123", "secret.person", "sekret-bearer-value-xyz", "Bearer",
                 "querysecret456", "Body-secret-789", "nobody@bank.example" })
            QVERIFY2(!log.contains(QLatin1String(secret)), secret);
    }

    void workerThreadLineCarriesTheRequestsId()
    {
        // Two wrong passwords lock the account (JOXAI_LOGIN_MAX_FAILURES=2); the warning about it
        // is logged by the login's job on the password-hashing pool, not on the main thread.
        const QByteArray body
            = QJsonDocument(QJsonObject { { QStringLiteral("email"), QStringLiteral("admin@joxai.com") },
                                { QStringLiteral("password"), QStringLiteral("wrong-one") } })
                  .toJson(QJsonDocument::Compact);
        const HttpResult first = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), body,
            { { "X-Request-Id", "lock-1" }, { "Content-Type", "application/json" } });
        QCOMPARE(first.status, 401);
        const HttpResult second = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), body,
            { { "X-Request-Id", "lock-2" }, { "Content-Type", "application/json" } });
        QCOMPARE(second.status, 423);
        QCOMPARE(accessLine("lock-2").value(QStringLiteral("status")).toInt(), 423);

        QJsonObject warning;
        for (const QJsonObject &o : lines())
            if (o.value(QStringLiteral("message")).toString().contains(QLatin1String("account locked")))
                warning = o;
        QVERIFY2(!warning.isEmpty(), qPrintable(m_server.log()));
        QCOMPARE(warning.value(QStringLiteral("category")).toString(), QStringLiteral("joxai.auth"));
        QCOMPARE(warning.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(warning.value(QStringLiteral("request_id")).toString(), QStringLiteral("lock-2"));
        QVERIFY(!m_server.log().contains(QLatin1String("wrong-one")));
    }

    void providerFailureDuringAChatMessageCarriesItsId()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        HttpClient::Headers headers = customer.sessionHeader();
        headers << qMakePair(QByteArray("X-Request-Id"), QByteArray("chat-ask-1"))
                << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
        const QJsonObject body { { QStringLiteral("conversation_id"), customer.conversationId() },
            { QStringLiteral("message"), QStringLiteral("How long does a transfer abroad take?") } };
        const HttpResult r = m_http->request("POST", QStringLiteral("/api/v1/chat/message"),
            QJsonDocument(body).toJson(QJsonDocument::Compact), headers, 30000);
        QCOMPARE(r.status, 200); // the local provider answers when the remote one fails
        QCOMPARE(accessLine("chat-ask-1").value(QStringLiteral("status")).toInt(), 200);
        // The provider's warning comes from a network callback, long after dispatch returned.
        QJsonObject warning;
        for (const QJsonObject &o : lines())
            if (o.value(QStringLiteral("category")).toString().startsWith(QLatin1String("joxai.assistant"))
                && o.value(QStringLiteral("level")).toString() == QLatin1String("warning"))
                warning = o;
        QVERIFY2(!warning.isEmpty(), qPrintable(m_server.log()));
        QCOMPARE(warning.value(QStringLiteral("request_id")).toString(), QStringLiteral("chat-ask-1"));
        const QString log = m_server.log();
        QVERIFY(!log.contains(QLatin1String("sk-ant-test-key-never-logged")));
        QVERIFY(!log.contains(customer.sessionToken()));
    }

    void webSocketOpeningAndClosingCarryAConnectionId()
    {
        QWebSocket ws;
        QNetworkRequest request(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws?token=ws-query-secret").arg(m_server.port())));
        request.setRawHeader("X-Request-Id", "ws-conn-1");
        QSignalSpy closed(&ws, &QWebSocket::disconnected);
        ws.open(request);
        // No staff token: the hub closes the connection; both ends are logged.
        QVERIFY(closed.wait(10000) || closed.size() == 1);
        QJsonObject opened;
        QJsonObject gone;
        const bool both = QTest::qWaitFor(
            [&] {
                for (const QJsonObject &o : lines()) {
                    if (o.value(QStringLiteral("connection_id")).toString() != QLatin1String("ws-conn-1"))
                        continue;
                    if (o.value(QStringLiteral("event")).toString() == QLatin1String("websocket_open"))
                        opened = o;
                    if (o.value(QStringLiteral("event")).toString() == QLatin1String("websocket_close"))
                        gone = o;
                }
                return !opened.isEmpty() && !gone.isEmpty();
            },
            5000);
        QVERIFY2(both, qPrintable(m_server.log()));
        QCOMPARE(opened.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/ws"));
        QCOMPARE(opened.value(QStringLiteral("client")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(gone.value(QStringLiteral("close_code")).isDouble());
        QVERIFY(!m_server.log().contains(QLatin1String("ws-query-secret")));
    }

    void logAccessOffDropsTheAccessLines()
    {
        QTemporaryDir dir;
        ServerProcess quiet;
        const QString why = quiet.start(QStringLiteral(JOXAI_SERVER_BIN), dir.path(),
            { { QStringLiteral("LOG_FORMAT"), QStringLiteral("json") },
                { QStringLiteral("LOG_LEVEL"), QStringLiteral("info") },
                { QStringLiteral("LOG_ACCESS"), QStringLiteral("off") } });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http(quiet.baseUrl());
        QCOMPARE(http.request("GET", QStringLiteral("/health"), {}, { { "X-Request-Id", "quiet-1" } }).status,
            200);
        QCOMPARE(
            http.request("GET", QStringLiteral("/nowhere"), {}, { { "X-Request-Id", "quiet-2" } }).status,
            404);
        quiet.signal(SIGTERM);
        QVERIFY(quiet.waitForExit(15000));
        const QString log = quiet.log();
        QVERIFY2(log.contains(QLatin1String("applied migration")), qPrintable(log)); // other info lines stay
        QVERIFY2(!log.contains(QLatin1String("joxai.access")), qPrintable(log));
    }

    void everyLineIsOneJsonObjectAndOnlyRequestLinesHaveAnId()
    {
        const QList<QJsonObject> all = lines();
        QVERIFY(all.size() > 10);
        bool sawStartupLine = false;
        for (const QJsonObject &o : all) {
            QVERIFY2(!o.contains(QStringLiteral("invalid")),
                qPrintable(o.value(QStringLiteral("invalid")).toString()));
            QVERIFY(!o.value(QStringLiteral("ts")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("level")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("category")).toString().isEmpty());
            if (o.value(QStringLiteral("message")).toString().contains(QLatin1String("applied migration"))) {
                sawStartupLine = true;
                QVERIFY(!o.contains(QStringLiteral("request_id"))); // logged outside any request
            }
        }
        QVERIFY(sawStartupLine);
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
