// The MailDispatcher on its own, on both databases, against the real SMTP sink: two dispatchers
// on one outbox deliver every mail exactly once; shutdown in the middle of a send leaves the mail
// pending and untouched (sent later, once); an impossible address fails at once; a mail that
// keeps failing is marked failed after the configured number of attempts; STARTTLS and TLS never
// fall back to clear text. Over STARTTLS and implicit TLS (a sink with a certificate from a CA made
// for the test, trusted through SMTP_CA_FILE) mail arrives encrypted and the login goes only over
// TLS; a certificate the sender does not trust is refused before any credential leaves.

#include "server/mail/maildispatcher.h"
#include "server/storage/database.h"
#include "server/storage/mailoutboxstore.h"
#include "tests/support/smtpsinkprocess.h"
#include "tests/support/testcertificates.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

MailDispatcher::Options optionsFor(quint16 port)
{
    MailDispatcher::Options o;
    o.smtp.host = QStringLiteral("127.0.0.1");
    o.smtp.port = port;
    o.smtp.security = QStringLiteral("none");
    o.smtp.timeoutSeconds = 20;
    o.fromAddress = QStringLiteral("support@bank.example");
    o.fromName = QStringLiteral("JoxAI Support");
    o.pollSeconds = 1;
    o.retrySeconds = 1;
    return o;
}

