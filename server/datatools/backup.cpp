#include "server/datatools/backup.h"

#include "server/datatools/pgcatalog.h"
#include "server/datatools/pgtools.h"
#include "server/datatools/sqlitefile.h"
#include "server/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace joxai::datatools {

namespace {

Error failed(const QString &detail)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("backup_failed"), detail);
}

// SQLite file names go into VACUUM INTO as a string literal.
QString sqlString(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
}

Result<BackupReport> backupSqlite(const DatabaseTarget &database, const QString &partial)
{
    // Read-write: a read-only connection cannot join a WAL database whose -shm file is missing.
    SqliteFile live(database.sqlitePath, SqliteFile::Mode::ReadWrite);
    if (auto opened = live.open(); !opened)
        return opened.error();
    if (auto version = live.schemaVersion(); !version)
        return version.error();
    if (auto copied = live.exec(QStringLiteral("VACUUM INTO ") + sqlString(partial)); !copied)
        return failed(QStringLiteral("cannot copy %1: %2").arg(database.sqlitePath, copied.error().detail));

    SqliteFile copy(partial, SqliteFile::Mode::ReadOnly);
    if (auto opened = copy.open(); !opened)
        return opened.error();
    if (auto sound = copy.quickCheck(); !sound)
        return sound.error();
    auto version = copy.schemaVersion();
    if (!version)
        return version.error();
    auto rows = copy.rowCounts();
    if (!rows)
        return rows.error();
    BackupReport report;
    report.schemaVersion = version.value();
    report.rows = rows.value();
    return report;
}

Result<BackupReport> backupPostgres(const DatabaseTarget &database, const QString &partial)
{
    Database db(database, 1);
    SqlSession s = db.session();
    if (auto reachable = db.probe(); !reachable)
        return reachable.error();
    // The counting transaction stays open while pg_dump reads the snapshot it exported.
    if (auto begun = s.execRaw(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")); !begun)
        return begun.error();
    auto snapshot = s.scalar(QStringLiteral("SELECT pg_export_snapshot()"));
    if (!snapshot)
        return snapshot.error();
    auto version = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!version)
        return Error::make(ErrorKind::BadRequest, QStringLiteral("not_joxai"),
                           QStringLiteral("database %1 is not a JoxAI database (no schema_migrations)").arg(database.name));
    auto rows = pgTableRowCounts(s);
    if (!rows)
        return rows.error();
    auto dumped = runPgProgram(QStringLiteral("pg_dump"),
                               {QStringLiteral("--format=custom"),
                                QStringLiteral("--snapshot=") + snapshot->value_or(QVariant()).toString(),
                                QStringLiteral("--file=") + partial, QStringLiteral("--dbname=") + connectionString(database)},
                               database);
    (void)s.execRaw(QStringLiteral("COMMIT"));
    if (!dumped)
        return dumped.error();
    BackupReport report;
    report.schemaVersion = version->value_or(QVariant(0)).toInt();
    report.rows = rows.value();
    return report;
}

} // namespace

Result<BackupReport> backupDatabase(const DatabaseTarget &database, const QString &file, bool overwrite)
{
    const QFileInfo target(file);
    if (target.exists() && !overwrite)
        return Error::make(ErrorKind::Conflict, QStringLiteral("file_exists"),
                           QStringLiteral("%1 already exists; choose another name or add --force to replace it").arg(file));
    if (target.isDir())
        return Error::make(ErrorKind::BadRequest, QStringLiteral("is_folder"), QStringLiteral("%1 is a folder").arg(file));
    if (!target.absoluteDir().exists())
        return Error::make(ErrorKind::BadRequest, QStringLiteral("no_folder"),
                           QStringLiteral("the folder %1 does not exist").arg(target.absolutePath()));
    if (!database.isPostgres() && target.absoluteFilePath() == QFileInfo(database.sqlitePath).absoluteFilePath())
        return Error::make(ErrorKind::BadRequest, QStringLiteral("same_file"),
                           QStringLiteral("%1 is the database itself").arg(file));

    const QString partial = target.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial); // a previous run's leftover
    auto report = database.isPostgres() ? backupPostgres(database, partial) : backupSqlite(database, partial);
    if (!report) {
        QFile::remove(partial);
        return report;
    }
    if (target.exists())
        QFile::remove(target.absoluteFilePath());
    if (!QFile::rename(partial, target.absoluteFilePath())) {
        QFile::remove(partial);
        return failed(QStringLiteral("cannot rename %1 to %2").arg(partial, file));
    }
    report->path = target.absoluteFilePath();
    report->bytes = QFileInfo(report->path).size();
    return report;
}

} // namespace joxai::datatools
