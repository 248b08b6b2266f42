#include "server/auth/identitytoken.h"

#include "server/auth/cryptoutil.h"
#include "server/auth/numericdate.h"

namespace joxai {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalid(const QString &why)
{
    return Error::make(ErrorKind::Unauthorized, QStringLiteral("invalid_identity_token"), why);
}

} // namespace

IdentityToken::IdentityToken(QByteArray secret) : m_secret(std::move(secret)) {}

QString IdentityToken::issue(const QString &customerRef, const QDateTime &expiresAt) const
{
    const QByteArray signedPart = customerRef.toUtf8().toBase64(kBase64Url) + '.'
                                  + QByteArray::number(expiresAt.toSecsSinceEpoch());
    return QString::fromLatin1(signedPart + '.' + crypto::hmacSha256(m_secret, signedPart).toBase64(kBase64Url));
}

Result<VerifiedIdentity> IdentityToken::verify(const QString &token, const QDateTime &now) const
{
    if (m_secret.isEmpty())
        return invalid(QStringLiteral("This server does not accept identity tokens (no WIDGET_IDENTITY_SECRET)."));
    if (token.size() > kMaxTokenLength)
        return invalid(QStringLiteral("The identity token is malformed."));
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return invalid(QStringLiteral("The identity token is malformed."));
    const QByteArray signedPart = parts[0] + '.' + parts[1];
    // Compared as the canonical encoding (padding optional): decoding first let other spellings
    // of the same bytes through, e.g. a last character differing only in its unused bits.
    QByteArray signature = parts[2];
    while (signature.endsWith('='))
        signature.chop(1);
    if (!crypto::constantTimeEquals(signature, crypto::hmacSha256(m_secret, signedPart).toBase64(kBase64Url)))
        return invalid(QStringLiteral("The identity token's signature does not match."));
    bool ok = false;
    const qint64 expiry = parts[1].toLongLong(&ok);
    if (!ok || !isPlausibleNumericDate(expiry))
        return invalid(QStringLiteral("The identity token is malformed."));
    if (expiry <= now.toSecsSinceEpoch())
        return invalid(QStringLiteral("The identity token has expired."));
    const auto ref = QByteArray::fromBase64Encoding(parts[0], QByteArray::Base64UrlEncoding
                                                                 | QByteArray::AbortOnBase64DecodingErrors);
    const QString customerRef = ref ? QString::fromUtf8(*ref).trimmed() : QString();
    if (customerRef.isEmpty() || customerRef.size() > 200)
        return invalid(QStringLiteral("The identity token names no customer."));
    return VerifiedIdentity{customerRef, QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC)};
}

} // namespace joxai
