// PostgreSQL going away under a running server, and PostgreSQL missing at start-up: the API
// answers 503 database_unavailable with Retry-After (never SQL text), /health turns degraded, and
// everything comes back by itself once the database does — without restarting the server.

#include "server/runtime/serverruntime.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QtTest>

#include <algorithm>

using namespace joxai;
using namespace joxai::test;

class TestApiResilience : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    bool m_outage = false;

    QString databaseName() const { return m_server->database().target().name; }

    bool setConnectionsAllowed(bool allowed)
    {
        return m_server->database().adminExec(
            QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS %2")
                .arg(databaseName(), allowed ? QStringLiteral("true") : QStringLiteral("false")));
    }

    bool terminateConnections()
    {
        return m_server->database().adminExec(
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'")
                .arg(databaseName()));
    }

    // Sends `count` GETs at once (so they land on different worker threads, each with its own
    // connection) and answers their statuses.
    QList<int> concurrentStatuses(const QString &path, int count)
    {
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest req(QUrl(m_server->baseUrl() + path));
            req.setRawHeader("Authorization", "Bearer " + m_admin.toUtf8());
            replies.append(nam.get(req));
        }
        (void)QTest::qWaitFor(
            [&] {
                return std::all_of(
                    replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); });
            },
            15000);
        QList<int> statuses;
        for (QNetworkReply *r : replies) {
            statuses.append(
                r->isFinished() ? r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0);
            r->deleteLater();
        }
        return statuses;
    }

    static void verifyNoSqlLeaks(const HttpResult &r, const QString &dbName)
    {
        const QString body = QString::fromUtf8(r.body);
        for (const QString &word : { QStringLiteral("SELECT"), QStringLiteral("FROM "),
                 QStringLiteral("UPDATE "), QStringLiteral("INSERT"), QStringLiteral("FATAL"),
                 QStringLiteral("ERROR:"), QStringLiteral("QPSQL"), QStringLiteral("terminat"),
                 QStringLiteral("pg_"), QStringLiteral("password"), dbName })
            QVERIFY2(
                !body.contains(word, Qt::CaseInsensitive), qPrintable(word + QStringLiteral(" in ") + body));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(TestDatabase::dialectName() == QLatin1String("postgresql"),
            "this suite needs JOXAI_TEST_DB=postgresql and JOXAI_TEST_PG_URL");
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        QVERIFY(m_server->database().isPostgres());
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
    }

    void cleanup()
    {
        // Whatever a test did, the database takes connections again afterwards.
        if (m_outage) {
            setConnectionsAllowed(true);
            m_outage = false;
        }
    }

    void startFailsClearlyWhenPostgresIsDown()
    {
        // A port nothing listens on: bind one, note it, close it.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        Config c = TestServer::defaultConfig(m_server->database());
        c.database.host = QStringLiteral("127.0.0.1");
        c.database.port = closedPort;
        ServerRuntime runtime(c);
        const Status started = runtime.start();
        QVERIFY(!started.ok());
        const QString detail = started.error().detail;
        QVERIFY2(detail.contains(QStringLiteral("PostgreSQL")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("127.0.0.1:%1").arg(closedPort)), qPrintable(detail));
        QCOMPARE(started.error().code, QStringLiteral("database_unavailable"));
        QCOMPARE(runtime.port(), quint16(0)); // nothing listens
        QVERIFY(!detail.contains(QStringLiteral("test-secret-key")));
    }

    void startFailsClearlyWhenTheDatabaseRefusesConnections()
    {
        // The cluster is up but the database takes no connections (as during the outage below).
        TestDatabase other;
        QVERIFY(other.adminExec(
            QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS false").arg(other.target().name)));
        ServerRuntime runtime(TestServer::defaultConfig(other));
        const Status started = runtime.start();
        QVERIFY(!started.ok());
        const QString detail = started.error().detail;
        QVERIFY2(detail.contains(QStringLiteral("PostgreSQL")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("%1:%2").arg(other.target().host).arg(other.target().port)),
            qPrintable(detail));
        QCOMPARE(runtime.port(), quint16(0));
    }

    void databaseOutageAnswers503AndRecoversWithoutRestart()
    {
        const QString users = QStringLiteral("/api/v1/users");
        QCOMPARE(m_http->get(users, m_admin).status, 200);
        const HttpResult healthy = m_http->get(QStringLiteral("/health"));
        QCOMPARE(healthy.status, 200);
        QCOMPARE(healthy.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const quint16 port = m_server->port();

        // The database goes away: no new connections, and every open one is cut.
        m_outage = true;
        QVERIFY(setConnectionsAllowed(false));
        QVERIFY(terminateConnections());

        // The very next calls may race the termination; within seconds every call is a 503.
        HttpResult down = m_http->pollUntil(users, 503, 10000, m_admin);
        QVERIFY2(down.status == 503,
            qPrintable(QStringLiteral("%1 %2").arg(down.status).arg(QString::fromUtf8(down.body))));
        QCOMPARE(down.code(), QStringLiteral("database_unavailable"));
        QVERIFY2(down.header("Retry-After").toInt() >= 1, down.header("Retry-After").constData());
        QVERIFY(!down.json().value(QStringLiteral("detail")).toString().isEmpty());
        verifyNoSqlLeaks(down, databaseName());
        // Again, and on other kinds of work: all 503, never a 500 or a misleading 401.
        for (int i = 0; i < 3; ++i) {
            const HttpResult again = m_http->get(users, m_admin);
            QCOMPARE(again.status, 503);
            QCOMPARE(again.code(), QStringLiteral("database_unavailable"));
            verifyNoSqlLeaks(again, databaseName());
        }
        // Every worker thread, each with its own connection, answers 503 alike.
        const int parallel = 2 * m_server->config().workerThreads;
        QCOMPARE(concurrentStatuses(users, parallel), QList<int>(parallel, 503));
        const HttpResult me = m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin);
        QCOMPARE(me.status, 503);
        verifyNoSqlLeaks(me, databaseName());
        const HttpResult login = m_http->post(QStringLiteral("/api/v1/auth/login"),
            { { QStringLiteral("email"), QStringLiteral("admin@joxai.com") },
                { QStringLiteral("password"), QLatin1String(HttpClient::kAdminPassword) } });
        QCOMPARE(login.status, 503);
        QCOMPARE(login.code(), QStringLiteral("database_unavailable"));
        QVERIFY(login.header("Retry-After").toInt() >= 1);
        verifyNoSqlLeaks(login, databaseName());
        const HttpResult create = m_http->post(users,
            { { QStringLiteral("email"), QStringLiteral("outage@bank.example") },
                { QStringLiteral("full_name"), QStringLiteral("During Outage") },
                { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        QCOMPARE(create.status, 503);
        verifyNoSqlLeaks(create, databaseName());

        // /health says so (the server probes every 2 s).
        const HttpResult degraded = m_http->pollUntil(QStringLiteral("/health"), 503, 10000);
        QCOMPARE(degraded.status, 503);
        QCOMPARE(degraded.json().value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY(degraded.header("Retry-After").toInt() >= 1);
        verifyNoSqlLeaks(degraded, databaseName());
        // Answers that need no database keep working.
        const HttpResult metrics = m_http->get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY2(metrics.body.contains("\njoxai_db_up 0\n"), metrics.body.constData());

        // The database comes back: the same server recovers by itself.
        QVERIFY(setConnectionsAllowed(true));
        m_outage = false;
        const HttpResult back = m_http->pollUntil(users, 200, 10000, m_admin);
        QVERIFY2(back.status == 200,
            qPrintable(QStringLiteral("%1 %2").arg(back.status).arg(QString::fromUtf8(back.body))));
        QVERIFY(back.json().value(QStringLiteral("total")).toInt() >= 1);
        const HttpResult ok = m_http->pollUntil(QStringLiteral("/health"), 200, 10000);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(ok.json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        // Every worker connection recovers, not only the first one to retry: several rounds of
        // concurrent requests, more than the pool has threads, then writes and bcrypt work.
        for (int round = 0; round < 3; ++round)
            QCOMPARE(concurrentStatuses(users, parallel), QList<int>(parallel, 200));
        QVERIFY(!m_http->login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword))
                     .isEmpty());
        QCOMPARE(m_http
                     ->post(users,
                         { { QStringLiteral("email"), QStringLiteral("after-outage@bank.example") },
                             { QStringLiteral("full_name"), QStringLiteral("After Outage") },
                             { QStringLiteral("role"), QStringLiteral("agent") } },
                         m_admin)
                     .status,
            201);
        QCOMPARE(m_server->port(), port); // the same server, never restarted
    }

    void repeatedOutagesAreSurvived()
    {
        for (int round = 0; round < 2; ++round) {
            m_outage = true;
            QVERIFY(setConnectionsAllowed(false));
            QVERIFY(terminateConnections());
            QCOMPARE(m_http->pollUntil(QStringLiteral("/api/v1/auth/me"), 503, 10000, m_admin).status, 503);
            QVERIFY(setConnectionsAllowed(true));
            m_outage = false;
            QCOMPARE(m_http->pollUntil(QStringLiteral("/api/v1/auth/me"), 200, 10000, m_admin).status, 200);
            QCOMPARE(m_http->pollUntil(QStringLiteral("/health"), 200, 10000).status, 200);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiResilience)
#include "tst_api_resilience.moc"
