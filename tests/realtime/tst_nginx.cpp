// Several joxai-server instances behind Debian's nginx, configured with the very site file an
// admin installs (installer/nginx/joxai.conf): requests are spread over both instances, a customer
// and an agent served by different instances reach each other live, and an instance that drains
// (SIGTERM) hands its WebSocket clients to the other without losing an event. PostgreSQL only.

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/staffsocketclient.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace joxai::test;

namespace {

const QString kSecret = QStringLiteral("nginx-test-secret-0123456789-abcdefghijklmnop");

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestNginx : public QObject
{
    Q_OBJECT

    TestDatabase m_db;
    QTemporaryDir m_dir;
    ServerProcess m_a;
    ServerProcess m_b;
    QProcess m_nginx;
    QString m_front; // http://127.0.0.1:PORT (nginx)
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_agent;

    QString startInstance(ServerProcess &p, const QString &name)
    {
        QDir(m_dir.path()).mkpath(name);
        return p.start(QStringLiteral(JOXAI_SERVER_BIN), m_dir.filePath(name),
                       {{QStringLiteral("DATABASE_URL"), m_db.url()},
                        {QStringLiteral("SECRET_KEY"), kSecret},
                        {QStringLiteral("JOXAI_RATE_LIMIT_AUTH"), QStringLiteral("0")},
                        {QStringLiteral("JOXAI_RATE_LIMIT_API"), QStringLiteral("0")},
                        {QStringLiteral("JOXAI_RATE_LIMIT_CHAT"), QStringLiteral("0")},
                        {QStringLiteral("JOXAI_RATE_LIMIT_CHAT_START"), QStringLiteral("0")},
                        {QStringLiteral("JOXAI_SHUTDOWN_GRACE_SECONDS"), QStringLiteral("10")},
                        {QStringLiteral("JOXAI_TRUSTED_PROXIES"), QStringLiteral("127.0.0.1")},
                        {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}});
    }

    // The shipped site file with this test's two upstreams and loopback port, inside a minimal
    // nginx.conf whose pid, logs and temporary files stay in the test's folder.
    QString writeNginxConfig(quint16 port)
    {
        QFile site(qEnvironmentVariable("JOXAI_SOURCE_DIR") + QStringLiteral("/installer/nginx/joxai.conf"));
        if (!site.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1").arg(site.fileName());
        QString text = QString::fromUtf8(site.readAll());
        const QRegularExpression upstreams(QStringLiteral("(\\n\\s*server 127\\.0\\.0\\.1:\\d+[^\\n]*)+"));
        if (!text.contains(upstreams))
            return QStringLiteral("the site file has no upstream server lines to point at the test's instances");
        text.replace(upstreams, QStringLiteral("\n    server 127.0.0.1:%1 max_fails=2 fail_timeout=5s;"
                                               "\n    server 127.0.0.1:%2 max_fails=2 fail_timeout=5s;")
                                    .arg(m_a.port()).arg(m_b.port()));
        if (!text.contains(QStringLiteral("listen 80;")))
            return QStringLiteral("the site file does not listen on port 80 any more");
        text.replace(QStringLiteral("listen 80;"), QStringLiteral("listen 127.0.0.1:%1;").arg(port));

        const QString d = m_dir.path();
        QFile siteCopy(d + QStringLiteral("/joxai.conf"));
        QFile main(d + QStringLiteral("/nginx.conf"));
        if (!siteCopy.open(QIODevice::WriteOnly) || !main.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write the nginx configuration");
        siteCopy.write(text.toUtf8());
        main.write(QStringLiteral("worker_processes 1;\n"
                                  "pid %1/nginx.pid;\n"
                                  "error_log %1/error.log warn;\n"
                                  "events { worker_connections 1024; }\n"
                                  "http {\n"
                                  "  access_log %1/access.log;\n"
                                  "  client_body_temp_path %1/tmp-body;\n"
                                  "  proxy_temp_path %1/tmp-proxy;\n"
                                  "  fastcgi_temp_path %1/tmp-fastcgi;\n"
                                  "  uwsgi_temp_path %1/tmp-uwsgi;\n"
                                  "  scgi_temp_path %1/tmp-scgi;\n"
                                  "  include %1/joxai.conf;\n"
                                  "}\n").arg(d).toUtf8());
        return {};
    }

    // The instance that answered each of `n` requests to /health (nginx lists every upstream it
    // tried, "A, B" when A refused the connection: the last one answered).
    QStringList upstreamsOf(int n)
    {
        QStringList out;
        for (int i = 0; i < n; ++i) {
            const HttpResult r = m_http->get(QStringLiteral("/health"));
            if (r.status != 200)
                return {QStringLiteral("status %1").arg(r.status)};
            out.append(QString::fromLatin1(r.header("X-Upstream")).split(QLatin1Char(',')).last().trimmed());
        }
        return out;
    }

    int staffSocketsOn(ServerProcess &instance)
    {
        HttpClient direct(instance.baseUrl());
        return direct.get(QStringLiteral("/api/v1/ws/stats"), m_admin).json().value(QStringLiteral("connections")).toInt(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_db.isPostgres(), "this suite needs PostgreSQL (JOXAI_TEST_DB=postgresql)");
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        QString why = startInstance(m_a, QStringLiteral("a"));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = startInstance(m_b, QStringLiteral("b"));
        QVERIFY2(why.isEmpty(), qPrintable(why));

        const quint16 port = freePort();
        why = writeNginxConfig(port);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(QStringLiteral("nginx"), {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-c"),
                                                m_dir.filePath(QStringLiteral("nginx.conf")), QStringLiteral("-g"),
                                                QStringLiteral("daemon off;")});
        QVERIFY2(m_nginx.waitForStarted(5000), "nginx did not start (installer/deps.sh test installs it)");
        m_front = QStringLiteral("http://127.0.0.1:%1").arg(port);
        m_http = std::make_unique<HttpClient>(m_front);
        QVERIFY2(QTest::qWaitFor([&] { return m_http->get(QStringLiteral("/health")).status == 200; }, 10000),
                 qPrintable(QString::fromUtf8(m_nginx.readAll())));

        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        m_agent = m_http->createStaff(m_admin, QStringLiteral("agent@bank.example"), QStringLiteral("agent"));
        QVERIFY(!m_agent.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate(); // SIGTERM to nginx's master, by PID: a fast shutdown
            if (!m_nginx.waitForFinished(10000)) {
                m_nginx.kill();
                m_nginx.waitForFinished(5000);
            }
        }
    }

    void requestsAreSpreadOverBothInstances()
    {
        const QStringList seen = upstreamsOf(10);
        const QSet<QString> distinct(seen.cbegin(), seen.cend());
        const QSet<QString> expected{QStringLiteral("127.0.0.1:%1").arg(m_a.port()),
                                     QStringLiteral("127.0.0.1:%1").arg(m_b.port())};
        QCOMPARE(distinct, expected);
        // The request id nginx makes is the one the instance echoes.
        const HttpResult r = m_http->get(QStringLiteral("/health"));
        QCOMPARE(r.header("X-Request-Id").size(), 32);
    }

    void theAuditLogNamesTheClientNginxForwarded()
    {
        // nginx appends the peer (this test, 127.0.0.1) to the X-Forwarded-For the client sent;
        // the instance trusts nginx's address and walks back to the first untrusted hop.
        const HttpResult failed = m_http->request(
            "POST", QStringLiteral("/api/v1/auth/login"),
            R"({"email":"nobody@bank.example","password":"wrong-password"})",
            {{"Content-Type", "application/json"}, {"X-Forwarded-For", "203.0.113.7"}});
        QCOMPARE(failed.status, 401);
        const HttpResult audit = m_http->get(QStringLiteral("/api/v1/audit?action=auth.login_failed"), m_admin);
        QCOMPARE(audit.status, 200);
        bool found = false;
        for (const QJsonValue &v : audit.items()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("actor_email")).toString() == QLatin1String("nobody@bank.example"))
                found = e.value(QStringLiteral("client_address")).toString() == QLatin1String("203.0.113.7");
        }
        QVERIFY2(found, audit.body.constData());
    }

    void customerAndAgentOnDifferentInstancesTalkLive()
    {
        // Two sockets of the agent, opened one after the other: nginx's round robin puts one on
        // each instance (checked on each instance directly).
        StaffSocketClient first;
        QCOMPARE(first.open(m_front, m_agent), QString());
        StaffSocketClient second;
        QCOMPARE(second.open(m_front, m_agent), QString());
        QCOMPARE(staffSocketsOn(m_a), 1);
        QCOMPARE(staffSocketsOn(m_b), 1);

        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        StaffSocketClient customerSocket;
        customerSocket.connectToConversation(m_front, customer.conversationId(), customer.sessionToken());
        QCOMPARE(customerSocket.waitOpen(), QString());
        QCOMPARE(customer.escalate(QStringLiteral("I want to speak to someone")).status, 200);

        // Whichever instance took the escalation, both of the agent's sockets hear of it once.
        const auto escalations = [](const StaffSocketClient &s, const QString &id) {
            int n = 0;
            for (const QJsonObject &m : s.messages)
                n += m.value(QStringLiteral("type")).toString() == QLatin1String("conversation.escalated")
                     && m.value(QStringLiteral("data")).toObject().value(QStringLiteral("conversation_id")).toString() == id;
            return n;
        };
        QVERIFY(QTest::qWaitFor([&] { return escalations(first, customer.conversationId()) == 1
                                             && escalations(second, customer.conversationId()) == 1; }, 10000));

        const QString path = QStringLiteral("/api/v1/conversations/%1").arg(customer.conversationId());
        QCOMPARE(m_http->post(path + QStringLiteral("/takeover"), {}, m_agent).status, 200);
        const QString words = QStringLiteral("Hello, this is Claire from the branch. How can I help?");
        QCOMPARE(m_http->post(path + QStringLiteral("/messages"), {{QStringLiteral("body"), words}}, m_agent).status, 201);
        const auto heard = [&] {
            for (const QJsonObject &m : customerSocket.messages)
                if (m.value(QStringLiteral("type")).toString() == QLatin1String("message.created")
                    && m.value(QStringLiteral("data")).toObject().value(QStringLiteral("body")).toString() == words)
                    return true;
            return false;
        };
        QVERIFY2(QTest::qWaitFor(heard, 10000), "the customer's socket did not receive the agent's message");
    }

    void drainingInstanceHandsItsClientsToTheOther()
    {
        StaffSocketClient first;
        QCOMPARE(first.open(m_front, m_admin), QString());
        StaffSocketClient second;
        QCOMPARE(second.open(m_front, m_admin), QString());
        QCOMPARE(staffSocketsOn(m_a), 1);
        QCOMPARE(staffSocketsOn(m_b), 1);

        m_a.signal(SIGTERM);
        // The socket nginx had put on A is told to go away (1001, passed through by nginx).
        QVERIFY(QTest::qWaitFor([&] { return first.closed || second.closed; }, 10000));
        StaffSocketClient &goneAway = first.closed ? first : second;
        StaffSocketClient &stayed = first.closed ? second : first;
        QCOMPARE(int(goneAway.socket().closeCode()), 1001);
        QVERIFY(m_a.waitForExit(15000));
        QCOMPARE(m_a.process().exitCode(), 0);
        QCOMPARE(stayed.socket().state(), QAbstractSocket::ConnectedState);

        // While the client is away, a customer escalates (through nginx, now all on B).
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(customer.escalate().status, 200);
        QVERIFY(QTest::qWaitFor([&] { return !stayed.ids.isEmpty(); }, 10000));

        // The client reconnects through nginx (to B) and resyncs: it has every event the socket
        // that stayed received, none missing.
        qint64 lastBeforeClose = 0;
        for (const qint64 id : goneAway.ids)
            lastBeforeClose = qMax(lastBeforeClose, id);
        StaffSocketClient back;
        QCOMPARE(back.open(m_front, m_admin), QString());
        QString why;
        const QList<qint64> missed = resyncIds(*m_http, m_admin, lastBeforeClose, &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        for (const qint64 id : std::as_const(stayed.ids))
            if (id > lastBeforeClose)
                QVERIFY2(missed.contains(id), qPrintable(QStringLiteral("event %1 was not resynced").arg(id)));
        // And nginx keeps answering with the one instance left.
        const QStringList seen = upstreamsOf(6);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), QSet<QString>{QStringLiteral("127.0.0.1:%1").arg(m_b.port())});
    }
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
