#pragma once
// Staff account administration (admin only): list, create with a one-time temporary password,
// change role / active state / name (revoking the account's tokens where it matters), reset
// passwords. The last active admin can be neither demoted nor disabled.

#include "server/core/roles.h"
#include "server/core/page.h"
#include "server/services/authservice.h"
#include "server/storage/userstore.h"

namespace joxai {

struct CreatedUser
{
    User user;
    QString temporaryPassword; // empty when the admin chose the password
};

class UserService final
{
public:
    explicit UserService(const AuthService &auth);

    Result<Page<User>> list(SqlSession &s, const Principal &who, const UserFilter &filter) const;
    // The staff directory: active accounts only, for any staff member (assigning a ticket or a
    // conversation, mentioning a colleague in a note). The route shows names and roles only.
    Result<Page<User>> directory(SqlSession &s, const Principal &who, UserFilter filter) const;
    Result<User> get(SqlSession &s, const Principal &who, qint64 id) const;
    // Hashes the password (bcrypt: call on the bcrypt pool). No password → a temporary one is
    // made and answered once. Accounts made by an admin must change their password at first login.
    Result<CreatedUser> create(SqlSession &s, const Principal &who, const QString &email, const QString &fullName,
                               const QString &role, const QString &password) const;
    Result<User> update(SqlSession &s, const Principal &who, qint64 id, UserChanges changes) const;
    Result<QString> resetPassword(SqlSession &s, const Principal &who, qint64 id) const;

    static QString generateTemporaryPassword();
    static Status requireAdmin(const Principal &who);

private:
    const AuthService &m_auth;
};

} // namespace joxai
