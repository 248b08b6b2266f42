#pragma once
// The widget's identity_token: the bank's online banking vouches for a signed-in customer.
// Format: base64url(customer_ref) "." expiry (Unix seconds) "." base64url(HMAC-SHA256(secret,
// "<base64url ref>.<expiry>")). The secret is WIDGET_IDENTITY_SECRET, shared with the bank's
// site; without one configured, every identity token is refused.

#include "server/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace joxai {

struct VerifiedIdentity
{
    QString customerRef;
    QDateTime expiresAt;
};

class IdentityToken final
{
public:
    explicit IdentityToken(QByteArray secret);

    // 401 invalid_identity_token for a forged, malformed or expired token (and when no secret is set).
    Result<VerifiedIdentity> verify(const QString &token, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // What the bank's site does; used by tests and the demo page's documentation.
    QString issue(const QString &customerRef, const QDateTime &expiresAt) const;

    static constexpr int kMaxTokenLength = 2048;

private:
    QByteArray m_secret;
};

} // namespace joxai
