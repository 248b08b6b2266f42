#include "server/datatools/sqlitefile.h"

#include "server/storage/migrator.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace joxai::datatools {

namespace {

Error failed(const QString &detail)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("sqlite_failed"), detail);
}

} // namespace

SqliteFile::SqliteFile(const QString &path, Mode mode, int busyTimeoutMs)
    : m_path(path), m_name(QStringLiteral("joxai-datatools-") + QUuid::createUuid().toString(QUuid::Id128)),
      m_mode(mode), m_busyTimeoutMs(busyTimeoutMs)
{
}

SqliteFile::~SqliteFile()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

Status SqliteFile::open()
{
    if (!QFileInfo(m_path).isFile())
        return Error::make(ErrorKind::NotFound, QStringLiteral("no_file"),
                           QStringLiteral("%1 does not exist or is not a file").arg(m_path));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs);
    if (m_mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return failed(QStringLiteral("cannot open %1: %2").arg(m_path, m_db.lastError().text()));
    return success();
}

Status SqliteFile::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return failed(q.lastError().databaseText().isEmpty() ? q.lastError().text() : q.lastError().databaseText());
    return success();
}

Result<int> SqliteFile::schemaVersion()
{
    QSqlQuery q(m_db);
    // Any query on a file that is not SQLite fails with "file is not a database".
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")))
        return Error::make(ErrorKind::BadRequest, QStringLiteral("not_sqlite"),
                           QStringLiteral("%1 is not a SQLite database (%2)").arg(m_path, q.lastError().databaseText()));
    if (!q.next() || q.value(0).toInt() != 1)
        return Error::make(ErrorKind::BadRequest, QStringLiteral("not_joxai"),
                           QStringLiteral("%1 is a SQLite database but not a JoxAI one (it has no schema_migrations table)")
                               .arg(m_path));
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !q.next())
        return failed(QStringLiteral("cannot read the schema version of %1: %2").arg(m_path, q.lastError().text()));
    return q.value(0).toInt();
}

Result<QStringList> SqliteFile::tables()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return failed(QStringLiteral("cannot list the tables of %1: %2").arg(m_path, q.lastError().text()));
    QStringList all;
    QStringList virtualTables;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (name.startsWith(QLatin1String("sqlite_")))
            continue;
        if (q.value(1).toString().trimmed().startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive))
            virtualTables << name;
        else
            all << name;
    }
    QStringList mine;
    for (const QString &name : all) {
        bool shadow = false;
        for (const QString &v : virtualTables)
            shadow = shadow || name.startsWith(v + QLatin1Char('_'));
        if (!shadow)
            mine << name;
    }
    return mine;
}

Result<QMap<QString, qint64>> SqliteFile::rowCounts()
{
    auto names = tables();
    if (!names)
        return names.error();
    QMap<QString, qint64> counts;
    QSqlQuery q(m_db);
    for (const QString &table : names.value()) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)) || !q.next())
            return failed(QStringLiteral("cannot count the rows of %1: %2").arg(table, q.lastError().text()));
        counts.insert(table, q.value(0).toLongLong());
    }
    return counts;
}

Status SqliteFile::quickCheck()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        return failed(QStringLiteral("cannot check %1: %2").arg(m_path, q.lastError().text()));
    const QString verdict = q.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return failed(QStringLiteral("%1 is damaged: %2").arg(m_path, verdict));
    return success();
}

int newestSchemaVersion(bool postgres)
{
    const QList<Migration> all = Migrator().available(postgres ? Dialect::Postgres : Dialect::Sqlite);
    return all.isEmpty() ? 0 : all.last().version;
}

} // namespace joxai::datatools
