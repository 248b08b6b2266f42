#include "app/server/datacommands.h"

#include "server/config/configloader.h"
#include "server/datatools/backup.h"
#include "server/datatools/datamigration.h"
#include "server/datatools/restore.h"

#include <QLocale>

#include <cstdio>

namespace joxai::cli {

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

int fail(const Error &error)
{
    std::fprintf(stderr, "joxai-server: %s\n", qPrintable(error.detail));
    // Bad arguments or files are the operator's to fix (2); anything else is a failure (1).
    return error.kind == ErrorKind::BadRequest ? 2 : 1;
}

qint64 total(const QMap<QString, qint64> &rows)
{
    qint64 sum = 0;
    for (qint64 n : rows)
        sum += n;
    return sum;
}

void printRows(const QMap<QString, qint64> &rows)
{
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        say(QStringLiteral("  %1 %2").arg(it.key(), -22).arg(it.value(), 10));
}

QString where(const DatabaseTarget &db)
{
    return db.isPostgres() ? QStringLiteral("PostgreSQL database %1 on %2:%3").arg(db.name, db.host).arg(db.port)
                           : QStringLiteral("SQLite database %1").arg(db.sqlitePath);
}

int backup(const DataCommand &command, const Config &config)
{
    auto report = datatools::backupDatabase(config.database, command.file, command.force);
    if (!report)
        return fail(report.error());
    say(QStringLiteral("Backup of the %1 written to %2: %3 bytes, schema version %4, %5 tables, %6 rows.")
            .arg(where(config.database), report->path).arg(report->bytes).arg(report->schemaVersion)
            .arg(report->rows.size()).arg(total(report->rows)));
    printRows(report->rows);
    say(QStringLiteral("Keep SECRET_KEY (or %1/secret_key) with it: secret settings are encrypted with it.")
            .arg(config.dataDir));
    return 0;
}

int restore(const DataCommand &command, const Config &config)
{
    auto report = datatools::restoreDatabase(config.database, command.file);
    if (!report)
        return fail(report.error());
    say(QStringLiteral("Restored %1 into the %2: schema version %3, %4 tables, %5 rows.")
            .arg(command.file, where(config.database)).arg(report->schemaVersion).arg(report->rows.size())
            .arg(total(report->rows)));
    printRows(report->rows);
    if (!report->keptAs.isEmpty())
        say(QStringLiteral("The replaced database was kept as %1.").arg(report->keptAs));
    return 0;
}

int migrate(const DataCommand &command, const Config &config)
{
    auto to = ConfigLoader::parseDatabaseUrl(command.to, config.dataDir);
    if (!to)
        return fail(Error::make(ErrorKind::BadRequest, QStringLiteral("bad_url"),
                                QStringLiteral("--to is not a valid database URL: ") + to.error().detail));
    auto report = datatools::migrateData(config.database, to.value());
    if (!report)
        return fail(report.error());
    say(QStringLiteral("Copied the %1 into the %2 (schema version %3):")
            .arg(where(config.database), where(to.value())).arg(report->schemaVersion));
    say(QStringLiteral("  %1 %2 %3").arg(QStringLiteral("table"), -22).arg(QStringLiteral("sqlite"), 10)
            .arg(QStringLiteral("postgresql"), 10));
    for (const datatools::TableCount &c : report->counts)
        say(QStringLiteral("  %1 %2 %3%4").arg(c.table, -22).arg(c.source, 10).arg(c.target, 10)
                .arg(c.source == c.target ? QString() : QStringLiteral("  MISMATCH")));
    if (!report->countsMatch()) {
        std::fprintf(stderr, "joxai-server: the row counts differ between the two databases (marked MISMATCH); "
                             "do not switch DATABASE_URL to the target\n");
        return 1;
    }
    say(QStringLiteral("All row counts match. Set DATABASE_URL to the new database and start joxai-server."));
    return 0;
}

} // namespace

QString checkArguments(const DataCommand &command)
{
    if (command.name == QLatin1String("backup") || command.name == QLatin1String("restore")) {
        if (command.file.isEmpty())
            return QStringLiteral("%1 needs a FILE: joxai-server %1 FILE").arg(command.name);
        if (command.name == QLatin1String("restore") && !command.yes)
            return QStringLiteral("restore replaces every row of the configured database; add --yes to confirm");
        return {};
    }
    if (command.name == QLatin1String("migrate-data"))
        return command.to.isEmpty() ? QStringLiteral("migrate-data needs --to postgresql://user:password@host/database")
                                    : QString();
    return QStringLiteral("unknown command '%1' (commands: backup FILE, restore FILE, migrate-data --to URL)")
        .arg(command.name);
}

int runDataCommand(const DataCommand &command, const Config &config)
{
    if (command.name == QLatin1String("backup"))
        return backup(command, config);
    if (command.name == QLatin1String("restore"))
        return restore(command, config);
    return migrate(command, config);
}

} // namespace joxai::cli
