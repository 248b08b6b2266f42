#include "server/services/authservice.h"

#include "server/auth/totp.h"
#include "server/core/logging.h"
#include "server/services/audittrail.h"
#include "server/services/settingsservice.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace joxai {

namespace {

Error invalidCredentials()
{
    return Error::make(ErrorKind::Unauthorized, QStringLiteral("invalid_credentials"),
                       QStringLiteral("The e-mail address or password is not correct."));
}

Error locked(const QDateTime &until)
{
    Error e = Error::make(ErrorKind::Locked, QStringLiteral("account_locked"),
                          QStringLiteral("This account is locked after repeated failed sign-ins; try again later "
                                         "or ask an administrator."));
    e.retryAfterSeconds = int(qMax<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(until)));
    return e;
}

Error invalidOtp()
{
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_otp"),
                          QStringLiteral("The one-time code is not correct."));
    e.fields = QJsonObject{{QStringLiteral("otp"), QStringLiteral("is not correct")}};
    return e;
}

// A one-time code counts once: the right code for a step already used (replayed, or seen over a
// shoulder) is refused like a wrong one.
Result<bool> acceptCode(SqlSession &s, qint64 userId, const std::optional<QByteArray> &secret, const QString &code,
                        const QDateTime &now)
{
    if (!secret)
        return false;
    const auto step = Totp::matchingStep(*secret, code.trimmed(), now);
    if (!step)
        return false;
    return UserStore::consumeTotpStep(s, userId, *step);
}

// acceptCode() for a signed-in user: a wrong or used code is a 422 naming the field.
Status requireCode(SqlSession &s, qint64 userId, const std::optional<QByteArray> &secret, const QString &code)
{
    auto accepted = acceptCode(s, userId, secret, code, QDateTime::currentDateTimeUtc());
    if (!accepted)
        return accepted.error();
    if (!accepted.value())
        return invalidOtp();
    return success();
}

Error revoked()
{
    return Error::make(ErrorKind::Unauthorized, QStringLiteral("token_revoked"),
                       QStringLiteral("This session has ended; sign in again."));
}

} // namespace

AuthService::AuthService(const TokenService &tokens, const PasswordHasher &hasher, const SecretBox &box,
                         AuthPolicy policy)
    : m_tokens(tokens), m_hasher(hasher), m_box(box), m_policy(policy)
{
}

QString AuthService::passwordProblem(const QString &password, const QString &email) const
{
    if (password.size() < m_policy.minPasswordLength)
        return QStringLiteral("must be at least %1 characters").arg(m_policy.minPasswordLength);
    if (password.toUtf8().size() > 72)
        return QStringLiteral("must be at most 72 bytes");
    if (!email.isEmpty() && password.compare(email, Qt::CaseInsensitive) == 0)
        return QStringLiteral("must not be the e-mail address");
    bool letter = false;
    bool other = false;
    for (const QChar c : password) {
        letter = letter || c.isLetter();
        other = other || !c.isLetter();
    }
    if (!letter || !other)
        return QStringLiteral("must mix letters with digits or symbols");
    return {};
}

