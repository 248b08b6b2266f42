#pragma once
// What the data commands need to know about a PostgreSQL database's tables, read from its catalog:
// the tables of the current schema, their columns and types, the order foreign keys impose, and
// row counts.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace joxai::datatools {

struct PgColumn
{
    QString name;
    QString type;      // format_type(): "bigint", "boolean", "timestamp with time zone", "jsonb", …
    bool identity = false;
    bool generated = false; // GENERATED ALWAYS AS (…) STORED: computed, never inserted
};

// Base tables of the current schema, parents before children (foreign keys), then by name.
Result<QStringList> pgTablesInDependencyOrder(SqlSession &s);
Result<QList<PgColumn>> pgColumns(SqlSession &s, const QString &table);
Result<QMap<QString, qint64>> pgRowCounts(SqlSession &s, const QStringList &tables);
// Every base table of the current schema with its row count (what backup and restore report).
Result<QMap<QString, qint64>> pgTableRowCounts(SqlSession &s);

} // namespace joxai::datatools
