#pragma once
// Staff sign-in and session rules: login with lockout and two-factor, who a token belongs to
// (checked against the account on every request, so revocation is immediate), logout,
// password changes, TOTP enrolment. Every call runs on a worker thread with a SqlSession;
// those that hash passwords belong on the bcrypt pool.

#include "server/auth/passwordhasher.h"
#include "server/core/roles.h"
#include "server/auth/secretbox.h"
#include "server/auth/tokenservice.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"
#include "server/storage/userstore.h"

namespace joxai {

struct AuthPolicy
{
    int maxFailures = 5;
    int lockoutMinutes = 15;
    int minPasswordLength = 10;
};

struct LoginResult
{
    QString token;
    QDateTime expiresAt;
    User user;
};

struct TotpSetup
{
    QString secret; // base32
    QString otpauthUri;
};

class AuthService final
{
public:
    AuthService(const TokenService &tokens, const PasswordHasher &hasher, const SecretBox &box, AuthPolicy policy);

    Result<LoginResult> login(SqlSession &s, const QString &email, const QString &password,
                              const QString &otp, const QString &clientAddress) const;
    // The caller of a verified token: the account must exist, be active and still carry the
    // token's version. `gate` says which pending account steps the route skips.
    Result<Principal> principal(SqlSession &s, const TokenClaims &claims, const QString &clientAddress,
                                Gate gate) const;
    Result<User> me(SqlSession &s, const Principal &who) const;
    Status logout(SqlSession &s, const Principal &who) const;
    Status changePassword(SqlSession &s, const Principal &who, const QString &current,
                          const QString &replacement) const;
    Result<TotpSetup> setupTotp(SqlSession &s, const Principal &who) const;
    Status enableTotp(SqlSession &s, const Principal &who, const QString &otp) const;
    Status disableTotp(SqlSession &s, const Principal &who, const QString &otp) const;

    // First start: creates the admin account (must change its password) when there are no users.
    Result<bool> seedFirstAdmin(SqlSession &s, const QString &email, const QString &password) const;

    // Problems with a proposed password, or empty when it is acceptable.
    QString passwordProblem(const QString &password, const QString &email) const;
    const PasswordHasher &hasher() const { return m_hasher; }
    const TokenService &tokens() const { return m_tokens; }

    // Is two-factor required for this role by the system setting "require_2fa_roles"?
    static Result<bool> twoFactorRequired(SqlSession &s, const QString &role);

private:
    const TokenService &m_tokens;
    const PasswordHasher &m_hasher;
    const SecretBox &m_box;
    AuthPolicy m_policy;
};

} // namespace joxai
