#include "server/storage/migrator.h"

#include "server/core/logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace joxai {

Migrator::Migrator(QString resourceRoot) : m_root(std::move(resourceRoot)) {}

QList<Migration> Migrator::available(Dialect dialect) const
{
    const QString dir = m_root + (dialect == Dialect::Postgres ? QStringLiteral("/postgresql")
                                                               : QStringLiteral("/sqlite"));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> list;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto m = pattern.match(file);
        if (!m.hasMatch()) {
            qCWarning(lcStorage) << "ignoring a migration file with an unexpected name:" << file;
            continue;
        }
        QFile f(dir + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        list.append({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(list.begin(), list.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return list;
}

QStringList Migrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inDollar = false;
    bool inTrigger = false;
    static const QRegularExpression triggerStart(QStringLiteral("^\\s*CREATE\\s+TRIGGER\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression triggerBodyStart(QStringLiteral("\\bBEGIN\\s*$"),
                                                     QRegularExpression::CaseInsensitiveOption);
    bool triggerHasBody = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (current.trimmed().isEmpty() && (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))))
            continue;
        if (current.trimmed().isEmpty()) {
            inTrigger = triggerStart.match(line).hasMatch();
            triggerHasBody = false;
        }
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (inTrigger && triggerBodyStart.match(trimmed).hasMatch())
            triggerHasBody = true;
        if (inDollar || !trimmed.endsWith(QLatin1Char(';')))
            continue;
        if (inTrigger && triggerHasBody && trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) != 0)
            continue;
        QString statement = current.trimmed();
        statement.chop(1); // the ';'
        statements << statement;
        current.clear();
        inTrigger = false;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<QList<int>> Migrator::migrate(SqlSession &s) const
{
    const QList<Migration> migrations = available(s.dialect());
    if (migrations.isEmpty())
        return Error::make(ErrorKind::Internal, QStringLiteral("no_migrations"),
                           QStringLiteral("no migrations are compiled into this program"));
    const int newest = migrations.last().version;

    const QString createTable = s.isPostgres()
        ? QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                         "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
        : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                         "name text NOT NULL, applied_at text NOT NULL DEFAULT "
                         "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    if (auto made = s.execRaw(createTable); !made)
        return made.error();

    QList<int> applied;
    for (const Migration &m : migrations) {
        auto step = s.transaction<bool>([&]() -> Result<bool> {
            // Several instances may start at once on one PostgreSQL: one migrates, the others wait.
            if (s.isPostgres())
                if (auto locked = s.execRaw(QStringLiteral("SELECT pg_advisory_xact_lock(74221)")); !locked)
                    return locked.error();
            auto current = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
            if (!current)
                return current.error();
            const int version = current->value_or(QVariant(0)).toInt();
            if (version > newest)
                return Error::make(ErrorKind::Conflict, QStringLiteral("schema_too_new"),
                                   QStringLiteral("the database schema is version %1, newer than this program "
                                                  "knows (%2); install a newer joxai-server")
                                       .arg(version).arg(newest));
            if (m.version <= version)
                return false;
            for (const QString &statement : splitStatements(m.sql)) {
                if (auto done = s.execRaw(statement); !done) {
                    Error e = done.error();
                    e.detail = QStringLiteral("migration %1_%2 failed; the database was left as it was")
                                   .arg(m.version, 4, 10, QLatin1Char('0')).arg(m.name);
                    return e;
                }
            }
            auto recorded = s.exec(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                                   {m.version, m.name});
            if (!recorded)
                return recorded.error();
            return true;
        });
        if (!step)
            return step.error();
        if (step.value()) {
            qCInfo(lcStorage) << "applied migration" << m.version << m.name;
            applied << m.version;
        }
    }
    // A newer database is refused even when this program has nothing left to apply.
    auto current = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!current)
        return current.error();
    if (current->value_or(QVariant(0)).toInt() > newest)
        return Error::make(ErrorKind::Conflict, QStringLiteral("schema_too_new"),
                           QStringLiteral("the database schema is version %1, newer than this program knows "
                                          "(%2); install a newer joxai-server")
                               .arg(current->value_or(QVariant(0)).toInt()).arg(newest));
    return applied;
}

} // namespace joxai
