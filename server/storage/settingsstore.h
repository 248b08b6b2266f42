#pragma once
// SQL for system-wide settings and per-user preferences (values are JSON text).

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QMap>
#include <QString>

namespace joxai {

class SettingsStore final
{
public:
    static Result<QMap<QString, QString>> system(SqlSession &s);
    static Status setSystem(SqlSession &s, const QString &key, const QString &value, qint64 updatedBy);
    static Status removeSystem(SqlSession &s, const QString &key);
    static Result<QMap<QString, QString>> user(SqlSession &s, qint64 userId);
    static Status setUser(SqlSession &s, qint64 userId, const QString &key, const QString &value);
};

} // namespace joxai
