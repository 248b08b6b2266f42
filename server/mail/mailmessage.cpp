#include "server/mail/mailmessage.h"

#include <QLocale>
#include <QTimeZone>

namespace joxai {

namespace {

constexpr int kMaxLine = 78;       // RFC 5322's recommended limit (998 is the hard one)
constexpr int kQpLine = 76;        // RFC 2045's limit for quoted-printable lines
constexpr int kWordBytes = 39;     // UTF-8 bytes per encoded-word: 52 base64 chars + 12 = 64, so even
                                   // after "Subject: " a line stays within 76

QByteArray crlf()
{
    return QByteArrayLiteral("\r\n");
}

bool isPrintableAscii(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// Line breaks and other controls in a header value become spaces: nothing can start a new header.
QString headerSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f) ? QChar(u' ') : c;
    return out.simplified();
}

QByteArray hexByte(uchar b)
{
    static const char digits[] = "0123456789ABCDEF";
    QByteArray out("=");
    out += digits[b >> 4];
    out += digits[b & 0x0f];
    return out;
}

QByteArray qpLine(const QByteArray &line)
{
    QByteArray out;
    int column = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const uchar b = uchar(line.at(i));
        const bool last = i == line.size() - 1;
        QByteArray token;
        if ((b == ' ' || b == '\t') && !last)
            token = QByteArray(1, char(b));       // trailing white space must be encoded (it would be stripped)
        else if (b >= 33 && b <= 126 && b != '=')
            token = QByteArray(1, char(b));
        else
            token = hexByte(b);
        // Keep room for the soft line break's '=' so no line passes 76 characters.
        if (column + token.size() > kQpLine - 1) {
            out += '=';
            out += crlf();
            column = 0;
        }
        out += token;
        column += int(token.size());
    }
    return out;
}

} // namespace

QByteArray MailMessage::rfc5322Date(const QDateTime &t)
{
    // Day and month names must be English whatever the locale; the time is given in UTC.
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
           + QByteArrayLiteral(" +0000");
}

QByteArray MailMessage::encodeHeaderText(const QString &text, int used)
{
    const QString clean = headerSafe(text);
    if (isPrintableAscii(clean) && used + clean.size() <= kMaxLine)
        return clean.toLatin1();
    QList<QByteArray> words;
    QByteArray chunk;
    for (char32_t cp : clean.toUcs4()) {
        const QByteArray bytes = QString::fromUcs4(&cp, 1).toUtf8();
        if (chunk.size() + bytes.size() > kWordBytes) {
            words << chunk;
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words << chunk;
    QByteArray out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0)
            out += crlf() + ' ';      // folding white space between encoded-words is ignored by readers
        out += QByteArrayLiteral("=?UTF-8?B?") + words.at(i).toBase64() + QByteArrayLiteral("?=");
    }
    return out;
}

QByteArray MailMessage::quotedPrintable(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (normalised.endsWith(QLatin1Char('\n')))
        normalised.chop(1); // the last line gets its CRLF below anyway
    const QStringList lines = normalised.split(QLatin1Char('\n'));
    QByteArray out;
    for (const QString &line : lines)
        out += qpLine(line.toUtf8()) + crlf();
    return out;
}

QString MailMessage::outboxMessageId(qint64 outboxId, const QDateTime &createdAt, const QString &fromAddress)
{
    QString domain = fromAddress.section(QLatin1Char('@'), 1);
    if (!isDeliverableAddress(fromAddress))
        domain = QStringLiteral("joxai.local");
    return QStringLiteral("joxai.outbox.%1.%2@%3").arg(outboxId).arg(createdAt.toMSecsSinceEpoch()).arg(domain);
}

bool MailMessage::isDeliverableAddress(const QString &address)
{
    if (address.isEmpty() || address.size() > 254 || address.count(QLatin1Char('@')) != 1)
        return false;
    static const QString forbidden = QStringLiteral("<>()[]\\,;:\" ");
    for (QChar c : address)
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || forbidden.contains(c))
            return false;
    const QString local = address.section(QLatin1Char('@'), 0, 0);
    const QString domain = address.section(QLatin1Char('@'), 1);
    return !local.isEmpty() && local.size() <= 64 && !domain.isEmpty() && !domain.startsWith(QLatin1Char('.'))
           && !domain.endsWith(QLatin1Char('.')) && !domain.contains(QStringLiteral(".."));
}

QByteArray MailMessage::toBytes() const
{
    QByteArray from;
    const QString name = headerSafe(fromName);
    if (name.isEmpty()) {
        from = fromAddress.toLatin1();
    } else if (isPrintableAscii(name)) {
        QString quoted = name;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        from = '"' + quoted.toLatin1() + QByteArrayLiteral("\" <") + fromAddress.toLatin1() + '>';
    } else {
        // Folded before the address, so the line with the last encoded-word stays short.
        from = encodeHeaderText(name, kMaxLine) + crlf() + QByteArrayLiteral(" <") + fromAddress.toLatin1() + '>';
    }
    QByteArray out;
    out += QByteArrayLiteral("Date: ") + rfc5322Date(date) + crlf();
    out += QByteArrayLiteral("From: ") + from + crlf();
    out += QByteArrayLiteral("To: ") + to.toLatin1() + crlf();
    out += QByteArrayLiteral("Subject: ") + encodeHeaderText(subject, 9) + crlf();
    out += QByteArrayLiteral("Message-ID: <") + messageId.toLatin1() + '>' + crlf();
    out += QByteArrayLiteral("MIME-Version: 1.0") + crlf();
    out += QByteArrayLiteral("Content-Type: text/plain; charset=UTF-8") + crlf();
    out += QByteArrayLiteral("Content-Transfer-Encoding: quoted-printable") + crlf();
    // RFC 3834: machine-sent, so auto-responders do not answer it.
    out += QByteArrayLiteral("Auto-Submitted: auto-generated") + crlf();
    out += crlf();
    out += quotedPrintable(body);
    return out;
}

} // namespace joxai
