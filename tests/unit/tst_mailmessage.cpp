// The e-mail as it goes on the wire (server/mail/mailmessage.h): headers, RFC 2047 subjects,
// quoted-printable UTF-8 bodies, CRLF and line lengths, checked by decoding with Python's own
// e-mail package (Debian's /usr/bin/python3), an implementation independent of ours; and the
// retry schedule of the dispatcher.

#include "server/mail/maildispatcher.h"
#include "server/mail/mailmessage.h"
#include "tests/support/systempython.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace joxai;

namespace {

const char *kDecode = R"(
import email, email.policy, json, sys
raw = sys.stdin.buffer.read()
m = email.message_from_bytes(raw, policy=email.policy.default)
print(json.dumps({"subject": str(m["Subject"]), "from": str(m["From"]), "to": str(m["To"]),
                  "date": str(m["Date"]), "message_id": str(m["Message-ID"]),
                  "charset": m.get_content_charset(), "text": m.get_content(),
                  "defects": len(m.defects) + sum(len(m[h].defects) for h in m.keys())}))
)";

QJsonObject decodeWithPython(const QByteArray &bytes)
{
    QByteArray out;
    if (!test::runSystemPython(QString::fromLatin1(kDecode), {}, bytes, &out))
        return {};
    return QJsonDocument::fromJson(out).object();
}

MailMessage sample()
{
    MailMessage m;
    m.fromAddress = QStringLiteral("support@bank.example");
    m.fromName = QStringLiteral("JoxAI Support");
    m.to = QStringLiteral("sue@bank.example");
    m.subject = QStringLiteral("[JoxAI] Escalation: Lost card");
    m.body = QStringLiteral("Hello,\nA conversation is waiting.\n");
    m.date = QDateTime(QDate(2026, 11, 25), QTime(23, 55, 19), QTimeZone::utc());
    m.messageId = MailMessage::outboxMessageId(42, m.date, m.fromAddress);
    return m;
}

} // namespace

class TestMailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheHeadersOfAPlainTextMail()
    {
        const QByteArray bytes = sample().toBytes();
        const qsizetype split = bytes.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QList<QByteArray> headers = bytes.left(split).split('\n');
        QCOMPARE(headers.value(0), QByteArray("Date: Wed, 25 Nov 2026 23:55:19 +0000\r"));
        QCOMPARE(headers.value(1), QByteArray("From: \"JoxAI Support\" <support@bank.example>\r"));
        QCOMPARE(headers.value(2), QByteArray("To: sue@bank.example\r"));
        QCOMPARE(headers.value(3), QByteArray("Subject: [JoxAI] Escalation: Lost card\r"));
        QCOMPARE(headers.value(4), QByteArray("Message-ID: <joxai.outbox.42.1795650919000@bank.example>\r"));
        QVERIFY(bytes.contains("\r\nMIME-Version: 1.0\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
        QVERIFY(bytes.endsWith("\r\n\r\nHello,\r\nA conversation is waiting.\r\n"));

        const QJsonObject decoded = decodeWithPython(bytes);
        QCOMPARE(decoded.value(QStringLiteral("defects")).toInt(-1), 0);
        QCOMPARE(decoded.value(QStringLiteral("subject")).toString(), sample().subject);
        QCOMPARE(decoded.value(QStringLiteral("from")).toString(), QStringLiteral("JoxAI Support <support@bank.example>"));
    }

    void everyLineEndsInCrlfAndStaysShort()
    {
        MailMessage m = sample();
        m.subject = QStringLiteral("Réclamation urgente : carte bloquée à l'étranger, retrait refusé au distributeur de la gare 🚆 — Hélène");
        m.fromName = QStringLiteral("Banque Épargne — Service client");
        m.body = QStringLiteral("Première ligne\r\nDeuxième ligne\rTroisième ligne\n")
                 + QString(300, QLatin1Char('x')) + QStringLiteral("\nfin");
        const QByteArray bytes = m.toBytes();
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QByteArray> lines = bytes.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QVERIFY2(lines.at(i).endsWith('\r'), lines.at(i).constData());
            QVERIFY2(lines.at(i).count('\r') == 1, lines.at(i).constData());
            QVERIFY2(lines.at(i).size() - 1 <= 78, lines.at(i).constData());
            for (char c : lines.at(i))
                QVERIFY2(uchar(c) < 0x80, "8-bit byte on the wire");
        }
    }

    void encodesNonAsciiSubjectsAndNamesSoTheyDecodeExactly()
    {
        MailMessage m = sample();
        m.subject = QStringLiteral("Réclamation urgente : carte bloquée à l'étranger, retrait refusé au distributeur de la gare 🚆 — Hélène");
        m.fromName = QStringLiteral("Banque Épargne — Service client");
        const QByteArray bytes = m.toBytes();
        QVERIFY(bytes.contains("Subject: =?UTF-8?B?"));
        const QJsonObject decoded = decodeWithPython(bytes);
        QCOMPARE(decoded.value(QStringLiteral("defects")).toInt(-1), 0);
        QCOMPARE(decoded.value(QStringLiteral("subject")).toString(), m.subject);
        QCOMPARE(decoded.value(QStringLiteral("from")).toString(),
                 QStringLiteral("Banque Épargne — Service client <support@bank.example>"));
    }

    void bodyIsUtf8QuotedPrintableAndDecodesExactly()
    {
        MailMessage m = sample();
        // Accents, '=' signs, trailing blanks, a lone dot (curl stuffs it on the wire), a long line.
        m.body = QStringLiteral("Bonjour Hélène,\nVotre carte a été bloquée = sécurité.   \n.\n\tTab final\t\n")
                 + QStringLiteral("Très long : ") + QString(200, QChar(u'é')) + QStringLiteral("\nMerci 🙂");
        const QByteArray bytes = m.toBytes();
        QVERIFY(bytes.contains("Bonjour H=C3=A9l=C3=A8ne,\r\n"));
        QVERIFY(bytes.contains("s=C3=A9curit=C3=A9.  =20\r\n"));
        QVERIFY(bytes.contains("\r\n.\r\n"));
        const QJsonObject decoded = decodeWithPython(bytes);
        QCOMPARE(decoded.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QString text = decoded.value(QStringLiteral("text")).toString();
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(text, m.body + QLatin1Char('\n'));
    }

    void headerValuesCannotStartNewHeaders()
    {
        MailMessage m = sample();
        m.subject = QStringLiteral("Hello\r\nBcc: everyone@bank.example\nX-Evil: 1");
        m.fromName = QStringLiteral("Support\r\nBcc: x@y.example");
        const QByteArray headers = m.toBytes().split('\n').mid(0, 12).join('\n');
        QVERIFY(!headers.contains("\nBcc:"));
        QVERIFY(!headers.contains("\nX-Evil:"));
        const QJsonObject decoded = decodeWithPython(m.toBytes());
        QCOMPARE(decoded.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Hello Bcc: everyone@bank.example X-Evil: 1"));
    }

    void acceptsOnlyPlainAddresses()
    {
        QVERIFY(MailMessage::isDeliverableAddress(QStringLiteral("sue@bank.example")));
        QVERIFY(MailMessage::isDeliverableAddress(QStringLiteral("first.last+tag@sub.bank.example")));
        const QStringList bad = {QString(), QStringLiteral("sue"), QStringLiteral("sue@"), QStringLiteral("@bank.example"),
                                 QStringLiteral("a@b@c"), QStringLiteral("sue @bank.example"),
                                 QStringLiteral("sue@bank.example\r\nRCPT TO:<x@y>"), QStringLiteral("<sue@bank.example>"),
                                 QStringLiteral("a,b@bank.example"), QStringLiteral("hélène@bank.example"),
                                 QStringLiteral("sue@bank..example"), QStringLiteral("sue@.bank.example")};
        for (const QString &address : bad)
            QVERIFY2(!MailMessage::isDeliverableAddress(address), qPrintable(address));
    }

    void messageIdIsTheSameForEveryRetryOfARow()
    {
        const QDateTime created = QDateTime::fromMSecsSinceEpoch(1795737319123, QTimeZone::utc());
        const QString a = MailMessage::outboxMessageId(7, created, QStringLiteral("support@bank.example"));
        QCOMPARE(a, MailMessage::outboxMessageId(7, created, QStringLiteral("support@bank.example")));
        QCOMPARE(a, QStringLiteral("joxai.outbox.7.1795737319123@bank.example"));
        QVERIFY(a != MailMessage::outboxMessageId(8, created, QStringLiteral("support@bank.example")));
    }

    void backOffDoublesUpToTheCap()
    {
        QList<int> waits;
        for (int n = 1; n <= 10; ++n)
            waits << MailDispatcher::backoffSeconds(n, 30, 3600);
        QCOMPARE(waits, (QList<int>{30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600}));
        QCOMPARE(MailDispatcher::backoffSeconds(1000, 30, 3600), 3600); // no overflow
        QCOMPARE(MailDispatcher::backoffSeconds(3, 1, 3600), 4);
    }
};

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
