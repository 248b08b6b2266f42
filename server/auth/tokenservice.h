#pragma once
// JWT HS256 (RFC 7519) for staff sessions. Only HS256 is accepted; the signature is compared in
// constant time; exp is required and checked.

#include "server/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace joxai {

struct TokenClaims
{
    qint64 userId = 0;        // "sub" (a decimal string in the token)
    QString role;             // "role"
    qint64 tokenVersion = 0;  // "tv"
    QDateTime issuedAt;       // "iat", UTC
    QDateTime expiresAt;      // "exp", UTC
};

class TokenService final
{
public:
    TokenService(QByteArray secret, qint64 lifetimeSeconds);

    QString issue(qint64 userId, const QString &role, qint64 tokenVersion,
                  const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // 401-kind errors with codes: "invalid_token" (malformed, bad signature, wrong alg) and
    // "token_expired".
    Result<TokenClaims> verify(const QByteArray &token,
                               const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    qint64 lifetimeSeconds() const { return m_lifetimeSeconds; }

private:
    QByteArray m_secret;
    qint64 m_lifetimeSeconds;
};

} // namespace joxai
