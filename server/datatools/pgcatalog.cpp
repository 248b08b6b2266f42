#include "server/datatools/pgcatalog.h"

#include <QSet>

namespace joxai::datatools {

Result<QStringList> pgTablesInDependencyOrder(SqlSession &s)
{
    auto listed = s.exec(QStringLiteral(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname"));
    if (!listed)
        return listed.error();
    QStringList names;
    while (listed->next())
        names << listed->value(0).toString();

    auto refs = s.exec(QStringLiteral(
        "SELECT child.relname, parent.relname FROM pg_constraint k "
        "JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid "
        "JOIN pg_namespace n ON n.oid = child.relnamespace "
        "WHERE k.contype = 'f' AND n.nspname = current_schema()"));
    if (!refs)
        return refs.error();
    QMap<QString, QSet<QString>> parents;
    while (refs->next())
        if (refs->value(0).toString() != refs->value(1).toString()) // a self-reference orders nothing
            parents[refs->value(0).toString()].insert(refs->value(1).toString());

    // Repeatedly take, in name order, every table whose parents are all taken.
    QStringList ordered;
    QSet<QString> done;
    while (ordered.size() < names.size()) {
        bool progressed = false;
        for (const QString &name : names) {
            if (done.contains(name))
                continue;
            bool ready = true;
            for (const QString &parent : parents.value(name))
                ready = ready && (done.contains(parent) || !names.contains(parent));
            if (ready) {
                ordered << name;
                done.insert(name);
                progressed = true;
            }
        }
        if (!progressed)
            return Error::make(ErrorKind::Internal, QStringLiteral("fk_cycle"),
                               QStringLiteral("the tables' foreign keys form a cycle; cannot order the copy"));
    }
    return ordered;
}

Result<QList<PgColumn>> pgColumns(SqlSession &s, const QString &table)
{
    auto q = s.exec(QStringLiteral(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> '', a.attgenerated <> '' "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum"), {table});
    if (!q)
        return q.error();
    QList<PgColumn> columns;
    while (q->next())
        columns.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toBool(), q->value(3).toBool()});
    return columns;
}

Result<QMap<QString, qint64>> pgRowCounts(SqlSession &s, const QStringList &tables)
{
    QMap<QString, qint64> counts;
    for (const QString &table : tables) {
        auto n = s.scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table));
        if (!n)
            return n.error();
        counts.insert(table, n->value_or(QVariant(0)).toLongLong());
    }
    return counts;
}

Result<QMap<QString, qint64>> pgTableRowCounts(SqlSession &s)
{
    auto tables = pgTablesInDependencyOrder(s);
    if (!tables)
        return tables.error();
    return pgRowCounts(s, tables.value());
}

} // namespace joxai::datatools
