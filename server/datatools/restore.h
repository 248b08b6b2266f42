#pragma once
// `joxai-server restore FILE`: puts a backup made by `backup` in place of the configured database.
// The file is checked first (a JoxAI database or dump whose schema this program knows) and nothing
// changes when it is refused. SQLite: refused while any connection holds the database (a running
// server); the backup is copied beside the database and renamed over it, the old file kept as
// <database>.before-restore. PostgreSQL: refused while other sessions are connected; pg_restore
// --clean --if-exists --no-owner in a single transaction.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QMap>
#include <QString>

namespace joxai::datatools {

struct RestoreReport
{
    int schemaVersion = 0;
    QString keptAs;             // SQLite: where the replaced database went (empty if there was none)
    QMap<QString, qint64> rows; // per table, counted in the restored database
};

Result<RestoreReport> restoreDatabase(const DatabaseTarget &database, const QString &file);

} // namespace joxai::datatools
