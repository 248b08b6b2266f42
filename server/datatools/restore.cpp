#include "server/datatools/restore.h"

#include "server/datatools/pgcatalog.h"
#include "server/datatools/pgtools.h"
#include "server/datatools/sqlitefile.h"
#include "server/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>

namespace joxai::datatools {

namespace {

Error refused(const QString &code, const QString &detail)
{
    return Error::make(ErrorKind::Conflict, code, detail);
}

Error failed(const QString &detail)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("restore_failed"), detail);
}

Status checkVersion(int version, bool postgres, const QString &file)
{
    const int newest = newestSchemaVersion(postgres);
    if (version > newest)
        return refused(QStringLiteral("schema_too_new"),
                       QStringLiteral("%1 has schema version %2, newer than this program knows (%3); restore it "
                                      "with the joxai-server version that made it").arg(file).arg(version).arg(newest));
    return success();
}

Result<RestoreReport> restoreSqlite(const DatabaseTarget &database, const QString &file)
{
    // 1. The backup is a sound JoxAI database this program can run.
    int version = 0;
    {
        SqliteFile backup(file, SqliteFile::Mode::ReadOnly);
        if (auto opened = backup.open(); !opened)
            return opened.error();
        auto found = backup.schemaVersion();
        if (!found)
            return found.error();
        if (auto sound = backup.quickCheck(); !sound)
            return sound.error();
        if (auto known = checkVersion(found.value(), false, file); !known)
            return known.error();
        version = found.value();
    }

    // 2. Nobody holds the current database. Leaving WAL mode needs the only connection, so it fails
    //    at once while a server has the file open; it also folds the -wal file into the database,
    //    so the copy kept as .before-restore is complete on its own.
    const QString live = QFileInfo(database.sqlitePath).absoluteFilePath();
    const QString kept = live + QStringLiteral(".before-restore");
    const bool hadDatabase = QFileInfo::exists(live);
    if (hadDatabase) {
        SqliteFile current(live, SqliteFile::Mode::ReadWrite, 0);
        if (auto opened = current.open(); !opened)
            return opened.error();
        if (auto alone = current.exec(QStringLiteral("PRAGMA journal_mode=DELETE")); !alone)
            return refused(QStringLiteral("database_in_use"),
                           QStringLiteral("%1 is in use (%2); stop joxai-server before restoring").arg(live, alone.error().detail));
        QSqlQuery q(current.db());
        if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next() || q.value(0).toString() != QLatin1String("delete"))
            return refused(QStringLiteral("database_in_use"),
                           QStringLiteral("%1 is in use; stop joxai-server before restoring").arg(live));
    }

    // 3. Copy beside the database (same file system, so the rename is atomic), then swap.
    QSaveFile out(live + QStringLiteral(".restoring"));
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("cannot read %1: %2").arg(file, in.errorString()));
    {
        QFile(out.fileName()).remove();
        if (!out.open(QIODevice::WriteOnly))
            return failed(QStringLiteral("cannot write beside %1: %2").arg(live, out.errorString()));
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            if (chunk.isEmpty() || out.write(chunk) != chunk.size()) {
                out.cancelWriting();
                return failed(QStringLiteral("cannot copy %1: %2").arg(file, out.errorString()));
            }
        }
        if (!out.commit()) // fsync + rename to <database>.restoring
            return failed(QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    }
    const QString staged = live + QStringLiteral(".restoring");
    if (hadDatabase) {
        QFile::remove(kept);
        if (!QFile::rename(live, kept)) {
            QFile::remove(staged);
            return failed(QStringLiteral("cannot move %1 to %2").arg(live, kept));
        }
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"}) // leftovers of the old file, if any
        QFile::remove(live + QLatin1String(suffix));
    if (!QFile::rename(staged, live)) {
        if (hadDatabase)
            QFile::rename(kept, live);
        return failed(QStringLiteral("cannot move %1 into place").arg(staged));
    }

    RestoreReport report;
    report.schemaVersion = version;
    report.keptAs = hadDatabase ? kept : QString();
    SqliteFile restored(live, SqliteFile::Mode::ReadOnly);
    if (auto opened = restored.open(); !opened)
        return opened.error();
    auto rows = restored.rowCounts();
    if (!rows)
        return rows.error();
    report.rows = rows.value();
    return report;
}

// The schema version recorded in a pg_dump archive: its schema_migrations data, printed as SQL.
Result<int> dumpSchemaVersion(const DatabaseTarget &database, const QString &file)
{
    auto listed = runPgProgram(QStringLiteral("pg_restore"), {QStringLiteral("--list"), file}, database);
    if (!listed)
        return Error::make(ErrorKind::BadRequest, QStringLiteral("not_a_dump"),
                           QStringLiteral("%1 is not a pg_dump archive made by `joxai-server backup` (%2)")
                               .arg(file, listed.error().detail));
    if (!listed->out.contains("TABLE DATA public schema_migrations"))
        return Error::make(ErrorKind::BadRequest, QStringLiteral("not_joxai"),
                           QStringLiteral("%1 is a pg_dump archive but not of a JoxAI database").arg(file));
    auto data = runPgProgram(QStringLiteral("pg_restore"),
                             {QStringLiteral("--data-only"), QStringLiteral("--table=schema_migrations"),
                              QStringLiteral("--file=-"), file}, database);
    if (!data)
        return data.error();
    int version = 0;
    bool inCopy = false;
    for (const QByteArray &line : data->out.split('\n')) {
        if (line.startsWith("COPY ")) {
            inCopy = true;
            continue;
        }
        if (line == "\\.")
            inCopy = false;
        else if (inCopy)
            version = qMax(version, line.split('\t').value(0).toInt());
    }
    return version;
}

Result<RestoreReport> restorePostgres(const DatabaseTarget &database, const QString &file)
{
    if (!QFileInfo(file).isFile())
        return Error::make(ErrorKind::NotFound, QStringLiteral("no_file"),
                           QStringLiteral("%1 does not exist or is not a file").arg(file));
    auto version = dumpSchemaVersion(database, file);
    if (!version)
        return version.error();
    if (auto known = checkVersion(version.value(), true, file); !known)
        return known.error();

    Database db(database, 1);
    if (auto reachable = db.probe(); !reachable)
        return reachable.error();
    SqlSession s = db.session();
    auto others = s.scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                          "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                          "AND backend_type = 'client backend'"));
    if (!others)
        return others.error();
    if (const qint64 n = others->value_or(QVariant(0)).toLongLong(); n > 0)
        return refused(QStringLiteral("database_in_use"),
                       QStringLiteral("%1 other session(s) are connected to database %2; stop joxai-server before restoring")
                           .arg(n).arg(database.name));

    auto restored = runPgProgram(QStringLiteral("pg_restore"),
                                 {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                                  QStringLiteral("--single-transaction"), QStringLiteral("--exit-on-error"),
                                  QStringLiteral("--dbname=") + connectionString(database), file}, database);
    if (!restored)
        return restored.error();

    RestoreReport report;
    report.schemaVersion = version.value();
    auto rows = pgTableRowCounts(s);
    if (!rows)
        return rows.error();
    report.rows = rows.value();
    return report;
}

} // namespace

Result<RestoreReport> restoreDatabase(const DatabaseTarget &database, const QString &file)
{
    return database.isPostgres() ? restorePostgres(database, file) : restoreSqlite(database, file);
}

} // namespace joxai::datatools
