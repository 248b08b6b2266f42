#include "server/storage/userstore.h"

#include "server/storage/statementcache.h"

#include <QSqlRecord>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral(
    "id, email, full_name, role, password_hash, is_active, must_change_password, token_version, "
    "failed_logins, locked_until, totp_secret, totp_enabled, last_login_at, created_at, updated_at, "
    "totp_last_step");

User readUser(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.email = q.value(1).toString();
    u.fullName = q.value(2).toString();
    u.role = q.value(3).toString();
    u.passwordHash = q.value(4).toString().toUtf8();
    u.isActive = q.value(5).toBool();
    u.mustChangePassword = q.value(6).toBool();
    u.tokenVersion = q.value(7).toLongLong();
    u.failedLogins = q.value(8).toInt();
    u.lockedUntil = SqlSession::readTime(q.value(9));
    u.totpSecret = q.value(10).toString();
    u.totpEnabled = q.value(11).toBool();
    u.lastLoginAt = SqlSession::readTime(q.value(12));
    u.createdAt = SqlSession::readTime(q.value(13));
    u.updatedAt = SqlSession::readTime(q.value(14));
    u.totpLastStep = q.value(15).toLongLong();
    return u;
}

// Every staff request looks its user up by id (AuthService::principal): kept prepared.
Result<std::optional<User>> one(SqlSession &s, const QString &where, const QVariantList &values)
{
    std::optional<User> found;
    auto ran = StatementCache::run(s, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE ") + where,
                                   values, [&](QSqlQuery &q) {
        if (q.next())
            found = readUser(q);
    });
    if (!ran)
        return ran.error();
    return found;
}

} // namespace

Result<std::optional<User>> UserStore::byId(SqlSession &s, qint64 id)
{
    return one(s, QStringLiteral("id = ?"), {id});
}

Result<std::optional<User>> UserStore::byEmail(SqlSession &s, const QString &email)
{
    return one(s, QStringLiteral("email = ?"), {email.trimmed().toLower()});
}

Result<Page<User>> UserStore::list(SqlSession &s, const UserFilter &f)
{
    QString where = QStringLiteral(" WHERE 1=1");
    QVariantList values;
    if (!f.role.isEmpty()) {
        where += QStringLiteral(" AND role = ?");
        values << f.role;
    }
    if (f.active) {
        where += QStringLiteral(" AND is_active = ?");
        values << *f.active;
    }
    if (!f.search.isEmpty()) {
        where += QStringLiteral(" AND (lower(email) LIKE ? ESCAPE '\\' OR lower(full_name) LIKE ? ESCAPE '\\')");
        const QString like = SqlSession::containsPattern(f.search);
        values << like << like;
    }
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM users") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << f.page.limit << f.page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users") + where
                        + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
                    pageValues);
    if (!q)
        return q.error();
    Page<User> page;
    page.total = total->value_or(QVariant(0)).toLongLong();
    page.limit = f.page.limit;
    page.offset = f.page.offset;
    while (q->next())
        page.items << readUser(q.value());
    return page;
}

Result<qint64> UserStore::count(SqlSession &s)
{
    auto n = s.scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!n)
        return n.error();
    return n->value_or(QVariant(0)).toLongLong();
}

Result<qint64> UserStore::countActiveAdmins(SqlSession &s)
{
    auto n = s.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin' AND is_active = ?"), {true});
    if (!n)
        return n.error();
    return n->value_or(QVariant(0)).toLongLong();
}

Result<User> UserStore::create(SqlSession &s, const NewUser &u)
{
    auto id = s.insert(QStringLiteral("INSERT INTO users (email, full_name, role, password_hash, must_change_password) "
                                      "VALUES (?, ?, ?, ?, ?) RETURNING id"),
                       {u.email.trimmed().toLower(), SqlSession::text(u.fullName), u.role, QString::fromUtf8(u.passwordHash),
                        u.mustChangePassword});
    if (!id) {
        Error e = id.error();
        if (e.kind == ErrorKind::Conflict) {
            e.code = QStringLiteral("email_taken");
            e.detail = QStringLiteral("A user with this e-mail address already exists.");
            e.fields = QJsonObject{{QStringLiteral("email"), QStringLiteral("is already in use")}};
        }
        return e;
    }
    auto made = byId(s, id.value());
    if (!made)
        return made.error();
    if (!made->has_value())
        return Error::internal();
    return **made;
}

Result<std::optional<User>> UserStore::update(SqlSession &s, qint64 id, const UserChanges &c)
{
    QString set = QStringLiteral("updated_at = ") + s.nowSql();
    QVariantList values;
    if (c.fullName) {
        set += QStringLiteral(", full_name = ?");
        values << SqlSession::text(*c.fullName);
    }
    if (c.role) {
        set += QStringLiteral(", role = ?");
        values << *c.role;
    }
    if (c.isActive) {
        set += QStringLiteral(", is_active = ?");
        values << *c.isActive;
    }
    if (c.revokeTokens)
        set += QStringLiteral(", token_version = token_version + 1");
    values << id;
    auto q = s.exec(QStringLiteral("UPDATE users SET ") + set + QStringLiteral(" WHERE id = ?"), values);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return std::optional<User>();
    return byId(s, id);
}

Status UserStore::setPassword(SqlSession &s, qint64 id, const QByteArray &hash, bool mustChange)
{
    auto q = s.exec(QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, "
                                   "locked_until = NULL, token_version = token_version + 1, updated_at = ")
                        + s.nowSql() + QStringLiteral(" WHERE id = ?"),
                    {QString::fromUtf8(hash), mustChange, id});
    if (!q)
        return q.error();
    return success();
}

Result<User> UserStore::recordFailedLogin(SqlSession &s, qint64 id, int maxFailures, const QDateTime &lockUntil)
{
    // One statement, so concurrent failures on several instances count correctly.
    auto q = s.exec(QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1, "
                                   "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END "
                                   "WHERE id = ?"),
                    {maxFailures, s.time(lockUntil), id});
    if (!q)
        return q.error();
    auto u = byId(s, id);
    if (!u)
        return u.error();
    if (!u->has_value())
        return Error::internal();
    return **u;
}

Status UserStore::recordLogin(SqlSession &s, qint64 id, const QDateTime &at)
{
    auto q = s.exec(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?"),
                    {s.time(at), id});
    if (!q)
        return q.error();
    return success();
}

Status UserStore::revokeTokens(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("UPDATE users SET token_version = token_version + 1 WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return success();
}

Result<bool> UserStore::consumeTotpStep(SqlSession &s, qint64 id, qint64 step)
{
    auto q = s.exec(QStringLiteral("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?"),
                    {step, id, step});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Status UserStore::setTotp(SqlSession &s, qint64 id, const QString &sealedSecret, bool enabled)
{
    // A new (or no) secret starts a new sequence of steps; enabling keeps the one of its set-up.
    auto q = s.exec(QStringLiteral("UPDATE users SET totp_secret = ?, totp_enabled = ?, ")
                        + (enabled ? QString() : QStringLiteral("totp_last_step = 0, "))
                        + QStringLiteral("updated_at = ") + s.nowSql()
                        + QStringLiteral(" WHERE id = ?"),
                    {sealedSecret.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(sealedSecret),
                     enabled, id});
    if (!q)
        return q.error();
    return success();
}

} // namespace joxai
