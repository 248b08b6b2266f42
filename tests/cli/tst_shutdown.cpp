// Graceful shutdown of the joxai-server process: SIGTERM stops accepting connections, closes the
// WebSockets with 1001 (going away) so clients reconnect elsewhere, answers the requests already
// in flight, and exits 0; the grace period caps the wait; a second signal exits at once.
// A request is kept in flight by the AI stand-in, which reads the assistant's call and never
// answers it: the server answers the customer from the local provider once its AI time-out ends.

#include "tests/support/aistandin.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include <csignal>

using joxai::test::AiStandIn;
using joxai::test::ChatCustomer;
using joxai::test::HttpClient;
using joxai::test::ServerProcess;

class TestShutdown : public QObject
{
    Q_OBJECT

    // A joxai-server process on SQLite whose assistant talks to `ai`, waiting `aiTimeout` seconds.
    QString start(ServerProcess &server, const AiStandIn &ai, int aiTimeout, int grace)
    {
        return server.start(QStringLiteral(JOXAI_SERVER_BIN), m_dir.path(),
                            {{QStringLiteral("AI_PROVIDER"), QStringLiteral("anthropic")},
                             {QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-test")},
                             {QStringLiteral("JOXAI_ANTHROPIC_BASE_URL"), ai.baseUrl()},
                             {QStringLiteral("JOXAI_AI_TIMEOUT_SECONDS"), QString::number(aiTimeout)},
                             {QStringLiteral("JOXAI_AI_MAX_RETRIES"), QStringLiteral("0")},
                             {QStringLiteral("JOXAI_AI_STREAM"), QStringLiteral("false")},
                             {QStringLiteral("JOXAI_AI_CACHE_SECONDS"), QStringLiteral("0")},
                             {QStringLiteral("JOXAI_SHUTDOWN_GRACE_SECONDS"), QString::number(grace)},
                             {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}});
    }

    // POST /api/v1/chat/message, answered later (the stand-in holds the assistant's call).
    static QNetworkReply *ask(QNetworkAccessManager &nam, const ServerProcess &server, const ChatCustomer &customer,
                              const QString &question)
    {
        QNetworkRequest request(QUrl(server.baseUrl() + QStringLiteral("/api/v1/chat/message")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-Session-Token", customer.sessionToken().toUtf8());
        const QJsonObject body{{QStringLiteral("conversation_id"), customer.conversationId()},
                               {QStringLiteral("message"), question}};
        return nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    static bool portAccepts(quint16 port)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        return s.waitForConnected(1000);
    }

    // The customer's chat socket, open.
    static std::unique_ptr<QWebSocket> openChatSocket(const ServerProcess &server, const ChatCustomer &customer)
    {
        auto ws = std::make_unique<QWebSocket>();
        QSignalSpy opened(ws.get(), &QWebSocket::connected);
        ws->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/chat/ws?conversation_id=%2&session_token=%3")
                          .arg(server.port()).arg(customer.conversationId(), customer.sessionToken())));
        if (!opened.wait(5000))
            return nullptr;
        return ws;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void sigtermFinishesRequestsInFlightClosesSocketsWith1001AndExitsZero()
    {
        AiStandIn ai;
        QVERIFY(ai.start());
        ai.script({AiStandIn::Reply::Timeout});
        ServerProcess server;
        QVERIFY2(start(server, ai, /*aiTimeout=*/2, /*grace=*/20).isEmpty(), "server did not start");

        HttpClient http(server.baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        auto socket = openChatSocket(server, customer);
        QVERIFY(socket);
        QSignalSpy socketClosed(socket.get(), &QWebSocket::disconnected);

        // A question in flight: the assistant's call hangs at the stand-in for two seconds.
        QNetworkAccessManager nam;
        QNetworkReply *reply = ask(nam, server, customer, QStringLiteral("What are your opening hours?"));
        QSignalSpy answered(reply, &QNetworkReply::finished);
        QSignalSpy asked(&ai, &AiStandIn::requestReceived);
        QVERIFY(asked.wait(5000));

        QElapsedTimer clock;
        clock.start();
        server.signal(SIGTERM);
        // The socket is told to go away at once, with 1001 and a reason.
        QVERIFY(socketClosed.wait(3000));
        QCOMPARE(int(socket->closeCode()), 1001);
        QVERIFY(!socket->closeReason().isEmpty());
        // Nobody new gets in while the server drains.
        QVERIFY(!portAccepts(server.port()));
        // The question in flight is answered in full (the local fallback after the AI time-out).
        QVERIFY(answered.wait(10000));
        if (reply->error() != QNetworkReply::NoError)
            qWarning().noquote() << reply->errorString() << server.log();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        QVERIFY2(!answer.value(QStringLiteral("response")).toString().isEmpty(), "an empty answer");
        QCOMPARE(answer.value(QStringLiteral("fallback")).toBool(), true);
        reply->deleteLater();

        QVERIFY(server.process().waitForFinished(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY2(clock.elapsed() < 10000, "the drain waited far longer than the request took");
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("drained: every request answered")), qPrintable(log));

        // The answer was stored: after a restart the conversation has it.
        ServerProcess again;
        QVERIFY2(start(again, ai, 2, 20).isEmpty(), "server did not start again");
        HttpClient http2(again.baseUrl());
        const auto messages = http2.request(
            "GET", QStringLiteral("/api/v1/chat/%1/messages?after=0").arg(customer.conversationId()), {},
            customer.sessionHeader());
        QCOMPARE(messages.status, 200);
        bool stored = false;
        for (const QJsonValue &m : messages.items())
            stored = stored || m.toObject().value(QStringLiteral("body")) == answer.value(QStringLiteral("response"));
        QVERIFY2(stored, messages.body.constData());
        again.signal(SIGTERM);
        QVERIFY(again.process().waitForFinished(10000));
        QCOMPARE(again.process().exitCode(), 0);
    }

    void graceEndsTheWaitForAStuckRequest()
    {
        AiStandIn ai;
        QVERIFY(ai.start());
        ai.script({AiStandIn::Reply::Timeout});
        ServerProcess server;
        // The assistant would wait 60 s; the grace is 1 s.
        QVERIFY2(start(server, ai, /*aiTimeout=*/60, /*grace=*/1).isEmpty(), "server did not start");
        HttpClient http(server.baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        QNetworkAccessManager nam;
        QNetworkReply *reply = ask(nam, server, customer, QStringLiteral("Can I open a savings account online?"));
        QSignalSpy asked(&ai, &AiStandIn::requestReceived);
        QVERIFY(asked.wait(5000));

        QElapsedTimer clock;
        clock.start();
        server.signal(SIGTERM);
        QVERIFY(server.process().waitForFinished(10000));
        // A crash at the end of the grace (a sanitizer report, an abort): the whole log, which a
        // QVERIFY2 message would cut short.
        if (server.process().exitStatus() != QProcess::NormalExit)
            qWarning().noquote() << server.log();
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("grace period over")) && log.contains(QStringLiteral("1 request(s) in flight")),
                 qPrintable(log));
        reply->abort();
        reply->deleteLater();
    }

    void secondSignalExitsAtOnce()
    {
        AiStandIn ai;
        QVERIFY(ai.start());
        ai.script({AiStandIn::Reply::Timeout});
        ServerProcess server;
        QVERIFY2(start(server, ai, /*aiTimeout=*/60, /*grace=*/60).isEmpty(), "server did not start");
        HttpClient http(server.baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        QNetworkAccessManager nam;
        QNetworkReply *reply = ask(nam, server, customer, QStringLiteral("How long does a transfer abroad take?"));
        QSignalSpy asked(&ai, &AiStandIn::requestReceived);
        QVERIFY(asked.wait(5000));

        QElapsedTimer clock;
        clock.start();
        server.signal(SIGTERM);
        QTest::qWait(300);
        QCOMPARE(server.process().state(), QProcess::Running); // still draining
        server.signal(SIGTERM);
        QVERIFY(server.process().waitForFinished(5000));
        QVERIFY2(clock.elapsed() < 5000, "the second signal did not end the process at once");
        QCOMPARE(server.process().exitCode(), 128 + SIGTERM);
        reply->abort();
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
