// Direct TLS on joxai-server's own port (JOXAI_TLS_CERT / JOXAI_TLS_KEY): a throwaway CA and a
// server certificate for 127.0.0.1 made with the openssl program, a real joxai-server process,
// and real clients: curl, QNetworkAccessManager, QWebSocket (staff and customer sockets over
// wss), plain http and a client that never finishes its handshake. Start-up refuses broken
// settings with exit code 2 and one sentence.

#include "tests/support/serverprocess.h"
#include "tests/support/testcertificates.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using joxai::test::ServerProcess;
using joxai::test::TestCertificates;

namespace {

constexpr int kRequestTimeoutSeconds = 2;

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QString path(const QString &name) const { return m_certs.path(name); }
    QSslConfiguration trusting() const { return m_certs.trusting(); }

    QHash<QString, QString> tlsEnv(const QString &cert, const QString &key) const
    {
        return {{QStringLiteral("JOXAI_TLS_CERT"), cert},
                {QStringLiteral("JOXAI_TLS_KEY"), key},
                {QStringLiteral("JOXAI_REQUEST_TIMEOUT_SECONDS"), QString::number(kRequestTimeoutSeconds)},
                {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}};
    }

    // One request through QNetworkAccessManager trusting the test CA: status and JSON body.
    std::pair<int, QJsonObject> call(const QByteArray &verb, const QString &route, const QJsonObject &body = {},
                                     const QString &token = {})
    {
        QNetworkRequest request(QUrl(m_server.baseUrl() + route));
        request.setSslConfiguration(trusting());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb,
                                                       body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError && status == 0)
            qWarning() << "request failed:" << reply->errorString();
        reply->deleteLater();
        return {status, json};
    }

    // curl's HTTP status for /health ("000" when it could not talk to the server) and exit code.
    std::pair<QString, int> curlHealth(bool withCa)
    {
        QStringList args{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                         QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("--max-time"),
                         QStringLiteral("10")};
        if (withCa)
            args << QStringLiteral("--cacert") << path(QStringLiteral("ca.pem"));
        args << m_server.baseUrl() + QStringLiteral("/health");
        QProcess curl;
        curl.start(QStringLiteral("curl"), args);
        curl.waitForFinished(15000);
        return {QString::fromUtf8(curl.readAllStandardOutput()), curl.exitCode()};
    }

    // A WebSocket over wss trusting the test CA; the first text message it receives (empty if none).
    QJsonObject firstMessage(const QString &route)
    {
        QWebSocket ws;
        ws.setSslConfiguration(trusting());
        QSignalSpy received(&ws, &QWebSocket::textMessageReceived);
        QUrl url(m_server.baseUrl() + route);
        url.setScheme(QStringLiteral("wss"));
        ws.open(url);
        if (!received.wait(10000))
            return {};
        ws.close();
        return QJsonDocument::fromJson(received.first().first().toString().toUtf8()).object();
    }

    // joxai-server started with `env`, expected to refuse: its exit code and log.
    std::pair<int, QString> refusedStart(const QHash<QString, QString> &env)
    {
        QTemporaryDir data;
        ServerProcess server;
        const QString error = server.start(QStringLiteral(JOXAI_SERVER_BIN), data.path(), env);
        if (error.isEmpty())
            return {0, QStringLiteral("it started")};
        server.waitForExit(10000);
        return {server.process().exitCode(), server.log()};
    }

    TestCertificates m_certs;
    QTemporaryDir m_data;
    ServerProcess m_server;
    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase()
    {
        // A CA, and a server certificate for 127.0.0.1 signed by it, valid for the next day.
        QCOMPARE(m_certs.createAuthority(), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_certs.issue(QStringLiteral("chain"), now.addSecs(-3600), now.addDays(1)), QString());
        // An RSA key that belongs to nothing, for the mismatch.
        QCOMPARE(m_certs.openssl({QStringLiteral("genrsa"), QStringLiteral("-out"), QStringLiteral("other.key"),
                                  QStringLiteral("2048")}),
                 QString());

        const QString error = m_server.start(QStringLiteral(JOXAI_SERVER_BIN), m_data.path(),
                                             tlsEnv(path(QStringLiteral("chain.pem")), path(QStringLiteral("chain.key"))));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_server.baseUrl().startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(m_server.baseUrl()));
    }

    void curlWithTheCaGetsHealth()
    {
        const auto [code, exit] = curlHealth(true);
        QCOMPARE(code, QStringLiteral("200"));
        QCOMPARE(exit, 0);
    }

    void aClientThatDoesNotTrustTheCaFailsWhileOthersAreServed()
    {
        const auto [code, exit] = curlHealth(false);
        QCOMPARE(code, QStringLiteral("000"));
        QCOMPARE(exit, 60); // curl: peer certificate cannot be authenticated with known CA certificates

        QSslSocket untrusting;
        QSignalSpy errors(&untrusting, &QSslSocket::sslErrors);
        untrusting.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(!untrusting.waitForEncrypted(5000));
        QVERIFY(!errors.isEmpty());

        QCOMPARE(curlHealth(true).first, QStringLiteral("200"));
        QVERIFY(m_server.isRunning());
    }

    void plainHttpOnTheTlsPortIsClosed()
    {
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor([&] {
            answer += plain.readAll();
            return plain.state() == QAbstractSocket::UnconnectedState;
        }, 5000));
        QVERIFY2(!answer.contains("HTTP/1.1"), answer.constData());
        QVERIFY(m_server.isRunning());
        QCOMPARE(curlHealth(true).first, QStringLiteral("200"));
    }

    void aClientThatNeverFinishesTheHandshakeIsDropped()
    {
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(silent.waitForConnected(5000));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QTest::qWaitFor([&] { return silent.state() == QAbstractSocket::UnconnectedState; },
                                (kRequestTimeoutSeconds + 5) * 1000));
        QVERIFY2(clock.elapsed() >= (kRequestTimeoutSeconds - 1) * 1000, "dropped before the time-out");
        QVERIFY(m_server.log().contains(QStringLiteral("TLS handshake not finished")));
        QCOMPARE(curlHealth(true).first, QStringLiteral("200"));
    }

    void loginAndApiOverHttps()
    {
        const auto [status, login] = call("POST", QStringLiteral("/api/v1/auth/login"),
                                          {{QStringLiteral("email"), QStringLiteral("admin@joxai.com")},
                                           {QStringLiteral("password"), QStringLiteral("admin123")}});
        QCOMPARE(status, 200);
        const QString firstToken = login.value(QStringLiteral("token")).toString();
        QVERIFY(!firstToken.isEmpty());
        // The first admin must choose a password before the staff socket lets them in.
        const auto [changedStatus, changed] = call("POST", QStringLiteral("/api/v1/auth/change-password"),
                                                   {{QStringLiteral("current_password"), QStringLiteral("admin123")},
                                                    {QStringLiteral("new_password"), QStringLiteral("Admin-pass-2026")}},
                                                   firstToken);
        QCOMPARE(changedStatus, 200);
        m_token = changed.value(QStringLiteral("token")).toString();
        QVERIFY(!m_token.isEmpty());
        const auto [meStatus, me] = call("GET", QStringLiteral("/api/v1/auth/me"), {}, m_token);
        QCOMPARE(meStatus, 200);
        QVERIFY2(QJsonDocument(me).toJson().contains("admin@joxai.com"), QJsonDocument(me).toJson().constData());
    }

    void staffSocketOverWss()
    {
        QVERIFY(!m_token.isEmpty());
        const QJsonObject hello = firstMessage(QStringLiteral("/api/v1/ws?token=") + m_token);
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
    }

    void customerChatSocketOverWss()
    {
        const auto [status, started] = call("POST", QStringLiteral("/api/v1/chat/start"),
                                            {{QStringLiteral("language"), QStringLiteral("en")}});
        QCOMPARE(status, 201);
        const QString route = QStringLiteral("/api/v1/chat/ws?conversation_id=%1&session_token=%2")
                                  .arg(started.value(QStringLiteral("conversation_id")).toString(),
                                       started.value(QStringLiteral("session_token")).toString());
        const QJsonObject hello = firstMessage(route);
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
    }

    void onlyOneSettingIsRefused()
    {
        const auto [code, log] = refusedStart({{QStringLiteral("JOXAI_TLS_CERT"), path(QStringLiteral("chain.pem"))}});
        QCOMPARE(code, 2);
        QVERIFY2(log.contains(QStringLiteral("is set without JOXAI_TLS_KEY")),
                 qPrintable(log));
    }

    void aMissingFileIsRefused()
    {
        const auto [code, log] = refusedStart(tlsEnv(path(QStringLiteral("nowhere.pem")), path(QStringLiteral("chain.key"))));
        QCOMPARE(code, 2);
        QVERIFY2(log.contains(QStringLiteral("JOXAI_TLS_CERT: cannot read")), qPrintable(log));
    }

    void aKeyThatDoesNotMatchIsRefused()
    {
        const auto [code, log] = refusedStart(tlsEnv(path(QStringLiteral("chain.pem")), path(QStringLiteral("other.key"))));
        QCOMPARE(code, 2);
        QVERIFY2(log.contains(QStringLiteral("does not belong to the certificate")), qPrintable(log));
    }

    void aFileWithoutACertificateIsRefused()
    {
        const auto [code, log] = refusedStart(tlsEnv(path(QStringLiteral("chain.key")), path(QStringLiteral("chain.key"))));
        QCOMPARE(code, 2);
        QVERIFY2(log.contains(QStringLiteral("holds no PEM certificate")), qPrintable(log));
    }

private:
    QString m_token;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
