// E-mail delivery end to end on both databases: a real joxai-server (in this process) with its
// mail outbox sent through libcurl to a real SMTP server (aiosmtpd on a loopback port). The
// escalation alert to supervisors, the assignment to the agent and the transcript to the
// customer (in the conversation's language, English by default) arrive with the right envelope,
// headers and UTF-8 text; an SMTP outage keeps every
// mail (attempts, last error, back-off) and, once SMTP is back, each is delivered exactly once;
// no SMTP configured keeps the outbox untouched; AUTH uses the configured login.

#include "server/mail/maildispatcher.h"
#include "server/storage/database.h"
#include "server/storage/mailoutboxstore.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/smtpsinkprocess.h"
#include "tests/support/testserver.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

QList<OutboxRow> outbox(TestServer &server)
{
    SqlSession s = server.runtime().database().session();
    auto rows = MailOutboxStore::all(s);
    return rows ? rows.value() : QList<OutboxRow>();
}

// Waits (serving the server's event loop) until every row of the outbox satisfies `done`.
bool waitForOutbox(TestServer &server, const std::function<bool(const OutboxRow &)> &done, int count,
                   int timeoutMs = 30000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QList<OutboxRow> rows = outbox(server);
        if (rows.size() >= count && std::all_of(rows.begin(), rows.end(), done))
            return true;
        QTest::qWait(50);
    }
    return false;
}

QString normalised(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QJsonObject messageTo(const QList<QJsonObject> &messages, const QString &address)
{
    for (const QJsonObject &m : messages)
        if (m.value(QStringLiteral("rcpt_tos")).toArray() == QJsonArray{address})
            return m;
    return {};
}

std::function<void(Config &)> smtpOn(quint16 port, const std::function<void(Config &)> &more = {})
{
    return [port, more](Config &c) {
        c.smtpHost = QStringLiteral("127.0.0.1");
        c.smtpPort = port;
        c.smtpSecurity = QStringLiteral("none");
        c.fromEmail = QStringLiteral("support@bank.example");
        c.fromName = QStringLiteral("Banque Épargne — Service client");
        c.mailPollSeconds = 3600; // only the wake-up of an enqueued mail can make these tests pass in time
        c.mailRetrySeconds = 2;
        if (more)
            more(c);
    };
}

} // namespace

class TestMail : public QObject
{
    Q_OBJECT

private:
    // A server with a supervisor, an agent and a French customer whose lost card was escalated.
    struct Branch
    {
        std::unique_ptr<TestServer> server;
        std::unique_ptr<HttpClient> http;
        QString admin, sue, alice;
        qint64 aliceId = 0;
    };

    static bool openBranch(Branch &b, const std::function<void(Config &)> &config)
    {
        b.server = std::make_unique<TestServer>(config);
        if (!b.server->started()) {
            qWarning("%s", qPrintable(b.server->startError()));
            return false;
        }
        b.http = std::make_unique<HttpClient>(b.server->baseUrl());
        b.admin = b.http->adminToken();
        b.sue = b.http->createStaff(b.admin, QStringLiteral("sue@bank.example"), QStringLiteral("supervisor"));
        b.alice = b.http->createStaff(b.admin, QStringLiteral("alice@bank.example"), QStringLiteral("agent"), &b.aliceId);
        return !b.sue.isEmpty() && !b.alice.isEmpty();
    }

