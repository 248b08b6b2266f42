// A certificate outside its dates (JOXAI_TLS_CERT): joxai-server still starts, so an expired
// certificate never turns a restart into an outage, but says so where admins look: an error
// naming the file and the date in the log, a warning two weeks ahead, and
// joxai_tls_certificate_expiry_seconds on /metrics (absent without TLS). Real certificates with
// past, near and future dates from a throwaway CA; a verifying client is refused with the
// certificate's own error while the server keeps answering.

#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcertificates.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using joxai::test::prometheusValue;
using joxai::test::RawConnection;
using joxai::test::rawRequest;
using joxai::test::ServerProcess;
using joxai::test::TestCertificates;

namespace {

constexpr qint64 kDay = 24 * 3600;

// Whole seconds: certificates carry no fractions, so the dates in the log can be compared.
QDateTime nowUtc()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

// A client that checks nothing, for reading the server's answers whatever its certificate.
QSslConfiguration lenient()
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

} // namespace

class TestTlsExpiry : public QObject
{
    Q_OBJECT

    TestCertificates m_certs;
    QTemporaryDir m_data;
    QDateTime m_now;

    std::unique_ptr<ServerProcess> start(const QString &name)
    {
        QHash<QString, QString> env { { QStringLiteral("LOG_LEVEL"), QStringLiteral("info") } };
        if (!name.isEmpty()) {
            env.insert(QStringLiteral("JOXAI_TLS_CERT"), m_certs.chain(name));
            env.insert(QStringLiteral("JOXAI_TLS_KEY"), m_certs.key(name));
        }
        auto server = std::make_unique<ServerProcess>();
        const QString error = server->start(QStringLiteral(JOXAI_SERVER_BIN), m_data.path(), env);
        if (!error.isEmpty()) {
            qWarning().noquote() << error;
            return nullptr;
        }
        return server;
    }

    // One GET over TLS that checks nothing, or plain http: the answer, if any.
    static std::optional<joxai::test::RawResponse> get(const ServerProcess &server, const QByteArray &path)
    {
        RawConnection c;
        const bool tls = server.baseUrl().startsWith(QLatin1String("https"));
        if (!(tls ? c.openEncrypted(server.port(), lenient()) : c.open(server.port())))
            return std::nullopt;
        c.send(rawRequest("GET", path, { QByteArrayLiteral("Connection: close") }));
        return c.next();
    }

    // The value of a /metrics line `name value`, if the line is there.
    static std::optional<double> metric(const ServerProcess &server, const QByteArray &name)
    {
        const auto answer = get(server, "/metrics");
        if (!answer || answer->status != 200)
            return std::nullopt;
        return prometheusValue(answer->body, name);
    }

    // The errors a client that trusts the test CA (and checks dates, as every client does) gets.
    QList<QSslError::SslError> verifyingClientErrors(quint16 port)
    {
        QSslSocket client;
        client.setSslConfiguration(m_certs.trusting());
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        const bool encrypted = client.waitForEncrypted(10000);
        QList<QSslError::SslError> errors;
        for (const QSslError &e : client.sslHandshakeErrors())
            errors << e.error();
        if (encrypted)
            errors << QSslError::NoError;
        return errors;
    }

