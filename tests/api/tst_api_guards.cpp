// The connection guards in front of QHttpServer (GuardedTcpServer), on raw sockets: bodies and
// heads over the limits are refused before they are read, Expect: 100-continue, HTTP/1.0 and
// keep-alive, idle and slow clients, the per-address connection cap, and a thousand silent
// connections. SQLite is enough: nothing here reaches the database beyond /health.

#include "server/core/logline.h"
#include "tests/support/heapusage.h"
#include "tests/support/httpclient.h"
#include "tests/support/rawhttp.h"
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QtTest>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace joxai;
using namespace joxai::test;

namespace {

QString codeOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toString();
}

QByteArray loginBody()
{
    return QByteArrayLiteral(R"({"email":"nobody@bank.example","password":"wrong-pass-1"})");
}

bool healthAnswers(quint16 port, const QHostAddress &from = {})
{
    RawConnection c;
    if (!from.isNull() && !c.socket().bind(from))
        return false;
    if (!c.open(port))
        return false;
    c.send(rawRequest("GET", "/health"));
    const auto r = c.next();
    return r && r->status == 200;
}

// joxai.access lines as LOG_FORMAT=json writes them (the request scope is read while logging).
QList<QJsonObject> g_accessLines;
QtMessageHandler g_previousHandler = nullptr;

void captureAccess(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "joxai.access") == 0)
        g_accessLines << QJsonDocument::fromJson(formatLogLine(LogFormat::Json, type, context.category, message))
                             .object();
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

std::optional<QJsonObject> accessLineWithStatus(int status)
{
    for (const QJsonObject &line : std::as_const(g_accessLines))
        if (line.value(QStringLiteral("status")).toInt() == status)
            return line;
    return std::nullopt;
}

} // namespace

