#pragma once
// `joxai-server backup FILE`: a consistent copy of the configured database taken while the server
// runs. SQLite: VACUUM INTO (one read transaction, so one snapshot, in WAL mode beside the
// writers). PostgreSQL: pg_dump -Fc on a snapshot exported by a transaction that also counts the
// rows, so the counts printed are those of the dump. Written to FILE.partial, then renamed.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QMap>
#include <QString>

namespace joxai::datatools {

struct BackupReport
{
    QString path;
    qint64 bytes = 0;
    int schemaVersion = 0;
    QMap<QString, qint64> rows; // per table
};

// Refuses an existing `file` unless `overwrite`.
Result<BackupReport> backupDatabase(const DatabaseTarget &database, const QString &file, bool overwrite);

} // namespace joxai::datatools