    // The log line that mentions `needle`, with its level, or empty. Waits a little: the banner
    // on standard output may be read before the log lines on standard error.
    static QString logLine(ServerProcess &server, const QString &needle, int waitMs = 5000)
    {
        QString found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QString &line : server.log().split(QLatin1Char('\n')))
                    if (line.contains(needle))
                        found = line;
                return !found.isEmpty();
            },
            waitMs);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QCOMPARE(m_certs.createAuthority(), QString());
        m_now = nowUtc();
        QCOMPARE(m_certs.issue(QStringLiteral("expired"), m_now.addDays(-60), m_now.addDays(-30)), QString());
        QCOMPARE(m_certs.issue(QStringLiteral("future"), m_now.addDays(10), m_now.addDays(100)), QString());
        QCOMPARE(m_certs.issue(QStringLiteral("soon"), m_now.addDays(-1), m_now.addDays(5)), QString());
        QCOMPARE(m_certs.issue(QStringLiteral("fresh"), m_now.addDays(-1), m_now.addDays(90)), QString());
    }

    void aRunningServerSaysWhenItsCertificateExpires()
    {
        // Issued now, expiring a few seconds after the server has started.
        const QDateTime expiry = nowUtc().addSecs(12);
        QCOMPARE(m_certs.issue(QStringLiteral("brief"), m_now.addDays(-1), expiry), QString());
        auto server = start(QStringLiteral("brief"));
        QVERIFY(server);
        const QString needle = QStringLiteral("expired on ") + expiry.toString(Qt::ISODate);
        QVERIFY2(logLine(*server, QStringLiteral("expires on ") + expiry.toString(Qt::ISODate))
                     .contains(QLatin1String(" warning ")),
            qPrintable(server->log()));
        const QString line = logLine(*server, needle, 20000);
        QVERIFY2(line.contains(QLatin1String(" error joxai.server: ")), qPrintable(server->log()));
        // Said when it happened, not before (the line starts with its time).
        const QDateTime said = QDateTime::fromString(line.section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs);
        QVERIFY2(said.isValid() && said >= expiry, qPrintable(line));
        const auto seconds = metric(*server, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds <= 0, qPrintable(QString::number(*seconds)));
    }

    void anExpiredCertificateStartsWithAnErrorNamingFileAndDate()
    {
        auto server = start(QStringLiteral("expired"));
        QVERIFY(server);
        const QString expiry = m_now.addDays(-30).toString(Qt::ISODate);
        const QString line = logLine(*server, QStringLiteral("expired on ") + expiry);
        QVERIFY2(line.contains(QLatin1String(" error joxai.server: ")), qPrintable(server->log()));
        QVERIFY2(line.contains(m_certs.chain(QStringLiteral("expired"))), qPrintable(line));

        const auto seconds = metric(*server, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds<-29 * kDay && * seconds> - 31 * kDay, qPrintable(QString::number(*seconds)));

        QVERIFY(verifyingClientErrors(server->port()).contains(QSslError::CertificateExpired));
        // Still up, and answering the next client.
        QVERIFY(server->isRunning());
        const auto health = get(*server, "/health");
        QVERIFY(health.has_value());
        QCOMPARE(health->status, 200);
    }

    void aCertificateNotValidYetStartsWithAnError()
    {
        auto server = start(QStringLiteral("future"));
        QVERIFY(server);
        const QString line = logLine(
            *server, QStringLiteral("is not valid before ") + m_now.addDays(10).toString(Qt::ISODate));
        QVERIFY2(line.contains(QLatin1String(" error joxai.server: ")), qPrintable(server->log()));
        QVERIFY(line.contains(m_certs.chain(QStringLiteral("future"))));

        const auto seconds = metric(*server, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds > 99 * kDay && *seconds <= 100 * kDay, qPrintable(QString::number(*seconds)));
        QVERIFY(verifyingClientErrors(server->port()).contains(QSslError::CertificateNotYetValid));
        const auto health = get(*server, "/health");
        QVERIFY(health.has_value());
        QCOMPARE(health->status, 200);
    }

    void aCertificateExpiringWithinTwoWeeksWarns()
    {
        auto server = start(QStringLiteral("soon"));
        QVERIFY(server);
        const QString line
            = logLine(*server, QStringLiteral("expires on ") + m_now.addDays(5).toString(Qt::ISODate));
        QVERIFY2(line.contains(QLatin1String(" warning joxai.server: ")), qPrintable(server->log()));
        QVERIFY(line.contains(m_certs.chain(QStringLiteral("soon"))));
        QVERIFY2(line.contains(QLatin1String("(in 5.0 days)")), qPrintable(line));

        const auto seconds = metric(*server, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds > 4 * kDay && *seconds <= 5 * kDay, qPrintable(QString::number(*seconds)));
        // Still valid: a verifying client gets through.
        QCOMPARE(verifyingClientErrors(server->port()), QList<QSslError::SslError> { QSslError::NoError });
    }

    void aValidCertificateIsOnlyReportedAsInformation()
    {
        auto server = start(QStringLiteral("fresh"));
        QVERIFY(server);
        const QString line
            = logLine(*server, QStringLiteral("is valid until ") + m_now.addDays(90).toString(Qt::ISODate));
        QVERIFY2(line.contains(QLatin1String(" info joxai.server: ")), qPrintable(server->log()));
        QVERIFY2(!server->log().contains(QLatin1String(" warning ")), qPrintable(server->log()));
        QVERIFY2(!server->log().contains(QLatin1String(" error ")), qPrintable(server->log()));
        const auto seconds = metric(*server, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds > 89 * kDay && *seconds <= 90 * kDay, qPrintable(QString::number(*seconds)));
    }

    void withoutTlsTheMetricIsAbsent()
    {
        auto server = start(QString());
        QVERIFY(server);
        QVERIFY(server->baseUrl().startsWith(QLatin1String("http://")));
        const auto answer = get(*server, "/metrics");
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 200);
        QVERIFY(answer->body.contains("joxai_http_requests_total"));
        QVERIFY(!answer->body.contains("joxai_tls_certificate_expiry_seconds"));
    }
};

QTEST_GUILESS_MAIN(TestTlsExpiry)
#include "tst_tls_expiry.moc"
