#pragma once
// One plain-text e-mail as RFC 5322 bytes, ready for SMTP DATA: Date, Message-ID, From, To and
// Subject headers (non-ASCII words as RFC 2047 encoded-words), MIME 1.0 with a UTF-8 body in
// quoted-printable, every line ending in CRLF and none longer than 78 characters. Dot-stuffing
// is not done here: libcurl does it while it sends.

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace joxai {

struct MailMessage
{
    QString fromAddress;
    QString fromName;        // may be empty
    QString to;
    QString subject;
    QString body;
    QDateTime date;
    QString messageId;       // without the angle brackets

    QByteArray toBytes() const;

    // A Message-ID that stays the same over every retry of one outbox row, so a receiver can
    // tell a repeat (after a crash between the server's 250 and our "sent") from a new mail.
    static QString outboxMessageId(qint64 outboxId, const QDateTime &createdAt, const QString &fromAddress);
    // A plain addr-spec we can hand to SMTP: ASCII, one '@', no spaces, brackets, quotes,
    // commas or control characters (so nothing can be smuggled into a header or a command).
    static bool isDeliverableAddress(const QString &address);

    // The pieces, public for the unit test.
    static QByteArray rfc5322Date(const QDateTime &t);
    // An unstructured header value after "Name: ": as is when short printable ASCII, otherwise
    // "=?UTF-8?B?…?=" words of at most 75 characters, folded with CRLF + space, never splitting
    // a character. `used` is how much of the first line the header name already takes.
    static QByteArray encodeHeaderText(const QString &text, int used);
    static QByteArray quotedPrintable(const QString &text);
};

} // namespace joxai
