#include "server/auth/totp.h"

#include "server/auth/cryptoutil.h"

#include <QUrl>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <climits>

namespace joxai {

namespace {

constexpr qint64 StepSeconds = 30;
constexpr int SecretBytes = 20; // RFC 4226 §4 recommends 160 bits, the size of an HMAC-SHA1 key
constexpr int DefaultDigits = 6;
constexpr int MaxWindow = 10;
constexpr char Base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QByteArray hmacSha1(const QByteArray &key, const QByteArray &data)
{
    if (key.size() > INT_MAX)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha1(), key.constData(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
              digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

// RFC 4226 HOTP with dynamic truncation; empty on failure.
QString hotp(const QByteArray &secret, quint64 counter, int digits)
{
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[i] = char(counter & 0xff);
        counter >>= 8;
    }
    const QByteArray mac = hmacSha1(secret, message);
    if (mac.size() != 20)
        return {};
    const int offset = mac[19] & 0x0f;
    const quint32 binary = (quint32(quint8(mac[offset]) & 0x7f) << 24)
        | (quint32(quint8(mac[offset + 1])) << 16) | (quint32(quint8(mac[offset + 2])) << 8)
        | quint32(quint8(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

qint64 stepAt(const QDateTime &at)
{
    const qint64 seconds = at.toSecsSinceEpoch();
    // Floor division, so instants before 1970 (never expected) still map to one step each.
    return seconds >= 0 ? seconds / StepSeconds : -((-seconds + StepSeconds - 1) / StepSeconds);
}

QByteArray percentEncoded(const QString &text)
{
    // Everything but RFC 3986 unreserved characters is escaped, ':' and '@' included, so neither
    // the label separator nor the query can be forged through an account or issuer name.
    return QUrl::toPercentEncoding(text);
}

} // namespace

QByteArray Totp::generateSecret()
{
    return crypto::randomBytes(SecretBytes);
}

QString Totp::toBase32(const QByteArray &bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(Base32Alphabet[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(Base32Alphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

QByteArray Totp::fromBase32(const QString &text)
{
    // Authenticator apps show secrets in groups and sometimes lower case: spaces and '-' are
    // ignored, case is folded, trailing '=' padding is allowed.
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    int symbols = 0;
    bool padding = false;
    for (const QChar c : text) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        if (c == QLatin1Char('=')) {
            padding = true;
            continue;
        }
        if (padding)
            return {}; // data after padding
        int value = -1;
        const char16_t u = c.unicode();
        if (u >= u'A' && u <= u'Z')
            value = u - u'A';
        else if (u >= u'a' && u <= u'z')
            value = u - u'a';
        else if (u >= u'2' && u <= u'7')
            value = u - u'2' + 26;
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        ++symbols;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    // RFC 4648 §6: a final quantum has 2, 4, 5 or 7 symbols; 1, 3 or 6 cannot come from bytes.
    const int rest = symbols % 8;
    if (rest == 1 || rest == 3 || rest == 6)
        return {};
    return out;
}

QString Totp::code(const QByteArray &secret, const QDateTime &at, int digits)
{
    if (secret.isEmpty() || digits < 6 || digits > 9 || !at.isValid())
        return {};
    return hotp(secret, quint64(stepAt(at)), digits);
}

bool Totp::verify(const QByteArray &secret, const QString &code, const QDateTime &now, int window)
{
    return matchingStep(secret, code, now, window).has_value();
}

std::optional<qint64> Totp::matchingStep(const QByteArray &secret, const QString &code, const QDateTime &now,
                                         int window)
{
    const QString given = code.trimmed();
    if (secret.isEmpty() || !now.isValid() || given.size() != DefaultDigits)
        return std::nullopt;
    for (const QChar c : given) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    window = qBound(0, window, MaxWindow);
    const QByteArray givenBytes = given.toLatin1();
    const qint64 step = stepAt(now);
    std::optional<qint64> matched;
    // Every step of the window is computed and compared, so the time taken does not say which
    // step (if any) matched.
    for (qint64 s = step - window; s <= step + window; ++s) {
        const QByteArray expected = hotp(secret, quint64(s), DefaultDigits).toLatin1();
        if (crypto::constantTimeEquals(expected, givenBytes))
            matched = s;
    }
    return matched;
}

QString Totp::otpauthUri(const QByteArray &secret, const QString &account, const QString &issuer)
{
    const QByteArray issuerEncoded = percentEncoded(issuer);
    const QByteArray uri = QByteArrayLiteral("otpauth://totp/") + issuerEncoded + ':'
        + percentEncoded(account) + QByteArrayLiteral("?secret=") + toBase32(secret).toLatin1()
        + QByteArrayLiteral("&issuer=") + issuerEncoded
        + QByteArrayLiteral("&algorithm=SHA1&digits=6&period=30");
    return QString::fromLatin1(uri);
}

} // namespace joxai
