#include "server/services/userservice.h"

#include "server/auth/cryptoutil.h"
#include "server/core/roles.h"
#include "server/services/audittrail.h"

namespace joxai {

UserService::UserService(const AuthService &auth) : m_auth(auth) {}

Status UserService::requireAdmin(const Principal &who)
{
    if (who.role != Role::Admin)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("Only administrators may manage staff accounts."));
    return success();
}

QString UserService::generateTemporaryPassword()
{
    // 15 characters of base64url from 88 random bits, plus a digit so it passes the policy.
    return QString::fromLatin1(crypto::randomToken(11)) + QStringLiteral("7");
}

Result<Page<User>> UserService::list(SqlSession &s, const Principal &who, const UserFilter &filter) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    return UserStore::list(s, filter);
}

Result<Page<User>> UserService::directory(SqlSession &s, const Principal &who, UserFilter filter) const
{
    if (!atLeast(who.role, Role::Agent))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"), QStringLiteral("Staff only."));
    filter.active = true;
    return UserStore::list(s, filter);
}

Result<User> UserService::get(SqlSession &s, const Principal &who, qint64 id) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    auto found = UserStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("User"));
    return **found;
}

Result<CreatedUser> UserService::create(SqlSession &s, const Principal &who, const QString &email,
                                        const QString &fullName, const QString &role, const QString &password) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    if (!password.isEmpty()) {
        if (const QString problem = m_auth.passwordProblem(password, email); !problem.isEmpty()) {
            Error e = Error::make(ErrorKind::Validation, QStringLiteral("weak_password"),
                                  QStringLiteral("The password ") + problem + QLatin1Char('.'));
            e.fields = QJsonObject{{QStringLiteral("password"), problem}};
            return e;
        }
    }
    const QString temporaryPassword = password.isEmpty() ? generateTemporaryPassword() : QString();
    const QByteArray hash = m_auth.hasher().hash((password.isEmpty() ? temporaryPassword : password).toUtf8());
    if (hash.isEmpty())
        return Error::internal();
    return s.transaction<CreatedUser>([&]() -> Result<CreatedUser> {
        auto made = UserStore::create(s, {email, fullName, role, hash, true});
        if (!made)
            return made.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("user.create"), QStringLiteral("user"),
                                        QString::number(made->id),
                                        {{QStringLiteral("email"), made->email}, {QStringLiteral("role"), made->role}});
            !a)
            return a.error();
        return CreatedUser{made.value(), temporaryPassword};
    });
}

Result<User> UserService::update(SqlSession &s, const Principal &who, qint64 id, UserChanges changes) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    return s.transaction<User>([&]() -> Result<User> {
        auto found = UserStore::byId(s, id);
        if (!found)
            return found.error();
        if (!found->has_value())
            return Error::notFound(QStringLiteral("User"));
        const User before = **found;
        const bool demoted = changes.role && *changes.role != QLatin1String("admin") && before.role == QLatin1String("admin");
        const bool disabled = changes.isActive && !*changes.isActive && before.isActive;
        if ((demoted || disabled) && before.role == QLatin1String("admin")) {
            auto admins = UserStore::countActiveAdmins(s);
            if (!admins)
                return admins.error();
            if (admins.value() <= 1)
                return Error::make(ErrorKind::Conflict, QStringLiteral("last_admin"),
                                   QStringLiteral("This is the last active administrator; make another "
                                                  "administrator first."));
        }
        // A new role or a disabled account must not keep working through tokens issued before.
        changes.revokeTokens = (changes.role && *changes.role != before.role) || disabled;
        auto after = UserStore::update(s, id, changes);
        if (!after)
            return after.error();
        if (!after->has_value())
            return Error::notFound(QStringLiteral("User"));
        QJsonObject details;
        if (changes.role && *changes.role != before.role)
            details.insert(QStringLiteral("role"), QJsonObject{{QStringLiteral("from"), before.role},
                                                               {QStringLiteral("to"), *changes.role}});
        if (changes.isActive && *changes.isActive != before.isActive)
            details.insert(QStringLiteral("is_active"), *changes.isActive);
        if (changes.fullName && *changes.fullName != before.fullName)
            details.insert(QStringLiteral("full_name"), *changes.fullName);
        if (auto a = AuditTrail::record(s, who, QStringLiteral("user.update"), QStringLiteral("user"),
                                        QString::number(id), details);
            !a)
            return a.error();
        return **after;
    });
}

Result<QString> UserService::resetPassword(SqlSession &s, const Principal &who, qint64 id) const
{
    if (auto user = get(s, who, id); !user)
        return user.error();
    const QString temporary = generateTemporaryPassword();
    const QByteArray hash = m_auth.hasher().hash(temporary.toUtf8());
    if (hash.isEmpty())
        return Error::internal();
    return s.transaction<QString>([&]() -> Result<QString> {
        if (auto r = UserStore::setPassword(s, id, hash, true); !r)
            return r.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("user.reset_password"), QStringLiteral("user"),
                                        QString::number(id));
            !a)
            return a.error();
        return temporary;
    });
}

} // namespace joxai
