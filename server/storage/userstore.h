#pragma once
// SQL for staff accounts.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace joxai {

struct User
{
    qint64 id = 0;
    QString email;
    QString fullName;
    QString role;
    QByteArray passwordHash;
    bool isActive = true;
    bool mustChangePassword = false;
    qint64 tokenVersion = 1;
    int failedLogins = 0;
    QDateTime lockedUntil;
    QString totpSecret; // sealed by SecretBox
    bool totpEnabled = false;
    qint64 totpLastStep = 0; // the last accepted one-time code's time step (no replays)
    QDateTime lastLoginAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct NewUser
{
    QString email;
    QString fullName;
    QString role;
    QByteArray passwordHash;
    bool mustChangePassword = false;
};

struct UserChanges
{
    std::optional<QString> fullName;
    std::optional<QString> role;
    std::optional<bool> isActive;
    bool revokeTokens = false; // bumps token_version
};

struct UserFilter
{
    QString role;
    QString search; // e-mail or name contains
    std::optional<bool> active;
    PageRequest page;
};

class UserStore final
{
public:
    static Result<std::optional<User>> byId(SqlSession &s, qint64 id);
    static Result<std::optional<User>> byEmail(SqlSession &s, const QString &email);
    static Result<Page<User>> list(SqlSession &s, const UserFilter &filter);
    static Result<qint64> count(SqlSession &s);
    static Result<qint64> countActiveAdmins(SqlSession &s);
    // Conflict when the e-mail is taken.
    static Result<User> create(SqlSession &s, const NewUser &user);
    static Result<std::optional<User>> update(SqlSession &s, qint64 id, const UserChanges &changes);
    // Sets the hash, clears lockout, and revokes every earlier token.
    static Status setPassword(SqlSession &s, qint64 id, const QByteArray &hash, bool mustChange);
    // Counts a failure; locks the account until `lockUntil` when it reaches `maxFailures`.
    // Answers the updated account.
    static Result<User> recordFailedLogin(SqlSession &s, qint64 id, int maxFailures, const QDateTime &lockUntil);
    static Status recordLogin(SqlSession &s, qint64 id, const QDateTime &at);
    static Status revokeTokens(SqlSession &s, qint64 id);
    static Status setTotp(SqlSession &s, qint64 id, const QString &sealedSecret, bool enabled);
    // Records a one-time code's step; false when that step (or a later one) was used already.
    // One conditional UPDATE, so two instances cannot both accept the same code.
    static Result<bool> consumeTotpStep(SqlSession &s, qint64 id, qint64 step);
};

} // namespace joxai