// The log lines written while it lives (any thread), passed on to the usual handler as well.
class LogCapture final
{
public:
    LogCapture()
    {
        QMutexLocker lock(&s_mutex);
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    Q_DISABLE_COPY_MOVE(LogCapture)

    QStringList lines() const
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        {
            QMutexLocker lock(&s_mutex);
            s_lines << text;
        }
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

Q_DECLARE_METATYPE(SmtpSinkProcess::Tls)

class TestMailDispatcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<Database> m_db;
    TestCertificates m_bankCa;     // signs the sink's certificate; the sender trusts it
    TestCertificates m_strangerCa; // signs nothing the sink shows; trusting it must not help

    SmtpSinkProcess::Options tlsSink(SmtpSinkProcess::Tls tls, bool requireStartTls = false) const
    {
        SmtpSinkProcess::Options o;
        o.user = QStringLiteral("joxai");
        o.password = QStringLiteral("s3cret-Pässword");
        o.tls = tls;
        o.requireStartTls = requireStartTls;
        o.certificateChain = m_bankCa.chain(QStringLiteral("smtp"));
        o.privateKey = m_bankCa.key(QStringLiteral("smtp"));
        return o;
    }

    static QString securityFor(SmtpSinkProcess::Tls tls)
    {
        return tls == SmtpSinkProcess::Tls::Implicit ? QStringLiteral("tls") : QStringLiteral("starttls");
    }

    QList<OutboxRow> rows()
    {
        SqlSession s = m_db->session();
        auto all = MailOutboxStore::all(s);
        return all ? all.value() : QList<OutboxRow>();
    }

    qint64 enqueue(const QString &to, const QString &subject)
    {
        SqlSession s = m_db->session();
        auto id = MailOutboxStore::enqueue(s, to, subject, QStringLiteral("Corps du message n°") + subject);
        return id ? id.value() : 0;
    }

    bool waitForRows(const std::function<bool(const OutboxRow &)> &done, int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const QList<OutboxRow> all = rows();
            if (!all.isEmpty() && std::all_of(all.begin(), all.end(), done))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    QString claimTokenOf(qint64 id)
    {
        SqlSession s = m_db->session();
        auto v = s.scalar(QStringLiteral("SELECT claim_token FROM mail_outbox WHERE id = ?"), {id});
        return v && v->has_value() ? (*v)->toString() : QStringLiteral("<no row>");
    }

    static bool sent(const OutboxRow &r) { return r.status == QLatin1String("sent"); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why = m_bankCa.createAuthority();
        if (why.isEmpty())
            why = m_bankCa.issue(QStringLiteral("smtp"), QDateTime::currentDateTimeUtc().addSecs(-3600),
                                 QDateTime::currentDateTimeUtc().addDays(1));
        if (why.isEmpty())
            why = m_strangerCa.createAuthority();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void init()
    {
        m_testDb = std::make_unique<TestDatabase>();
        QString why;
        m_db = m_testDb->openMigrated(4, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanup()
    {
        m_db.reset();
        m_testDb.reset();
    }

    void twoDispatchersDeliverEveryMailOnce()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        QSet<QString> expected;
        for (int i = 0; i < 30; ++i)
            QVERIFY(enqueue(QStringLiteral("client%1@example.fr").arg(i), QString::number(i)) > 0);
        for (const OutboxRow &r : rows())
            expected.insert(QStringLiteral("<joxai.outbox.%1.%2@bank.example>").arg(r.id).arg(r.createdAt.toMSecsSinceEpoch()));

        MailDispatcher one(*m_db, optionsFor(port));
        MailDispatcher two(*m_db, optionsFor(port));
        one.start();
        two.start();
        QVERIFY(waitForRows(sent));
        QTest::qWait(1500); // more polls: nothing goes twice
        one.stop();
        two.stop();
        const QList<QJsonObject> got = sink.messages();
        QCOMPARE(got.size(), 30);
        QSet<QString> ids;
        for (const QJsonObject &m : got)
            ids.insert(m.value(QStringLiteral("message_id")).toString());
        QCOMPARE(ids, expected);
        QCOMPARE(one.sentCount() + two.sentCount(), 30);
        qInfo("dispatcher one sent %lld, two sent %lld", one.sentCount(), two.sentCount());
    }

    void shutdownMidSendLeavesTheMailPending()
    {
        // An SMTP server that accepts the connection and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *c = silent.nextPendingConnection())
                held << c;
        });
        const qint64 id = enqueue(QStringLiteral("client@example.fr"), QStringLiteral("interrompu"));
        MailDispatcher::Options options = optionsFor(silent.serverPort());
        options.stopGraceMs = 300;
        {
            MailDispatcher dispatcher(*m_db, options);
            dispatcher.start();
            QTRY_VERIFY_WITH_TIMEOUT(!held.isEmpty(), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(!claimTokenOf(id).isEmpty(), 5000); // claimed, send in flight
        } // the destructor stops it mid-send
        const OutboxRow r = rows().first();
        QCOMPARE(r.status, QStringLiteral("pending"));
        QCOMPARE(r.attempts, 0);
        QVERIFY(r.lastError.isEmpty());
        QCOMPARE(claimTokenOf(id), QString()); // given back, due again at once

        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        MailDispatcher next(*m_db, optionsFor(port));
        next.start();
        QVERIFY(waitForRows(sent));
        next.stop();
        QCOMPARE(sink.messages().size(), 1);
        qDeleteAll(held);
    }

    void anImpossibleAddressFailsAtOnce()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        const qint64 bad = enqueue(QStringLiteral("client@example.fr>\r\nRCPT TO:<x@evil.example"), QStringLiteral("bad"));
        const qint64 good = enqueue(QStringLiteral("client@example.fr"), QStringLiteral("good"));
        MailDispatcher dispatcher(*m_db, optionsFor(port));
        dispatcher.start();
        QVERIFY(waitForRows([](const OutboxRow &r) { return r.status != QLatin1String("pending"); }));
        dispatcher.stop();
        for (const OutboxRow &r : rows()) {
            if (r.id == bad) {
                QCOMPARE(r.status, QStringLiteral("failed"));
                QCOMPARE(r.attempts, 1);
                QCOMPARE(r.lastError, QStringLiteral("not a deliverable e-mail address"));
            } else {
                QCOMPARE(r.id, good);
                QCOMPARE(r.status, QStringLiteral("sent"));
            }
        }
        const QList<QJsonObject> got = sink.messages();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{QStringLiteral("client@example.fr")});
    }

    void encryptionIsNeverDroppedSilently_data()
    {
        QTest::addColumn<QString>("security");
        QTest::newRow("starttls") << QStringLiteral("starttls");
        QTest::newRow("tls") << QStringLiteral("tls");
    }

    void encryptionIsNeverDroppedSilently()
    {
        // The sink speaks plain SMTP only: no STARTTLS offered, no TLS on connect. Nothing may go
        // out in clear text; the mail waits with the reason.
        QFETCH(QString, security);
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        MailDispatcher::Options options = optionsFor(port);
        options.smtp.security = security;
        options.smtp.timeoutSeconds = 5;
        enqueue(QStringLiteral("client@example.fr"), QStringLiteral("secret"));
        MailDispatcher dispatcher(*m_db, options);
        dispatcher.start();
        QVERIFY(waitForRows([](const OutboxRow &r) { return r.attempts >= 1; }));
        dispatcher.stop();
        const OutboxRow r = rows().first();
        QCOMPARE(r.status, QStringLiteral("pending"));
        QVERIFY2(r.lastError.contains(QStringLiteral("SSL"), Qt::CaseInsensitive), qPrintable(r.lastError));
        QCOMPARE(sink.messages().size(), 0);
    }

    void mailArrivesOverTlsAndTheLoginOnlyAfterIt_data()
    {
        QTest::addColumn<SmtpSinkProcess::Tls>("tls");
        QTest::addColumn<bool>("requireStartTls");
        // "offered": the sink would take AUTH and mail in clear text too, so only the sender's own
        // insistence on STARTTLS keeps the password encrypted.
        QTest::newRow("starttls offered") << SmtpSinkProcess::Tls::StartTls << false;
        QTest::newRow("starttls required") << SmtpSinkProcess::Tls::StartTls << true;
        QTest::newRow("implicit tls") << SmtpSinkProcess::Tls::Implicit << false;
    }

    void mailArrivesOverTlsAndTheLoginOnlyAfterIt()
    {
        QFETCH(SmtpSinkProcess::Tls, tls);
        QFETCH(bool, requireStartTls);
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        const SmtpSinkProcess::Options sinkOptions = tlsSink(tls, requireStartTls);
        QVERIFY(sink.start(port, sinkOptions));
        MailDispatcher::Options options = optionsFor(port);
        options.smtp.security = securityFor(tls);
        options.smtp.caFile = m_bankCa.path(QStringLiteral("ca.pem"));
        options.smtp.user = sinkOptions.user;
        options.smtp.password = sinkOptions.password;
        enqueue(QStringLiteral("client@example.fr"), QStringLiteral("chiffré"));
        MailDispatcher dispatcher(*m_db, options);
        dispatcher.start();
        QVERIFY2(waitForRows(sent), qPrintable(rows().first().lastError));
        dispatcher.stop();

        const QList<QJsonObject> got = sink.messages();
        QCOMPARE(got.size(), 1);
        const QJsonObject m = got.first();
        QVERIFY2(m.value(QStringLiteral("tls")).toString().startsWith(QLatin1String("TLSv1.")),
                 QJsonDocument(m).toJson().constData());
        QCOMPARE(m.value(QStringLiteral("login")).toString(), sinkOptions.user);
        QCOMPARE(m.value(QStringLiteral("subject")).toString(), QStringLiteral("chiffré"));
        QCOMPARE(m.value(QStringLiteral("text")).toString().trimmed(), QStringLiteral("Corps du message n°chiffré"));
        const QList<QJsonObject> logins = sink.authAttempts();
        QVERIFY(!logins.isEmpty());
        for (const QJsonObject &a : logins) {
            QVERIFY2(a.value(QStringLiteral("tls")).isString(), "credentials arrived over clear text");
            QCOMPARE(a.value(QStringLiteral("ok")).toBool(), true);
        }
        qInfo("delivered over %s", qPrintable(m.value(QStringLiteral("tls")).toString()));
    }

    void anUntrustedCertificateIsRefused_data()
    {
        QTest::addColumn<SmtpSinkProcess::Tls>("tls");
        QTest::addColumn<bool>("strangerCa");
        QTest::newRow("starttls, system store") << SmtpSinkProcess::Tls::StartTls << false;
        QTest::newRow("starttls, another CA") << SmtpSinkProcess::Tls::StartTls << true;
        QTest::newRow("implicit tls, system store") << SmtpSinkProcess::Tls::Implicit << false;
        QTest::newRow("implicit tls, another CA") << SmtpSinkProcess::Tls::Implicit << true;
    }

    void anUntrustedCertificateIsRefused()
    {
        // The sink's certificate is real but signed by a CA the sender does not trust: nothing is
        // sent, not even the login; the mail is retried, then marked failed, and the log says why.
        QFETCH(SmtpSinkProcess::Tls, tls);
        QFETCH(bool, strangerCa);
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        const SmtpSinkProcess::Options sinkOptions = tlsSink(tls);
        QVERIFY(sink.start(port, sinkOptions));
        MailDispatcher::Options options = optionsFor(port);
        options.smtp.security = securityFor(tls);
        options.smtp.caFile = strangerCa ? m_strangerCa.path(QStringLiteral("ca.pem")) : QString();
        options.smtp.user = sinkOptions.user;
        options.smtp.password = sinkOptions.password;
        options.smtp.timeoutSeconds = 5;
        options.maxAttempts = 2;
        const qint64 id = enqueue(QStringLiteral("client@example.fr"), QStringLiteral("refusé"));
        LogCapture log;
        MailDispatcher dispatcher(*m_db, options);
        dispatcher.start();
        QVERIFY(waitForRows([](const OutboxRow &r) { return r.status == QLatin1String("failed"); }, 20000));
        dispatcher.stop();

        const OutboxRow r = rows().first();
        QCOMPARE(r.attempts, 2);
        QVERIFY2(r.lastError.contains(QStringLiteral("certificate was refused")), qPrintable(r.lastError));
        QVERIFY2(r.lastError.contains(strangerCa ? options.smtp.caFile : QStringLiteral("SMTP_CA_FILE")),
                 qPrintable(r.lastError));
        QVERIFY(!r.lastError.contains(sinkOptions.password));
        QCOMPARE(sink.messages().size(), 0);
        QCOMPARE(sink.authAttempts().size(), 0); // the password never went to the unverified server
        QCOMPARE(dispatcher.sentCount(), 0);
        const QStringList lines = log.lines();
        const auto about = [&](const QString &start) {
            return std::any_of(lines.begin(), lines.end(), [&](const QString &l) {
                return l.startsWith(start) && l.contains(QStringLiteral("certificate was refused"));
            });
        };
        QVERIFY2(about(QStringLiteral("mail %1 not sent (attempt 1)").arg(id)), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(about(QStringLiteral("mail %1 failed 2 times; giving up").arg(id)), qPrintable(lines.join(QLatin1Char('\n'))));
        for (const QString &l : lines)
            QVERIFY2(!l.contains(sinkOptions.password), qPrintable(l));
    }

    void givesUpAfterTheLastAttempt()
    {
        MailDispatcher::Options options = optionsFor(SmtpSinkProcess::freePort()); // nobody listens
        options.maxAttempts = 3;
        enqueue(QStringLiteral("client@example.fr"), QStringLiteral("jamais"));
        MailDispatcher dispatcher(*m_db, options);
        dispatcher.start();
        // Waits 1 s then 2 s between the three attempts.
        QVERIFY(waitForRows([](const OutboxRow &r) { return r.status == QLatin1String("failed"); }, 20000));
        dispatcher.stop();
        const OutboxRow r = rows().first();
        QCOMPARE(r.attempts, 3);
        QVERIFY(!r.lastError.isEmpty());
        QCOMPARE(dispatcher.failedAttempts(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMailDispatcher)
#include "tst_maildispatcher.moc"
