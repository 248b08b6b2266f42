#include "server/storage/settingsstore.h"

namespace joxai {

namespace {

Result<QMap<QString, QString>> readMap(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QMap<QString, QString> map;
    while (q->next())
        map.insert(q->value(0).toString(), q->value(1).toString());
    return map;
}

} // namespace

Result<QMap<QString, QString>> SettingsStore::system(SqlSession &s)
{
    return readMap(s.exec(QStringLiteral("SELECT key, value FROM system_settings")));
}

Status SettingsStore::setSystem(SqlSession &s, const QString &key, const QString &value, qint64 updatedBy)
{
    // ON CONFLICT … DO UPDATE is spelt the same in SQLite (3.24+) and PostgreSQL.
    auto q = s.exec(QStringLiteral("INSERT INTO system_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ")
                        + s.nowSql()
                        + QStringLiteral(") ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                         "updated_by = excluded.updated_by, updated_at = excluded.updated_at"),
                    {key, value, updatedBy > 0 ? QVariant(updatedBy) : QVariant(QMetaType::fromType<qlonglong>())});
    if (!q)
        return q.error();
    return success();
}

Status SettingsStore::removeSystem(SqlSession &s, const QString &key)
{
    auto q = s.exec(QStringLiteral("DELETE FROM system_settings WHERE key = ?"), {key});
    if (!q)
        return q.error();
    return success();
}

Result<QMap<QString, QString>> SettingsStore::user(SqlSession &s, qint64 userId)
{
    return readMap(s.exec(QStringLiteral("SELECT key, value FROM user_settings WHERE user_id = ?"), {userId}));
}

Status SettingsStore::setUser(SqlSession &s, qint64 userId, const QString &key, const QString &value)
{
    auto q = s.exec(QStringLiteral("INSERT INTO user_settings (user_id, key, value, updated_at) VALUES (?, ?, ?, ")
                        + s.nowSql()
                        + QStringLiteral(") ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, "
                                         "updated_at = excluded.updated_at"),
                    {userId, key, value});
    if (!q)
        return q.error();
    return success();
}

} // namespace joxai