Result<LoginResult> AuthService::login(SqlSession &s, const QString &email, const QString &password,
                                       const QString &otp, const QString &clientAddress) const
{
    const QString normalized = email.trimmed().toLower();
    auto found = UserStore::byEmail(s, normalized);
    if (!found)
        return found.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!found->has_value()) {
        m_hasher.burnVerifyTime(password.toUtf8()); // same time as a real check: no enumeration
        if (auto a = AuditTrail::recordAnonymous(s, normalized, clientAddress, QStringLiteral("auth.login_failed"),
                                                 {{QStringLiteral("reason"), QStringLiteral("unknown_account")}}); !a)
            return a.error();
        return invalidCredentials();
    }
    User user = **found;
    if (user.lockedUntil.isValid() && user.lockedUntil > now) {
        if (auto a = AuditTrail::recordAnonymous(s, normalized, clientAddress, QStringLiteral("auth.login_failed"),
                                                 {{QStringLiteral("reason"), QStringLiteral("locked")}}); !a)
            return a.error();
        return locked(user.lockedUntil);
    }

    auto fail = [&](const QString &reason, Error answer) -> Result<LoginResult> {
        auto counted = s.transaction<User>([&]() -> Result<User> {
            auto u = UserStore::recordFailedLogin(s, user.id, m_policy.maxFailures,
                                                  now.addSecs(qint64(m_policy.lockoutMinutes) * 60));
            if (!u)
                return u.error();
            if (auto a = AuditTrail::recordAnonymous(s, normalized, clientAddress, QStringLiteral("auth.login_failed"),
                                                     {{QStringLiteral("reason"), reason},
                                                      {QStringLiteral("failures"), u->failedLogins}}); !a)
                return a.error();
            return u;
        });
        if (!counted)
            return counted.error();
        if (counted->lockedUntil.isValid() && counted->lockedUntil > now) {
            qCWarning(lcAuth) << "account locked after repeated failures:" << user.id;
            return locked(counted->lockedUntil);
        }
        return answer;
    };

    if (!m_hasher.verify(password.toUtf8(), user.passwordHash))
        return fail(QStringLiteral("wrong_password"), invalidCredentials());
    if (!user.isActive) {
        if (auto a = AuditTrail::recordAnonymous(s, normalized, clientAddress, QStringLiteral("auth.login_failed"),
                                                 {{QStringLiteral("reason"), QStringLiteral("inactive")}}); !a)
            return a.error();
        return Error::make(ErrorKind::Forbidden, QStringLiteral("account_disabled"),
                           QStringLiteral("This account is disabled; ask an administrator."));
    }
    if (user.totpEnabled) {
        const auto secret = m_box.open(user.totpSecret.toUtf8());
        const Error otpNeeded = Error::make(ErrorKind::Unauthorized, QStringLiteral("otp_required"),
                                            QStringLiteral("Enter the one-time code from your authenticator app."));
        if (otp.trimmed().isEmpty())
            return otpNeeded;
        auto accepted = acceptCode(s, user.id, secret, otp, now);
        if (!accepted)
            return accepted.error();
        if (!accepted.value())
            return fail(QStringLiteral("wrong_otp"), otpNeeded);
    }

    auto done = s.transaction<bool>([&]() -> Result<bool> {
        if (auto r = UserStore::recordLogin(s, user.id, now); !r)
            return r.error();
        Principal who;
        who.userId = user.id;
        who.email = user.email;
        who.clientAddress = clientAddress;
        if (auto a = AuditTrail::record(s, who, QStringLiteral("auth.login"), QStringLiteral("user"),
                                        QString::number(user.id)); !a)
            return a.error();
        return true;
    });
    if (!done)
        return done.error();
    LoginResult result;
    result.user = user;
    result.token = m_tokens.issue(user.id, user.role, user.tokenVersion, now);
    result.expiresAt = now.addSecs(m_tokens.lifetimeSeconds());
    return result;
}

Result<bool> AuthService::twoFactorRequired(SqlSession &s, const QString &role)
{
    auto roles = SettingsService::systemValue(s, QStringLiteral("require_2fa_roles"));
    if (!roles)
        return roles.error();
    return roles->toArray().contains(QJsonValue(role));
}

Result<Principal> AuthService::principal(SqlSession &s, const TokenClaims &claims, const QString &clientAddress,
                                         Gate gate) const
{
    auto found = UserStore::byId(s, claims.userId);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->isActive || (*found)->tokenVersion != claims.tokenVersion)
        return revoked();
    const User &user = **found;
    const auto role = parseRole(user.role);
    if (!role)
        return revoked();
    Principal who;
    who.clientAddress = clientAddress;
    who.userId = user.id;
    who.role = *role;
    who.email = user.email;
    who.fullName = user.fullName;
    who.mustChangePassword = user.mustChangePassword;
    if (gate == Gate::Session)
        return who;
    if (user.mustChangePassword)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("password_change_required"),
                           QStringLiteral("Change your password first (POST /api/v1/auth/change-password)."));
    if (!user.totpEnabled && gate != Gate::TwoFactorSetup) {
        auto required = twoFactorRequired(s, user.role);
        if (!required)
            return required.error();
        if (required.value())
            return Error::make(ErrorKind::Forbidden, QStringLiteral("two_factor_required"),
                               QStringLiteral("Your role requires two-factor sign-in; set it up first "
                                              "(POST /api/v1/auth/2fa/setup)."));
    }
    return who;
}

