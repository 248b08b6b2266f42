#include "server/datatools/datamigration.h"

#include "server/datatools/pgcatalog.h"
#include "server/datatools/sqlitefile.h"
#include "server/storage/database.h"
#include "server/storage/migrator.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace joxai::datatools {

namespace {

constexpr int kBatchRows = 200;

Error refused(const QString &code, const QString &detail)
{
    return Error::make(ErrorKind::Conflict, code, detail);
}

Error failed(const QString &detail)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("migration_failed"), detail);
}

// One SQLite value as the PostgreSQL column `type` takes it; an error names the bad value's place.
Result<QVariant> convert(const QVariant &value, const QString &type)
{
    if (value.isNull())
        return QVariant();
    if (type == QLatin1String("boolean")) {
        if (value.typeId() == QMetaType::QString) {
            const QString t = value.toString().toLower();
            if (t == QLatin1String("true") || t == QLatin1String("1"))
                return QVariant(true);
            if (t == QLatin1String("false") || t == QLatin1String("0"))
                return QVariant(false);
            return Error::make(ErrorKind::BadRequest, QStringLiteral("bad_value"), QStringLiteral("not a boolean"));
        }
        return QVariant(value.toLongLong() != 0);
    }
    if (type.startsWith(QLatin1String("timestamp"))) {
        // Written by this program: ISO 8601 in UTC. Anything else SQLite defaulted to (such as
        // "2026-11-25 17:40:00", also UTC) is left to PostgreSQL's parser, which names a bad one.
        const QDateTime t = SqlSession::readTime(value);
        return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant(value.toString() + QStringLiteral("+00"));
    }
    if (type == QLatin1String("jsonb") || type == QLatin1String("json")) {
        const QByteArray text = value.toString().toUtf8();
        if (QJsonDocument::fromJson(text).isNull() && text.trimmed() != "null")
            return Error::make(ErrorKind::BadRequest, QStringLiteral("bad_value"), QStringLiteral("not JSON"));
        return QVariant(QString::fromUtf8(text));
    }
    return value;
}

struct CopyPlan
{
    QString table;
    QStringList columns;
    QStringList types;
    bool identity = false;
};

// INSERT for `rows` rows: every value cast to its column's type, so text becomes timestamptz/jsonb.
QString insertSql(const CopyPlan &plan, int rows)
{
    QStringList one;
    for (const QString &type : plan.types)
        one << QStringLiteral("CAST(? AS %1)").arg(type);
    const QString tuple = QLatin1Char('(') + one.join(QLatin1String(", ")) + QLatin1Char(')');
    QStringList quoted;
    for (const QString &c : plan.columns)
        quoted << QLatin1Char('"') + c + QLatin1Char('"');
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples << tuple;
    return QStringLiteral("INSERT INTO \"%1\" (%2)%3 VALUES %4")
        .arg(plan.table, quoted.join(QLatin1String(", ")),
             plan.identity ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString(), tuples.join(QLatin1String(", ")));
}

Result<qint64> copyTable(SqliteFile &source, SqlSession &target, const CopyPlan &plan)
{
    QStringList quoted;
    for (const QString &c : plan.columns)
        quoted << QLatin1Char('"') + c + QLatin1Char('"');
    QSqlQuery rows(source.db());
    rows.setForwardOnly(true);
    // rowid order: parents referenced within one table (none today) come first, ids ascend.
    if (!rows.exec(QStringLiteral("SELECT %1 FROM \"%2\" ORDER BY rowid").arg(quoted.join(QLatin1String(", ")), plan.table)))
        return failed(QStringLiteral("cannot read %1: %2").arg(plan.table, rows.lastError().text()));
    const QString fullBatch = insertSql(plan, kBatchRows);
    QVariantList values;
    int pending = 0;
    qint64 copied = 0;
    auto flush = [&]() -> Status {
        if (pending == 0)
            return success();
        auto done = target.exec(pending == kBatchRows ? fullBatch : insertSql(plan, pending), values);
        if (!done)
            return failed(QStringLiteral("cannot insert into %1 on the target: %2")
                              .arg(plan.table, done.error().detail));
        copied += pending;
        values.clear();
        pending = 0;
        return success();
    };
    while (rows.next()) {
        for (int i = 0; i < plan.columns.size(); ++i) {
            auto value = convert(rows.value(i), plan.types.at(i));
            if (!value)
                return failed(QStringLiteral("%1.%2 of row %3 is %4: %5")
                                  .arg(plan.table, plan.columns.at(i), rows.value(0).toString(), value.error().detail,
                                       rows.value(i).toString().left(60)));
            values << value.value();
        }
        if (++pending == kBatchRows)
            if (auto sent = flush(); !sent)
                return sent.error();
    }
    if (auto sent = flush(); !sent)
        return sent.error();
    return copied;
}