class TestApiGuards : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server; // default limits

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
    }

    // --- sizes ---------------------------------------------------------------------------------

    void hugeDeclaredBodyIsRefusedBeforeItIsSent()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        // Only the head: a 100 MB body is announced and never sent.
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: 104857600\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 413);
        QCOMPARE(codeOf(*r), QStringLiteral("body_too_large"));
        QVERIFY(QJsonDocument::fromJson(r->body).object().contains(QStringLiteral("detail")));
        QCOMPARE(r->header("Connection").toLower(), QByteArrayLiteral("close"));
        QCOMPARE(r->header("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        QVERIFY2(c.waitClosedByServer(), "the server closes after refusing the body");
        QVERIFY(healthAnswers(m_server->port()));
    }

    void chunkedBodyOverTheLimitIs413()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n200000\r\n"); // one chunk of 2 MiB announced
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosedByServer());
    }

    void aHundredMegabytesStreamedAreRefusedWithoutBeingKept_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("Content-Length") << false;
        QTest::newRow("chunked") << true;
    }

    // The bytes really sent, as a hostile or broken client would (a plain socket: QTcpSocket
    // stops sending once the server half-closes): the server answers 413 when the limit is
    // passed, drops the rest unread, and its heap never holds the body.
    void aHundredMegabytesStreamedAreRefusedWithoutBeingKept()
    {
        QFETCH(bool, chunked);
        constexpr qint64 kBody = 100 * 1000 * 1000;
        constexpr qint64 kPiece = 64 * 1024;
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const auto closeFd = qScopeGuard([fd] { ::close(fd); });
        sockaddr_in to {};
        to.sin_family = AF_INET;
        to.sin_port = htons(m_server->port());
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to), 0);
        QCOMPARE(::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK), 0);

        const QByteArray piece(kPiece, 'x');
        const QByteArray framed = chunked ? QByteArray::number(kPiece, 16) + "\r\n" + piece + "\r\n" : piece;
        QByteArray pending = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + (chunked ? QByteArrayLiteral("Transfer-Encoding: chunked\r\n")
                       : "Content-Length: " + QByteArray::number(kBody) + "\r\n")
            + "\r\n";
        QByteArray answer;
        const qint64 baseline = heapBytesInUse();
        qint64 peak = baseline;
        qint64 sent = 0;
        bool ended = false; // the server reset the connection (it lingers 2 s after its answer)
        QElapsedTimer clock;
        clock.start();
        while (sent < kBody && !ended && clock.elapsed() < 60000) {
            if (pending.isEmpty())
                pending = framed;
            const ssize_t n = ::send(fd, pending.constData(), size_t(pending.size()), MSG_NOSIGNAL);
            if (n > 0) {
                sent += n;
                pending.remove(0, n);
                peak = std::max(peak, heapBytesInUse());
            } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                ended = true;
            }
            char buffer[4096];
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got > 0)
                answer.append(buffer, got);
            QCoreApplication::processEvents(QEventLoop::AllEvents, n > 0 ? 0 : 5);
        }
        QVERIFY2(sent > 2 * m_server->config().maxBodyBytes,
            qPrintable(QStringLiteral("only %1 bytes sent").arg(sent)));
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
        QVERIFY2(answer.contains("\"body_too_large\""), answer.constData());
        const qint64 grew = peak - baseline;
        QVERIFY2(grew < 16 * 1024 * 1024,
            qPrintable(QStringLiteral("the heap grew by %1 bytes while %2 were sent").arg(grew).arg(sent)));
        QVERIFY(healthAnswers(m_server->port()));
        qInfo("%lld MB sent in %lld ms (%s); heap peak +%lld KiB", sent / 1000000, qlonglong(clock.elapsed()),
            ended ? "then reset by the server" : "all of it", grew / 1024);
    }

    void ambiguousFramingIs400()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
               "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 400);
        QCOMPARE(codeOf(*r), QStringLiteral("bad_request"));
        QVERIFY(c.waitClosedByServer());
    }

    void hugeHeaderIs431AndTheServerStillServes()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(8 * 1024 * 1024, 'a')
            + "\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 431);
        QCOMPARE(codeOf(*r), QStringLiteral("header_too_large"));
        QVERIFY2(c.waitClosedByServer(), "the server closes after refusing the head");
        QVERIFY(healthAnswers(m_server->port()));
        // A large head within the limit (16 KiB) is still fine.
        RawConnection ok;
        QVERIFY(ok.open(m_server->port()));
        ok.send(rawRequest("GET", "/health", { "X-Big: " + QByteArray(12 * 1024, 'b') }));
        const auto fine = ok.next();
        QVERIFY(fine.has_value());
        QCOMPARE(fine->status, 200);
    }

    // --- the access log ------------------------------------------------------------------------

    // QHttpServer never sees a refused request, so the guard writes its access line and gives it
    // a request id: the client's own when it sent a plain one, echoed in X-Request-Id.
    void refusalsAreInTheAccessLogWithTheirRequestId()
    {
        g_accessLines.clear();
        g_previousHandler = qInstallMessageHandler(captureAccess);
        const auto restore = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

        RawConnection big;
        QVERIFY(big.open(m_server->port()));
        big.send("POST /api/v1/auth/login?next=/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: proxy-7f3a\r\n"
                 "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
        const auto tooLarge = big.next();
        QVERIFY(tooLarge.has_value());
        QCOMPARE(tooLarge->status, 413);
        QCOMPARE(tooLarge->header("X-Request-Id"), QByteArrayLiteral("proxy-7f3a"));
        auto line = accessLineWithStatus(413);
        QVERIFY(line.has_value());
        QCOMPARE(line->value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(line->value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/auth/login"));
        QCOMPARE(line->value(QStringLiteral("route")).toString(), QStringLiteral("refused"));
        QCOMPARE(line->value(QStringLiteral("client")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(line->value(QStringLiteral("request_id")).toString(), QStringLiteral("proxy-7f3a"));
        QCOMPARE(line->value(QStringLiteral("level")).toString(), QStringLiteral("info"));

        // A head too large to read: the request line is still known; the id is made here.
        RawConnection huge;
        QVERIFY(huge.open(m_server->port()));
        huge.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
        const auto headTooLarge = huge.next();
        QVERIFY(headTooLarge.has_value());
        QCOMPARE(headTooLarge->status, 431);
        const QByteArray madeId = headTooLarge->header("X-Request-Id");
        QVERIFY(!madeId.isEmpty());
        line = accessLineWithStatus(431);
        QVERIFY(line.has_value());
        QCOMPARE(line->value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(line->value(QStringLiteral("path")).toString(), QStringLiteral("/health"));
        QCOMPARE(line->value(QStringLiteral("request_id")).toString(), QString::fromLatin1(madeId));

        // A request id that is not plain is not echoed (it would end up in other systems' logs).
        RawConnection odd;
        QVERIFY(odd.open(m_server->port()));
        odd.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: a b<script>\r\n"
                 "Transfer-Encoding: gzip\r\n\r\n");
        const auto bad = odd.next();
        QVERIFY(bad.has_value());
        QCOMPARE(bad->status, 400);
        QVERIFY(!bad->header("X-Request-Id").isEmpty());
        QVERIFY(!bad->header("X-Request-Id").contains(' '));
        QVERIFY(accessLineWithStatus(400).has_value());

        // Nor is a method that is not plain: control bytes from a client never reach the log.
        RawConnection forged;
        QVERIFY(forged.open(m_server->port()));
        forged.send("P\x1b[31mOST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Length: 104857600\r\n\r\n");
        const auto refusedForged = forged.next();
        QVERIFY(refusedForged.has_value());
        QCOMPARE(refusedForged->status, 413);
        QTRY_COMPARE(g_accessLines.size(), 4);
        QCOMPARE(g_accessLines.last().value(QStringLiteral("method")).toString(), QStringLiteral("-"));
        QCOMPARE(g_accessLines.last().value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/auth/login"));
    }

    // --- Expect: 100-continue ------------------------------------------------------------------

    void expectContinueGetsContinueThenTheAnswer()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        const QByteArray body = loginBody();
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n");
        const auto interim = c.next();
        QVERIFY(interim.has_value());
        QCOMPARE(interim->status, 100);
        c.send(body);
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 401);
        QCOMPARE(codeOf(*r), QStringLiteral("invalid_credentials"));
        QCOMPARE(c.socket().state(), QAbstractSocket::ConnectedState);
    }

    void expectContinueWithTooLargeBodyIs413()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: 104857600\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 413); // no 100 first
        QVERIFY(c.waitClosedByServer());
    }

    void curlGetsContinue()
    {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        QVERIFY2(!curl.isEmpty(), "curl is required (installer/deps.sh installs it)");
        QTemporaryFile body;
        QVERIFY(body.open());
        QByteArray json = loginBody();
        json.chop(1);
        json += ",\"pad\":\"" + QByteArray(600 * 1024, 'p') + "\"}";
        body.write(json);
        body.flush();
        QProcess p;
        p.start(curl,
            { QStringLiteral("-sv"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                QStringLiteral("%{http_code}"), QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"), QStringLiteral("-H"),
                QStringLiteral("Expect: 100-continue"), QStringLiteral("--data-binary"),
                QLatin1Char('@') + body.fileName(),
                m_server->baseUrl() + QStringLiteral("/api/v1/auth/login") });
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.readAllStandardOutput(), QByteArrayLiteral("401"));
        QVERIFY2(err.contains("HTTP/1.1 100 Continue"), err.constData());
    }

    // --- HTTP/1.0 ------------------------------------------------------------------------------

    void http10WithoutKeepAliveClosesAfterTheAnswer()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("Connection").toLower(), QByteArrayLiteral("close"));
        QVERIFY2(c.waitClosedByServer(), "HTTP/1.0 without keep-alive is closed after the answer");
    }

    void http10WithKeepAliveStaysOpen()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        for (int i = 0; i < 2; ++i) {
            c.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
            const auto r = c.next();
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 200);
            QCOMPARE(r->header("Connection").toLower(), QByteArrayLiteral("keep-alive"));
        }
        QCOMPARE(c.leftover(200), QByteArray());
        QCOMPARE(c.socket().state(), QAbstractSocket::ConnectedState);
    }

    void pipelinedHttp11ThenHttp10ClosesOnlyAfterTheSecond()
    {
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send(rawRequest("GET", "/health", { "X-Request-Id: one" })
            + "GET /health HTTP/1.0\r\nX-Request-Id: two\r\n\r\n");
        const auto first = c.next();
        QVERIFY(first.has_value());
        QCOMPARE(first->header("X-Request-Id"), QByteArrayLiteral("one"));
        QVERIFY(!first->hasHeader("Connection"));
        const auto second = c.next();
        QVERIFY(second.has_value());
        QCOMPARE(second->header("X-Request-Id"), QByteArrayLiteral("two"));
        QCOMPARE(second->header("Connection").toLower(), QByteArrayLiteral("close"));
        QVERIFY(c.waitClosedByServer());
    }

    // --- time-outs -----------------------------------------------------------------------------

    void idleConnectionsAreClosed()
    {
        TestServer server([](Config &c) {
            c.idleTimeoutSeconds = 1;
            c.requestTimeoutSeconds = 2;
        });
        QVERIFY2(server.started(), qPrintable(server.startError()));
        RawConnection silent;
        QVERIFY(silent.open(server.port()));
        QVERIFY2(silent.waitClosedByServer(6000), "a connection that sends nothing is closed");
        QCOMPARE(silent.leftover(0), QByteArray()); // closed without an answer

        RawConnection kept;
        QVERIFY(kept.open(server.port()));
        kept.send(rawRequest("GET", "/health"));
        const auto r = kept.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        QVERIFY2(kept.waitClosedByServer(6000), "an idle keep-alive connection is closed");
    }

    void slowRequestGets408()
    {
        TestServer server([](Config &c) {
            c.idleTimeoutSeconds = 10;
            c.requestTimeoutSeconds = 1;
        });
        QVERIFY2(server.started(), qPrintable(server.startError()));
        {
            // Half the head, then silence.
            RawConnection c;
            QVERIFY(c.open(server.port()));
            c.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            const auto r = c.next(false, 6000);
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 408);
            QCOMPARE(codeOf(*r), QStringLiteral("request_timeout"));
            QVERIFY(c.waitClosedByServer());
        }
        {
            // The whole head, part of the body.
            RawConnection c;
            QVERIFY(c.open(server.port()));
            c.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Content-Length: 100\r\n\r\n{\"email\"");
            const auto r = c.next(false, 6000);
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 408);
            QVERIFY(c.waitClosedByServer());
        }
        QVERIFY(healthAnswers(server.port()));
    }

    // --- connection counts ---------------------------------------------------------------------

    void connectionsPerAddressAreCapped()
    {
        TestServer server([](Config &c) { c.maxConnectionsPerAddress = 3; });
        QVERIFY2(server.started(), qPrintable(server.startError()));
        std::vector<std::unique_ptr<RawConnection>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawConnection>());
            QVERIFY(held.back()->open(server.port()));
        }
        RawConnection extra;
        QVERIFY(extra.open(server.port()));
        const auto refused = extra.next();
        QVERIFY(refused.has_value());
        QCOMPARE(refused->status, 429);
        QCOMPARE(codeOf(*refused), QStringLiteral("too_many_connections"));
        QVERIFY(!refused->header("Retry-After").isEmpty());
        QVERIFY(extra.waitClosedByServer());

        // Another address is served, and so are the connections already open.
        QVERIFY2(healthAnswers(server.port(), QHostAddress(QStringLiteral("127.0.0.2"))),
            "another client address is not affected");
        held.front()->send(rawRequest("GET", "/health"));
        const auto r = held.front()->next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);

        // A closed connection frees its place.
        held.pop_back();
        QVERIFY(QTest::qWaitFor([&] { return healthAnswers(server.port()); }, 5000));
    }

    void thousandSilentConnectionsDoNotStopTheServer()
    {
        TestServer server([](Config &c) {
            c.maxConnectionsPerAddress = 0;
            c.idleTimeoutSeconds = 2;
            c.requestTimeoutSeconds = 2;
        });
        QVERIFY2(server.started(), qPrintable(server.startError()));
        constexpr int kSockets = 1000;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        sockets.reserve(kSockets);
        for (int i = 0; i < kSockets; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(sockets.begin(), sockets.end(),
                    [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; });
            },
            20000));
        HttpClient http(server.baseUrl());
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        const auto stillOpen = [&] {
            return std::count_if(sockets.begin(), sockets.end(),
                [](const auto &s) { return s->state() != QAbstractSocket::UnconnectedState; });
        };
        (void)QTest::qWaitFor([&] { return stillOpen() == 0; }, 20000);
        QVERIFY2(stillOpen() == 0,
            qPrintable(QStringLiteral("the silent connections are closed by the server; %1 still open")
                           .arg(stillOpen())));
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestApiGuards)
#include "tst_api_guards.moc"
