#include "server/storage/database.h"

#include "server/core/logging.h"
#include "server/storage/statementcache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadStorage>

#include <map>

namespace joxai {

namespace {

std::atomic<quint64> g_nextInstance{1};

// The connections this thread opened, by Database instance. Removed when the thread ends, on the
// thread that owns them (QtSql requires it). Held in a QThreadStorage, not a thread_local: Qt
// destroys QThreadStorage data inside the thread before QThread::wait() returns, while C++
// thread_local destructors run after it, racing the process's own exit (a pool thread still
// closing its PostgreSQL statements while main() unloads the driver crashed at shutdown).
struct ThreadConnections
{
    std::map<quint64, QString> names;
    ~ThreadConnections()
    {
        StatementCache::forgetThread(); // its statements go before the connections they run on
        for (const auto &[id, name] : names) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

QThreadStorage<ThreadConnections *> s_connections;

ThreadConnections &threadConnections()
{
    if (!s_connections.hasLocalData())
        s_connections.setLocalData(new ThreadConnections);
    return *s_connections.localData();
}

} // namespace

Database::Database(DatabaseTarget target, int workerThreads, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_instanceId(g_nextInstance++)
{
    m_pool.setMaxThreadCount(qMax(1, workerThreads));
    m_pool.setExpiryTimeout(-1); // keep threads (and their connections) for the pool's lifetime
    m_pool.setObjectName(QStringLiteral("joxai-db"));
}

Database::~Database()
{
    m_pool.clear();
    m_pool.waitForDone();
    // Pool threads drop their connections when they end; drop this thread's own one here.
    ThreadConnections &mine = threadConnections();
    auto it = mine.names.find(m_instanceId);
    if (it != mine.names.end()) {
        StatementCache::forgetThread();
        const QString name = it->second;
        mine.names.erase(it);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Dialect Database::dialect() const
{
    return m_target.isPostgres() ? Dialect::Postgres : Dialect::Sqlite;
}

SqlSession Database::session()
{
    QString &name = threadConnections().names[m_instanceId];
    if (name.isEmpty()) {
        name = QStringLiteral("joxai-%1-%2").arg(m_instanceId).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
        QSqlDatabase db = QSqlDatabase::addDatabase(
            m_target.isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (m_target.isPostgres()) {
            db.setHostName(m_target.host);
            db.setPort(m_target.port);
            db.setUserName(m_target.user);
            db.setPassword(m_target.password);
            db.setDatabaseName(m_target.name);
            QString options = QStringLiteral("connect_timeout=3");
            if (!m_target.options.isEmpty())
                options += QLatin1Char(';') + m_target.options;
            db.setConnectOptions(options);
        } else {
            db.setDatabaseName(m_target.sqlitePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isOpen()) {
        // Statements prepared on the connection before (lost) go while it is still closed.
        StatementCache::forgetConnection(name);
        if (!db.open()) {
            qCWarning(lcStorage).noquote() << "cannot open the database:" << SqlSession::loggable(db.lastError());
            noteOutcome(false);
            return SqlSession(db, dialect(), Error::unavailable());
        }
        if (!m_target.isPostgres()) {
            QSqlQuery q(db);
            // WAL lets readers work beside the writer; FULL survives power loss, not only crashes.
            for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                                       "PRAGMA synchronous=FULL"}) {
                if (!q.exec(QLatin1String(pragma)))
                    qCWarning(lcStorage).noquote() << pragma << "failed:" << SqlSession::loggable(q.lastError());
            }
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        }
    }
    return SqlSession(db, dialect());
}

Status Database::probe()
{
    SqlSession s = session();
    if (!s.isOpen())
        return Error::make(ErrorKind::Unavailable, QStringLiteral("database_unavailable"),
                           m_target.isPostgres()
                               ? QStringLiteral("cannot connect to PostgreSQL at %1:%2 (database %3): %4")
                                     .arg(m_target.host).arg(m_target.port).arg(m_target.name,
                                          s.database().lastError().text().simplified())
                               : QStringLiteral("cannot open the SQLite file %1: %2")
                                     .arg(m_target.sqlitePath, s.database().lastError().text()));
    auto one = s.scalar(QStringLiteral("SELECT 1"));
    if (!one)
        return one.error();
    return success();
}

void Database::waitForIdle()
{
    m_pool.waitForDone();
}

void Database::noteOutcome(bool reachable)
{
    m_healthy.store(reachable, std::memory_order_relaxed);
}

} // namespace joxai