    static QString escalateFrenchCustomer(Branch &b, const QString &email = {})
    {
        ChatCustomer customer(*b.http);
        QJsonObject extra{{QStringLiteral("customer_name"), QStringLiteral("Hélène Dubois")}};
        if (!email.isEmpty())
            extra.insert(QStringLiteral("customer_email"), email);
        if (customer.start(QStringLiteral("fr"), extra).status != 201)
            return {};
        customer.say(QStringLiteral("J'ai perdu ma carte bancaire à l'étranger, près de la gare"));
        customer.escalate();
        return customer.conversationId();
    }

private Q_SLOTS:
    void escalationAlertReachesEverySupervisor()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port)));
        QVERIFY(b.server->runtime().mailDispatcher());
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());

        // Supervisors and admins hear of it; the agent does not.
        QVERIFY(sink.waitForMessages(2));
        QVERIFY(waitForOutbox(*b.server, [](const OutboxRow &r) { return r.status == QLatin1String("sent"); }, 2));
        const QList<OutboxRow> rows = outbox(*b.server);
        QCOMPARE(rows.size(), 2);
        const QList<QJsonObject> got = sink.messages();
        QCOMPARE(got.size(), 2);
        for (const OutboxRow &row : rows) {
            const QJsonObject m = messageTo(got, row.to);
            QVERIFY2(!m.isEmpty(), qPrintable(row.to));
            QCOMPARE(m.value(QStringLiteral("mail_from")).toString(), QStringLiteral("support@bank.example"));
            QCOMPARE(m.value(QStringLiteral("to")).toString(), row.to);
            QCOMPARE(m.value(QStringLiteral("from")).toString(),
                     QStringLiteral("Banque Épargne — Service client <support@bank.example>"));
            QCOMPARE(m.value(QStringLiteral("subject")).toString(), row.subject);
            QVERIFY(row.subject.startsWith(QStringLiteral("[JoxAI] Escalation: ")));
            QVERIFY(row.subject.endsWith(QStringLiteral("Hélène Dubois")));
            QCOMPARE(m.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
            const QString text = normalised(m.value(QStringLiteral("text")).toString());
            QCOMPARE(text, normalised(row.body));
            QVERIFY(text.contains(QStringLiteral("à l'étranger, près de la gare")));
            QCOMPARE(m.value(QStringLiteral("message_id")).toString(),
                     QStringLiteral("<joxai.outbox.%1.%2@bank.example>").arg(row.id).arg(row.createdAt.toMSecsSinceEpoch()));
            QVERIFY(!m.value(QStringLiteral("date")).toString().isEmpty());
            // On the wire: 7-bit, CRLF only.
            const QByteArray raw = QByteArray::fromBase64(m.value(QStringLiteral("raw_base64")).toString().toLatin1());
            QCOMPARE(raw.count('\n'), raw.count("\r\n"));
            QVERIFY(std::all_of(raw.begin(), raw.end(), [](char c) { return uchar(c) < 0x80; }));
            QCOMPARE(row.attempts, 0);
            QVERIFY(row.sentAt.isValid());
        }
        QStringList to;
        for (const OutboxRow &row : rows)
            to << row.to;
        to.sort();
        QCOMPARE(to, (QStringList{QStringLiteral("admin@joxai.com"), QStringLiteral("sue@bank.example")}));
    }

    void assignmentsReachTheAgent()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port)));
        const QString conversation = escalateFrenchCustomer(b);
        QVERIFY(sink.waitForMessages(2));
        QCOMPARE(b.http->post(QStringLiteral("/api/v1/conversations/%1/assign").arg(conversation),
                              {{QStringLiteral("user_id"), b.aliceId}}, b.sue).status, 200);
        QVERIFY(sink.waitForMessages(3));
        QJsonObject mail = messageTo(sink.messages(), QStringLiteral("alice@bank.example"));
        QCOMPARE(mail.value(QStringLiteral("subject")).toString(), QStringLiteral("[JoxAI] A conversation was assigned to you"));
        QVERIFY(mail.value(QStringLiteral("text")).toString().contains(QStringLiteral("with Hélène Dubois")));
        QVERIFY(mail.value(QStringLiteral("text")).toString().contains(conversation));

        // A ticket given to her by a supervisor: a second mail; taking one herself sends none.
        const HttpResult ticket = b.http->post(QStringLiteral("/api/v1/tickets"),
                                               {{QStringLiteral("subject"), QStringLiteral("Carte bloquée à Lyon")},
                                                {QStringLiteral("priority"), QStringLiteral("high")}},
                                               b.sue);
        QCOMPARE(ticket.status, 201);
        const qint64 ticketId = ticket.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(b.http->patch(QStringLiteral("/api/v1/tickets/%1").arg(ticketId),
                               {{QStringLiteral("assigned_to"), b.aliceId}}, b.sue).status, 200);
        QVERIFY(sink.waitForMessages(4));
        const QList<QJsonObject> all = sink.messages();
        const QJsonObject ticketMail = all.last();
        QCOMPARE(ticketMail.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{QStringLiteral("alice@bank.example")});
        QCOMPARE(ticketMail.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("[JoxAI] Ticket #%1 was assigned to you: Carte bloquée à Lyon").arg(ticketId));
        QVERIFY(ticketMail.value(QStringLiteral("text")).toString().contains(QStringLiteral("Priority: high")));

        const HttpResult own = b.http->post(QStringLiteral("/api/v1/tickets"),
                                            {{QStringLiteral("subject"), QStringLiteral("Mine")}}, b.alice);
        QCOMPARE(own.status, 201);
        QCOMPARE(b.http->patch(QStringLiteral("/api/v1/tickets/%1").arg(own.json().value(QStringLiteral("id")).toInteger()),
                               {{QStringLiteral("assigned_to"), b.aliceId}}, b.alice).status, 200);
        QTest::qWait(1500); // two polls
        QCOMPARE(outbox(*b.server).size(), 4);
        QCOMPARE(sink.messages().size(), 4);
    }

    void transcriptOnCloseReachesTheCustomerInTheirLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("introduction");
        QTest::addColumn<QStringList>("labels"); // customer, assistant, system
        const QString fr = QStringLiteral("Votre échange avec le service client JoxAI");
        const QString frIntro = QStringLiteral("Voici la transcription de votre échange avec le service client JoxAI");
        const QStringList frLabels{QStringLiteral("Vous"), QStringLiteral("Assistant IA"), QStringLiteral("Information")};
        const QString en = QStringLiteral("Your conversation with JoxAI Support");
        const QString enIntro = QStringLiteral("Here is the transcript of your conversation with JoxAI Support");
        const QStringList enLabels{QStringLiteral("You"), QStringLiteral("AI assistant"), QStringLiteral("Notice")};
        const QString frQuestion = QStringLiteral("Où se trouve l'agence la plus proche ? Merci d'avance");
        const QString enQuestion = QStringLiteral("Where is the nearest branch? Thanks");
        QTest::newRow("fr") << QStringLiteral("fr") << frQuestion << fr << frIntro << frLabels;
        QTest::newRow("fr-CA") << QStringLiteral("fr-CA") << frQuestion << fr << frIntro << frLabels;
        QTest::newRow("en") << QStringLiteral("en") << enQuestion << en << enIntro << enLabels;
        QTest::newRow("de falls back to English") << QStringLiteral("de") << enQuestion << en << enIntro << enLabels;
    }

    void transcriptOnCloseReachesTheCustomerInTheirLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, question);
        QFETCH(QString, subject);
        QFETCH(QString, introduction);
        QFETCH(QStringList, labels);
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port));
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port)));
        ChatCustomer customer(*b.http);
        QCOMPARE(customer.start(language, {{QStringLiteral("customer_email"), QStringLiteral("helene@example.fr")}}).status,
                 201);
        QCOMPARE(customer.say(question).status, 200);
        QCOMPARE(customer.close({{QStringLiteral("send_transcript"), true}}).status, 200);
        QVERIFY(sink.waitForMessages(1));
        const QJsonObject m = sink.messages().first();
        QCOMPARE(m.value(QStringLiteral("rcpt_tos")).toArray(), QJsonArray{QStringLiteral("helene@example.fr")});
        // Decoded by Python's e-mail package: the RFC 2047 words give back the accents exactly.
        QCOMPARE(m.value(QStringLiteral("subject")).toString(), subject);

        // On the wire the Subject header is 7-bit: encoded-words when it has accents, as is otherwise.
        const QByteArray raw = QByteArray::fromBase64(m.value(QStringLiteral("raw_base64")).toString().toLatin1());
        const qsizetype at = raw.indexOf("\r\nSubject: ");
        QVERIFY(at >= 0);
        QByteArray header = raw.mid(at + 2);
        header.truncate(header.indexOf("\r\nMessage-ID:"));
        for (char c : header)
            QVERIFY2(uchar(c) < 0x80, header.constData());
        QCOMPARE(header.contains("=?UTF-8?B?"), subject.contains(QChar(0xe9)));

        const QString text = m.value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(introduction), qPrintable(text));
        QVERIFY2(text.contains(labels.at(0) + QStringLiteral(": ") + question), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Z ") + labels.at(1) + QStringLiteral(": ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Z ") + labels.at(2) + QStringLiteral(": ")), qPrintable(text));
        for (const QString &internalName : {QStringLiteral("Z customer: "), QStringLiteral("Z assistant: "),
                                            QStringLiteral("Z system: ")})
            QVERIFY2(!text.contains(internalName), qPrintable(text)); // no internal sender names
        QVERIFY(waitForOutbox(*b.server, [](const OutboxRow &r) { return r.status == QLatin1String("sent"); }, 1));
        QCOMPARE(normalised(text), normalised(outbox(*b.server).first().body));
    }

    void anOutageLosesNothingAndRepeatsNothing()
    {
        const quint16 port = SmtpSinkProcess::freePort(); // nobody listens here yet
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port, [](Config &c) { c.mailPollSeconds = 1; }))); // retries come from polls
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());
        // Four mails (two escalations, two supervisors each); each is tried, fails and waits.
        QVERIFY(waitForOutbox(*b.server, [](const OutboxRow &r) { return r.attempts >= 1; }, 4));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<OutboxRow> failed = outbox(*b.server);
        QCOMPARE(failed.size(), 4);
        bool someWaitAhead = false;
        for (const OutboxRow &r : failed) {
            QCOMPARE(r.status, QStringLiteral("pending"));
            QVERIFY2(r.lastError.contains(QStringLiteral("connect"), Qt::CaseInsensitive), qPrintable(r.lastError));
            QVERIFY(r.nextAttemptAt > r.createdAt.addMSecs(1500)); // at least the first back-off (2 s)
            QVERIFY(!r.sentAt.isValid());
            someWaitAhead = someWaitAhead || r.nextAttemptAt > now;
        }
        QVERIFY(someWaitAhead);

        // SMTP comes back: every mail arrives, once.
        SmtpSinkProcess sink;
        QVERIFY(sink.start(port));
        QVERIFY(waitForOutbox(*b.server, [](const OutboxRow &r) { return r.status == QLatin1String("sent"); }, 4, 60000));
        QTest::qWait(2500); // a few more polls: nothing is sent again
        const QList<QJsonObject> got = sink.messages();
        QCOMPARE(got.size(), 4);
        QSet<QString> ids;
        for (const QJsonObject &m : got)
            ids.insert(m.value(QStringLiteral("message_id")).toString());
        QSet<QString> expected;
        for (const OutboxRow &r : outbox(*b.server)) {
            expected.insert(QStringLiteral("<joxai.outbox.%1.%2@bank.example>").arg(r.id).arg(r.createdAt.toMSecsSinceEpoch()));
            QVERIFY(r.attempts >= 1);
            QVERIFY(r.lastError.isEmpty());
        }
        QCOMPARE(ids, expected);
    }

    void withoutSmtpTheOutboxIsKept()
    {
        Branch b;
        QVERIFY(openBranch(b, {}));
        QVERIFY(!b.server->runtime().mailDispatcher());
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());
        QTest::qWait(1500);
        const QList<OutboxRow> rows = outbox(*b.server);
        QCOMPARE(rows.size(), 2);
        for (const OutboxRow &r : rows) {
            QCOMPARE(r.status, QStringLiteral("pending"));
            QCOMPARE(r.attempts, 0);
            QVERIFY(r.lastError.isEmpty());
        }
    }

    void authUsesTheConfiguredLogin()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port, QStringLiteral("mailer"), QStringLiteral("S3cret pass!")));
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port, [](Config &c) {
            c.smtpUser = QStringLiteral("mailer");
            c.smtpPassword = QStringLiteral("S3cret pass!");
        })));
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());
        QVERIFY(sink.waitForMessages(2));
        for (const QJsonObject &m : sink.messages())
            QCOMPARE(m.value(QStringLiteral("login")).toString(), QStringLiteral("mailer"));
    }

    void aWrongPasswordDeliversNothing()
    {
        SmtpSinkProcess sink;
        const quint16 port = SmtpSinkProcess::freePort();
        QVERIFY(sink.start(port, QStringLiteral("mailer"), QStringLiteral("right")));
        Branch b;
        QVERIFY(openBranch(b, smtpOn(port, [](Config &c) {
            c.mailPollSeconds = 1;
            c.smtpUser = QStringLiteral("mailer");
            c.smtpPassword = QStringLiteral("wrong");
            c.smtpTimeoutSeconds = 3;
        })));
        QVERIFY(!escalateFrenchCustomer(b).isEmpty());
        QVERIFY(waitForOutbox(*b.server, [](const OutboxRow &r) { return r.attempts >= 1; }, 2));
        for (const OutboxRow &r : outbox(*b.server)) {
            QCOMPARE(r.status, QStringLiteral("pending"));
            QVERIFY(!r.lastError.isEmpty());
            QVERIFY2(!r.lastError.contains(QStringLiteral("wrong")), qPrintable(r.lastError)); // no password in it
        }
        QCOMPARE(sink.messages().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMail)
#include "tst_mail.moc"
