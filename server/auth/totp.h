#pragma once
// TOTP (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) for staff two-factor sign-in.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace joxai {

class Totp final
{
public:
    static QByteArray generateSecret();                 // 20 random bytes
    static QString toBase32(const QByteArray &bytes);   // RFC 4648, no padding
    static QByteArray fromBase32(const QString &text);  // empty on bad input
    static QString code(const QByteArray &secret, const QDateTime &at, int digits = 6);
    // Accepts the current step and `window` steps either side.
    static bool verify(const QByteArray &secret, const QString &code,
                       const QDateTime &now = QDateTime::currentDateTimeUtc(), int window = 1);
    // The same check, answering which 30-second step the code belongs to, so a caller can refuse
    // a code that was used already (RFC 6238 §5.2).
    static std::optional<qint64> matchingStep(const QByteArray &secret, const QString &code,
                                              const QDateTime &now = QDateTime::currentDateTimeUtc(),
                                              int window = 1);
    static QString otpauthUri(const QByteArray &secret, const QString &account,
                              const QString &issuer);
};

} // namespace joxai