// The columns to copy: the target's non-generated ones. A source column the target lacks would
// lose data, so it stops the migration.
Result<CopyPlan> planTable(SqliteFile &source, SqlSession &target, const QString &table)
{
    auto columns = pgColumns(target, table);
    if (!columns)
        return columns.error();
    const QSqlRecord record = source.db().record(table);
    QSet<QString> sourceColumns;
    for (int i = 0; i < record.count(); ++i)
        sourceColumns.insert(record.fieldName(i));
    CopyPlan plan{table, {}, {}, false};
    QSet<QString> targetColumns;
    for (const PgColumn &c : columns.value()) {
        targetColumns.insert(c.name);
        if (c.generated || !sourceColumns.contains(c.name))
            continue;
        plan.columns << c.name;
        plan.types << c.type;
        plan.identity = plan.identity || c.identity;
    }
    for (const QString &name : sourceColumns)
        if (!targetColumns.contains(name))
            return failed(QStringLiteral("the SQLite column %1.%2 has no counterpart on PostgreSQL").arg(table, name));
    return plan;
}

} // namespace

bool MigrationReport::countsMatch() const
{
    for (const TableCount &c : counts)
        if (c.source != c.target)
            return false;
    return true;
}

Result<MigrationReport> migrateData(const DatabaseTarget &sourceTarget, const DatabaseTarget &targetTarget)
{
    if (sourceTarget.isPostgres())
        return Error::make(ErrorKind::BadRequest, QStringLiteral("source_not_sqlite"),
                           QStringLiteral("migrate-data moves a SQLite database, but DATABASE_URL already points to PostgreSQL"));
    if (!targetTarget.isPostgres())
        return Error::make(ErrorKind::BadRequest, QStringLiteral("target_not_postgres"),
                           QStringLiteral("--to must be a postgresql:// URL"));

    SqliteFile source(sourceTarget.sqlitePath, SqliteFile::Mode::ReadWrite);
    if (auto opened = source.open(); !opened)
        return opened.error();
    auto version = source.schemaVersion();
    if (!version)
        return version.error();
    const int newest = newestSchemaVersion(false);
    if (version.value() != newest)
        return refused(QStringLiteral("schema_mismatch"),
                       QStringLiteral("the SQLite database has schema version %1 but this program's is %2; start this "
                                      "joxai-server once on it (it upgrades the schema) and stop it, then migrate")
                           .arg(version.value()).arg(newest));
    auto sourceTables = source.tables();
    if (!sourceTables)
        return sourceTables.error();
    // One read transaction: the copy and its counts see one snapshot even if something writes.
    if (auto begun = source.exec(QStringLiteral("BEGIN")); !begun)
        return begun.error();

    Database db(targetTarget, 1);
    if (auto reachable = db.probe(); !reachable)
        return reachable.error();
    SqlSession target = db.session();
    if (auto migrated = Migrator().migrate(target); !migrated)
        return migrated.error();
    auto ordered = pgTablesInDependencyOrder(target);
    if (!ordered)
        return ordered.error();
    QStringList tables = ordered.value();
    tables.removeAll(QStringLiteral("schema_migrations")); // the Migrator wrote the target's own
    for (const QString &t : sourceTables.value())
        if (t != QLatin1String("schema_migrations") && !tables.contains(t))
            return failed(QStringLiteral("the SQLite table %1 has no counterpart on PostgreSQL").arg(t));

    auto before = pgRowCounts(target, tables);
    if (!before)
        return before.error();
    QStringList occupied;
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        if (it.value() > 0)
            occupied << QStringLiteral("%1 (%2 rows)").arg(it.key()).arg(it.value());
    if (!occupied.isEmpty())
        return refused(QStringLiteral("target_not_empty"),
                       QStringLiteral("the target database %1 already has data in %2; migrate into an empty database "
                                      "(a joxai-server started on it seeds its own data)")
                           .arg(targetTarget.name, occupied.join(QLatin1String(", "))));

    auto copied = target.transaction<bool>([&]() -> Result<bool> {
        for (const QString &table : tables) {
            if (!sourceTables->contains(table))
                continue; // a table only PostgreSQL has stays empty
            auto plan = planTable(source, target, table);
            if (!plan)
                return plan.error();
            if (auto done = copyTable(source, target, plan.value()); !done)
                return done.error();
            if (plan->identity) {
                // Next id = largest copied + 1, so new rows never collide with moved ones.
                auto reset = target.exec(QStringLiteral(
                    "SELECT setval(pg_get_serial_sequence('\"%1\"', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \"%1\"")
                                             .arg(table));
                if (!reset)
                    return reset.error();
            }
        }
        return true;
    });
    if (!copied)
        return copied.error();

    auto sourceCounts = source.rowCounts();
    if (!sourceCounts)
        return sourceCounts.error();
    (void)source.exec(QStringLiteral("COMMIT"));
    auto targetCounts = pgRowCounts(target, tables);
    if (!targetCounts)
        return targetCounts.error();
    MigrationReport report;
    report.schemaVersion = version.value();
    for (const QString &table : tables)
        report.counts.append({table, sourceCounts->value(table), targetCounts->value(table)});
    return report;
}

} // namespace joxai::datatools
