// SIGHUP re-reads JOXAI_TLS_CERT / JOXAI_TLS_KEY for new connections, without a restart:
// a renewed certificate is served to the next client while connections already open keep
// working; files that cannot be used (garbage, a key of another certificate, a certificate
// already expired) keep the credentials in use and log why. Without TLS, SIGHUP is harmless.
// A real joxai-server process, certificates from a throwaway CA (TestCertificates).

#include "tests/support/rawhttp.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testcertificates.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace joxai::test;

class TestTlsReload : public QObject
{
    Q_OBJECT

    TestCertificates m_certs;
    QTemporaryDir m_data;
    ServerProcess m_server;

    // The files the server is configured with; the tests replace their contents.
    QString servedCert() const { return m_certs.path(QStringLiteral("served.pem")); }
    QString servedKey() const { return m_certs.path(QStringLiteral("served.key")); }

    static bool copy(const QString &from, const QString &to)
    {
        QFile in(from);
        QFile out(to);
        return in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && out.write(in.readAll()) >= 0;
    }
    bool serve(const QString &name)
    {
        return copy(m_certs.chain(name), servedCert()) && copy(m_certs.key(name), servedKey());
    }
    QSslCertificate leafOf(const QString &name) const
    {
        return QSslCertificate::fromPath(m_certs.chain(name)).value(0);
    }

    // The certificate a new verifying client is shown (null when the handshake fails).
    QSslCertificate presented()
    {
        QSslSocket client;
        client.setSslConfiguration(m_certs.trusting());
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server.port());
        return client.waitForEncrypted(10000) ? client.peerCertificate() : QSslCertificate();
    }

    // Sends SIGHUP and waits for the log to say `needle` (once more than before).
    bool hangUpAndWaitFor(const QString &needle)
    {
        const qsizetype before = m_server.log().count(needle);
        m_server.signal(SIGHUP);
        return QTest::qWaitFor([&] { return m_server.log().count(needle) > before; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QCOMPARE(m_certs.createAuthority(), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_certs.issue(QStringLiteral("old"), now.addDays(-80), now.addDays(5)), QString());
        QCOMPARE(m_certs.issue(QStringLiteral("renewed"), now.addSecs(-3600), now.addDays(90)), QString());
        QCOMPARE(m_certs.issue(QStringLiteral("expired"), now.addDays(-90), now.addDays(-1)), QString());
        QVERIFY(serve(QStringLiteral("old")));
        const QString error = m_server.start(QStringLiteral(JOXAI_SERVER_BIN), m_data.path(),
            { { QStringLiteral("JOXAI_TLS_CERT"), servedCert() },
                { QStringLiteral("JOXAI_TLS_KEY"), servedKey() },
                { QStringLiteral("LOG_LEVEL"), QStringLiteral("info") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(presented(), leafOf(QStringLiteral("old")));
    }

    void aRenewedCertificateIsServedToNewConnections()
    {
        RawConnection before;
        QVERIFY(before.openEncrypted(m_server.port(), m_certs.trusting()));
        QVERIFY(serve(QStringLiteral("renewed")));
        QVERIFY2(hangUpAndWaitFor(QStringLiteral("TLS certificate reloaded from ") + servedCert()),
            qPrintable(m_server.log()));
        QCOMPARE(presented(), leafOf(QStringLiteral("renewed")));
        // A connection made before the reload keeps its session.
        before.send(rawRequest("GET", "/health"));
        const auto r = before.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        // And the expiry metric follows the new certificate (90 days, not 5).
        RawConnection c;
        QVERIFY(c.openEncrypted(m_server.port(), m_certs.trusting()));
        c.send(rawRequest("GET", "/metrics"));
        const auto metrics = c.next();
        QVERIFY(metrics.has_value());
        const auto seconds = prometheusValue(metrics->body, "joxai_tls_certificate_expiry_seconds");
        QVERIFY(seconds.has_value());
        QVERIFY2(*seconds > 89.0 * 86400, qPrintable(QString::number(*seconds)));
    }

    void anUnreadableCertificateKeepsTheOneInUse()
    {
        QFile garbage(servedCert());
        QVERIFY(garbage.open(QIODevice::WriteOnly | QIODevice::Truncate));
        garbage.write("not a certificate\n");
        garbage.close();
        QVERIFY2(
            hangUpAndWaitFor(QStringLiteral("TLS reload failed: JOXAI_TLS_CERT: %1 holds no PEM certificate;")
                                 .arg(servedCert())),
            qPrintable(m_server.log()));
        QVERIFY(m_server.log().contains(QStringLiteral("keeping the certificate in use")));
        QCOMPARE(presented(), leafOf(QStringLiteral("renewed")));
    }

    void aKeyOfAnotherCertificateKeepsTheOneInUse()
    {
        // Half a renewal: the new certificate written, the old key still there.
        QVERIFY(copy(m_certs.chain(QStringLiteral("old")), servedCert()));
        QVERIFY(copy(m_certs.key(QStringLiteral("renewed")), servedKey()));
        QVERIFY2(hangUpAndWaitFor(QStringLiteral("does not belong to the certificate")),
            qPrintable(m_server.log()));
        QCOMPARE(presented(), leafOf(QStringLiteral("renewed")));
    }

    void anExpiredCertificateIsNotSwappedIn()
    {
        QVERIFY(serve(QStringLiteral("expired")));
        QVERIFY2(
            hangUpAndWaitFor(
                QStringLiteral("TLS reload refused: the certificate in %1 expired on").arg(servedCert())),
            qPrintable(m_server.log()));
        QCOMPARE(presented(), leafOf(QStringLiteral("renewed")));
        QVERIFY(m_server.isRunning());
    }

    void withoutTlsSighupIsHarmless()
    {
        QTemporaryDir data;
        ServerProcess plain;
        QVERIFY(plain
                    .start(QStringLiteral(JOXAI_SERVER_BIN), data.path(),
                        { { QStringLiteral("LOG_LEVEL"), QStringLiteral("info") } })
                    .isEmpty());
        plain.signal(SIGHUP);
        QVERIFY(QTest::qWaitFor(
            [&] { return plain.log().contains(QStringLiteral("nothing to reload")); }, 10000));
        RawConnection c;
        QVERIFY(c.open(plain.port()));
        c.send(rawRequest("GET", "/health"));
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        QVERIFY(plain.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestTlsReload)
#include "tst_tls_reload.moc"
