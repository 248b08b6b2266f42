// The connection guards (GuardedTcpServer) on the TLS port: the per-address cap, the idle
// time-out, the slow-request 408 and the body limit's 413 hold for encrypted connections, their
// answers travelling through the encrypted channel; and connections that never finish their
// handshake (silent, or half a ClientHello) are counted against the cap, closed by the
// handshake time-out, and never stop the server from serving everyone else.
// A real joxai-server process with a throwaway CA (TestCertificates); clients on raw sockets.

#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcertificates.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

using namespace joxai::test;

namespace {

constexpr int kCap = 3;
constexpr int kIdleSeconds = 3;
constexpr int kRequestSeconds = 2;
constexpr int kMaxBody = 4096;

// The flood: this many connections that never finish their handshake, under a cap just above it.
constexpr int kStalled = 200;
constexpr int kFloodCap = kStalled + 5;
constexpr int kFloodRequestSeconds = 6;

QString codeOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString();
}

// A TLS record announcing a 200-byte ClientHello, and only its first 43 bytes.
QByteArray halfClientHello()
{
    QByteArray hello = QByteArray::fromHex("16030100c8"
                                           "010000c4"
                                           "0303");
    hello += QByteArray(32, '\x5a'); // "random"
    return hello;
}

} // namespace

class TestTlsGuards : public QObject
{
    Q_OBJECT

    TestCertificates m_certs;
    QTemporaryDir m_data;
    ServerProcess m_server; // small limits

