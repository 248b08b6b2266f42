#pragma once
// A connection of its own to one SQLite file, for the data commands (not the server's pool): opened
// read-only or read-write, closed and removed again when the object goes. Knows what a JoxAI
// database looks like: its schema version, its own tables (not SQLite's or full-text shadows) and
// their row counts.

#include "server/core/result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace joxai::datatools {

class SqliteFile final
{
public:
    enum class Mode { ReadOnly, ReadWrite };
    SqliteFile(const QString &path, Mode mode, int busyTimeoutMs = 10000);
    ~SqliteFile();
    Q_DISABLE_COPY_MOVE(SqliteFile)

    // Opens the file; an error that says why in one sentence (missing, not a database, ...).
    Status open();
    QSqlDatabase &db() { return m_db; }

    // Runs one statement, answering the driver's message on failure.
    Status exec(const QString &sql);
    // Answers the schema version (MAX(version) of schema_migrations), or an error when the file is
    // not a SQLite database or has no schema_migrations (not a JoxAI database).
    Result<int> schemaVersion();
    // The application's tables in name order: neither sqlite_* nor virtual tables and their shadow
    // tables (full-text indexes are rebuilt from the tables they index).
    Result<QStringList> tables();
    Result<QMap<QString, qint64>> rowCounts();
    // PRAGMA quick_check: an error unless the file is sound.
    Status quickCheck();

private:
    QString m_path;
    QString m_name;
    Mode m_mode;
    int m_busyTimeoutMs;
    QSqlDatabase m_db;
};

// The newest schema version this program knows for `postgres` or SQLite.
int newestSchemaVersion(bool postgres);

} // namespace joxai::datatools