Result<User> AuthService::me(SqlSession &s, const Principal &who) const
{
    auto found = UserStore::byId(s, who.userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return revoked();
    return **found;
}

Status AuthService::logout(SqlSession &s, const Principal &who) const
{
    return s.transaction<Done>([&]() -> Status {
        if (auto r = UserStore::revokeTokens(s, who.userId); !r)
            return r;
        return AuditTrail::record(s, who, QStringLiteral("auth.logout"), QStringLiteral("user"),
                                  QString::number(who.userId));
    });
}

Status AuthService::changePassword(SqlSession &s, const Principal &who, const QString &current,
                                   const QString &replacement) const
{
    auto user = me(s, who);
    if (!user)
        return user.error();
    if (!m_hasher.verify(current.toUtf8(), user->passwordHash)) {
        Error e = Error::make(ErrorKind::Validation, QStringLiteral("wrong_password"),
                              QStringLiteral("The current password is not correct."));
        e.fields = QJsonObject{{QStringLiteral("current_password"), QStringLiteral("is not correct")}};
        return e;
    }
    QString problem = passwordProblem(replacement, user->email);
    if (problem.isEmpty() && replacement == current)
        problem = QStringLiteral("must differ from the current password");
    if (!problem.isEmpty()) {
        Error e = Error::make(ErrorKind::Validation, QStringLiteral("weak_password"),
                              QStringLiteral("The new password ") + problem + QLatin1Char('.'));
        e.fields = QJsonObject{{QStringLiteral("new_password"), problem}};
        return e;
    }
    const QByteArray hash = m_hasher.hash(replacement.toUtf8());
    if (hash.isEmpty())
        return Error::internal();
    return s.transaction<Done>([&]() -> Status {
        if (auto r = UserStore::setPassword(s, who.userId, hash, false); !r)
            return r;
        return AuditTrail::record(s, who, QStringLiteral("auth.password_changed"), QStringLiteral("user"),
                                  QString::number(who.userId));
    });
}

Result<TotpSetup> AuthService::setupTotp(SqlSession &s, const Principal &who) const
{
    auto user = me(s, who);
    if (!user)
        return user.error();
    if (user->totpEnabled)
        return Error::make(ErrorKind::Conflict, QStringLiteral("two_factor_enabled"),
                           QStringLiteral("Two-factor sign-in is already on; turn it off first to change it."));
    const QByteArray secret = Totp::generateSecret();
    if (auto r = UserStore::setTotp(s, who.userId, QString::fromLatin1(m_box.seal(secret)), false); !r)
        return r.error();
    return TotpSetup{Totp::toBase32(secret), Totp::otpauthUri(secret, user->email, QStringLiteral("JoxAI"))};
}

Status AuthService::enableTotp(SqlSession &s, const Principal &who, const QString &otp) const
{
    auto user = me(s, who);
    if (!user)
        return user.error();
    if (user->totpEnabled)
        return Error::make(ErrorKind::Conflict, QStringLiteral("two_factor_enabled"),
                           QStringLiteral("Two-factor sign-in is already on."));
    const auto secret = m_box.open(user->totpSecret.toUtf8());
    if (user->totpSecret.isEmpty() || !secret)
        return Error::make(ErrorKind::Conflict, QStringLiteral("two_factor_not_set_up"),
                           QStringLiteral("Call POST /api/v1/auth/2fa/setup first."));
    if (auto accepted = requireCode(s, who.userId, secret, otp); !accepted)
        return accepted;
    return s.transaction<Done>([&]() -> Status {
        if (auto r = UserStore::setTotp(s, who.userId, user->totpSecret, true); !r)
            return r;
        return AuditTrail::record(s, who, QStringLiteral("auth.2fa_enabled"), QStringLiteral("user"),
                                  QString::number(who.userId));
    });
}

Status AuthService::disableTotp(SqlSession &s, const Principal &who, const QString &otp) const
{
    auto user = me(s, who);
    if (!user)
        return user.error();
    const auto secret = m_box.open(user->totpSecret.toUtf8());
    if (!user->totpEnabled || !secret)
        return Error::make(ErrorKind::Conflict, QStringLiteral("two_factor_not_enabled"),
                           QStringLiteral("Two-factor sign-in is not on."));
    if (auto accepted = requireCode(s, who.userId, secret, otp); !accepted)
        return accepted;
    return s.transaction<Done>([&]() -> Status {
        if (auto r = UserStore::setTotp(s, who.userId, QString(), false); !r)
            return r;
        return AuditTrail::record(s, who, QStringLiteral("auth.2fa_disabled"), QStringLiteral("user"),
                                  QString::number(who.userId));
    });
}

Result<bool> AuthService::seedFirstAdmin(SqlSession &s, const QString &email, const QString &password) const
{
    auto n = UserStore::count(s);
    if (!n)
        return n.error();
    if (n.value() > 0)
        return false;
    const QByteArray hash = m_hasher.hash(password.toUtf8());
    if (hash.isEmpty())
        return Error::internal();
    return s.transaction<bool>([&]() -> Result<bool> {
        auto made = UserStore::create(s, {email, QStringLiteral("Administrator"), QStringLiteral("admin"), hash, true});
        if (!made)
            return made.error();
        if (auto a = AuditTrail::recordAnonymous(s, QStringLiteral("system"), QString(), QStringLiteral("user.seeded"),
                                                 {{QStringLiteral("email"), made->email}}); !a)
            return a.error();
        return true;
    });
}

} // namespace joxai
