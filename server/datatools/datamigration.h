#pragma once
// `joxai-server migrate-data --to postgresql://…`: moves the configured SQLite database into an
// empty PostgreSQL database. The target's schema is made by the Migrator; every table is copied,
// parents before children, in one transaction on the target, ids kept (OVERRIDING SYSTEM VALUE)
// and each identity sequence moved past the largest id; values are converted to the target's
// column types (0/1 → boolean, ISO text → timestamptz, JSON text → jsonb). The rows of every
// table are then counted on both sides.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QList>
#include <QString>

namespace joxai::datatools {

struct TableCount
{
    QString table;
    qint64 source = 0;
    qint64 target = 0;
};

struct MigrationReport
{
    int schemaVersion = 0;
    QList<TableCount> counts; // in copy order
    bool countsMatch() const;
};

// An error when the copy failed (nothing is left on the target then). A report whose counts do
// not match is answered as a report: the caller shows the table and fails.
Result<MigrationReport> migrateData(const DatabaseTarget &source, const DatabaseTarget &target);

} // namespace joxai::datatools