    QString startServer(ServerProcess &server, const QHash<QString, QString> &limits)
    {
        QHash<QString, QString> env = limits;
        env.insert(QStringLiteral("JOXAI_TLS_CERT"), m_certs.chain(QStringLiteral("server")));
        env.insert(QStringLiteral("JOXAI_TLS_KEY"), m_certs.key(QStringLiteral("server")));
        env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("info"));
        return server.start(QStringLiteral(JOXAI_SERVER_BIN), m_data.path(), env);
    }

    // One request on a new verified TLS connection; the answer, if any.
    std::optional<RawResponse> request(quint16 port, const QByteArray &bytes)
    {
        RawConnection c;
        if (!c.openEncrypted(port, m_certs.trusting()))
            return std::nullopt;
        c.send(bytes);
        return c.next();
    }

    bool healthAnswers(quint16 port)
    {
        const auto r
            = request(port, rawRequest("GET", "/health", { QByteArrayLiteral("Connection: close") }));
        return r && r->status == 200;
    }

    std::optional<double> metric(quint16 port, const QByteArray &name)
    {
        const auto r
            = request(port, rawRequest("GET", "/metrics", { QByteArrayLiteral("Connection: close") }));
        if (!r || r->status != 200)
            return std::nullopt;
        return prometheusValue(r->body, name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QCOMPARE(m_certs.createAuthority(), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_certs.issue(QStringLiteral("server"), now.addSecs(-3600), now.addDays(1)), QString());
        const QString error = startServer(m_server,
            { { QStringLiteral("JOXAI_MAX_CONNECTIONS_PER_ADDRESS"), QString::number(kCap) },
                { QStringLiteral("JOXAI_IDLE_TIMEOUT_SECONDS"), QString::number(kIdleSeconds) },
                { QStringLiteral("JOXAI_REQUEST_TIMEOUT_SECONDS"), QString::number(kRequestSeconds) },
                { QStringLiteral("JOXAI_MAX_BODY_BYTES"), QString::number(kMaxBody) } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server.baseUrl().startsWith(QLatin1String("https://")));
    }

    void init()
    {
        // Every case starts with the connections of the one before closed (and uncounted).
        QVERIFY(QTest::qWaitFor([this] { return healthAnswers(m_server.port()); }, 10000));
    }

    void connectionsPerAddressAreCappedOverTls()
    {
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < kCap; ++i) {
            held.push_back(std::make_unique<RawConnection>());
            QVERIFY(held.back()->openEncrypted(m_server.port(), m_certs.trusting()));
        }
        // Over the cap: the handshake completes, and the refusal is an encrypted HTTP answer.
        RawConnection extra;
        QVERIFY(extra.openEncrypted(m_server.port(), m_certs.trusting()));
        const auto refused = extra.next();
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 429);
        QCOMPARE(codeOf(*refused), QStringLiteral("too_many_connections"));
        QVERIFY(!refused->header("Retry-After").isEmpty());
        QVERIFY(extra.waitClosedByServer());

        // The connections within the cap are served; closing one frees its place.
        held.front()->send(rawRequest("GET", "/health"));
        const auto served = held.front()->next();
        QVERIFY(served.has_value());
        QCOMPARE(served->status, 200);
        held.pop_back();
        QVERIFY(QTest::qWaitFor([this] { return healthAnswers(m_server.port()); }, 5000));
    }

    void idleTlsConnectionsAreClosed()
    {
        // Handshake done, nothing asked.
        RawConnection silent;
        QVERIFY(silent.openEncrypted(m_server.port(), m_certs.trusting()));
        // Answered once, then quiet (keep-alive).
        RawConnection kept;
        QVERIFY(kept.openEncrypted(m_server.port(), m_certs.trusting()));
        kept.send(rawRequest("GET", "/health"));
        const auto r = kept.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(silent.waitClosedByServer((kIdleSeconds + 5) * 1000), "a silent TLS connection is closed");
        QCOMPARE(silent.leftover(0), QByteArray()); // without an answer
        QVERIFY2(kept.waitClosedByServer((kIdleSeconds + 5) * 1000),
            "an idle keep-alive TLS connection is closed");
        QVERIFY2(clock.elapsed() >= (kIdleSeconds - 1) * 1000, "closed before the idle time-out");
    }

    void slowRequestOverTlsGets408()
    {
        // Half the head, then silence.
        RawConnection head;
        QVERIFY(head.openEncrypted(m_server.port(), m_certs.trusting()));
        head.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        // The whole head, part of the body.
        RawConnection body;
        QVERIFY(body.openEncrypted(m_server.port(), m_certs.trusting()));
        body.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  "Content-Length: 100\r\n\r\n{\"email\"");
        for (RawConnection *c : { &head, &body }) {
            const auto r = c->next(false, (kRequestSeconds + 5) * 1000);
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 408);
            QCOMPARE(codeOf(*r), QStringLiteral("request_timeout"));
            QVERIFY(c->waitClosedByServer());
        }
    }

    void bodyOverTheLimitOverTlsGets413()
    {
        // Declared and never sent: refused from the head alone.
        const auto declared = request(m_server.port(),
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
        QVERIFY(declared.has_value());
        QCOMPARE(declared->status, 413);
        QCOMPARE(codeOf(*declared), QStringLiteral("body_too_large"));
        QCOMPARE(declared->header("Connection").toLower(), QByteArrayLiteral("close"));
        // Sent whole, one byte over.
        const QByteArray json = "{\"pad\":\"" + QByteArray(kMaxBody - 9, 'p') + "\"}";
        QCOMPARE(json.size(), qsizetype(kMaxBody + 1));
        const auto sent = request(m_server.port(),
            rawRequest(
                "POST", "/api/v1/auth/login", { QByteArrayLiteral("Content-Type: application/json") }, json));
        QVERIFY(sent.has_value());
        QCOMPARE(sent->status, 413);
        QVERIFY(m_server.isRunning());
    }

    void stalledHandshakesAreCountedClosedAndDoNotStopTheServer()
    {
        ServerProcess server;
        const QString error = startServer(server,
            { { QStringLiteral("JOXAI_MAX_CONNECTIONS_PER_ADDRESS"), QString::number(kFloodCap) },
                { QStringLiteral("JOXAI_REQUEST_TIMEOUT_SECONDS"), QString::number(kFloodRequestSeconds) },
                { QStringLiteral("JOXAI_IDLE_TIMEOUT_SECONDS"), QStringLiteral("30") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Half send nothing at all, half stop in the middle of their ClientHello.
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        const auto connect = [&](int count) {
            for (int i = 0; i < count; ++i) {
                stalled.push_back(std::make_unique<QTcpSocket>());
                stalled.back()->connectToHost(QHostAddress::LocalHost, server.port());
            }
            return QTest::qWaitFor(
                [&] {
                    return std::all_of(stalled.begin(), stalled.end(),
                        [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; });
                },
                20000);
        };
        QVERIFY(connect(kStalled));
        for (size_t i = 0; i < stalled.size(); i += 2)
            stalled[i]->write(halfClientHello());

        // Everyone else is served meanwhile, and the stalled ones are counted as open.
        QVERIFY(healthAnswers(server.port()));
        const auto open = metric(server.port(), "joxai_http_connections_open");
        QVERIFY(open.has_value());
        QVERIFY2(*open >= kStalled, qPrintable(QString::number(*open)));
        QProcess curl;
        curl.start(QStringLiteral("curl"),
            { QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                QStringLiteral("%{http_code}"), QStringLiteral("--max-time"), QStringLiteral("10"),
                QStringLiteral("--cacert"), m_certs.path(QStringLiteral("ca.pem")),
                server.baseUrl() + QStringLiteral("/health") });
        QVERIFY(curl.waitForFinished(15000));
        QCOMPARE(curl.readAllStandardOutput(), QByteArrayLiteral("200"));

        // They count against the per-address cap: filling it refuses the next client.
        QVERIFY(connect(kFloodCap - kStalled));
        const auto refused = request(server.port(), rawRequest("GET", "/health"));
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 429);

        // The handshake time-out closes every one of them; then the address is served again.
        const auto stillOpen = [&] {
            return std::count_if(stalled.begin(), stalled.end(),
                [](const auto &s) { return s->state() != QAbstractSocket::UnconnectedState; });
        };
        (void)QTest::qWaitFor([&] { return stillOpen() == 0; }, (kFloodRequestSeconds + 15) * 1000);
        QVERIFY2(stillOpen() == 0,
            qPrintable(QStringLiteral("%1 stalled connections still open").arg(stillOpen())));
        QVERIFY(server.log().contains(
            QStringLiteral("TLS handshake not finished within %1 seconds").arg(kFloodRequestSeconds)));
        QVERIFY(server.isRunning());
        QVERIFY(healthAnswers(server.port()));
        const auto after = metric(server.port(), "joxai_http_connections_open");
        QVERIFY(after.has_value());
        QVERIFY2(*after <= 2, qPrintable(QString::number(*after)));
    }
};

QTEST_GUILESS_MAIN(TestTlsGuards)
#include "tst_tls_guards.moc"
