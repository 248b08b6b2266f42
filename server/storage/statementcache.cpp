#include "server/storage/statementcache.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <memory>

namespace joxai {

namespace {

constexpr qsizetype kMaxStatementsPerThread = 64;

// This thread's prepared statements, by connection identity and SQL text. Declared after the
// first use of Database::session() on a thread, so destroyed before that thread's connections.
thread_local QHash<QString, std::shared_ptr<QSqlQuery>> t_statements;

QString connectionIdentity(SqlSession &s)
{
    QSqlDatabase &db = s.database();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    void *native = handle.isValid() ? *static_cast<void *const *>(handle.constData()) : nullptr;
    int backend = 0;
    if (native && s.isPostgres() && qstrcmp(handle.typeName(), "PGconn*") == 0)
        backend = PQbackendPID(static_cast<PGconn *>(native));
    return db.connectionName() + QLatin1Char('|') + QString::number(reinterpret_cast<quintptr>(native), 16)
        + QLatin1Char('|') + QString::number(backend) + QLatin1Char('|');
}

} // namespace

Status StatementCache::run(SqlSession &s, const QString &sql, const QVariantList &values,
    const std::function<void(QSqlQuery &)> &read)
{
    if (s.isOpen() && s.database().isOpen()) {
        const QString key = connectionIdentity(s) + sql;
        std::shared_ptr<QSqlQuery> q = t_statements.value(key);
        if (!q) {
            auto made = std::make_shared<QSqlQuery>(s.database());
            made->setForwardOnly(true);
            if (made->prepare(sql)) {
                if (t_statements.size() >= kMaxStatementsPerThread)
                    t_statements.clear();
                t_statements.insert(key, made);
                q = made;
            }
        }
        if (q) {
            for (qsizetype i = 0; i < values.size(); ++i)
                q->bindValue(int(i), values.at(i));
            if (q->exec()) {
                read(*q);
                q->finish();
                return success();
            }
            const QSqlError error = q->lastError();
            q->finish();
            t_statements.remove(key); // stale or broken: the plain path below says why
            // ... unless the statement itself was refused (a duplicate key, say): inside a
            // PostgreSQL transaction, now aborted, running it again would only fail with 25P02
            // (a 500) instead of the conflict the caller can act on.
            if (s.isConstraintViolation(error))
                return s.failure(error, sql);
        }
    }
    auto q = s.exec(sql, values);
    if (!q)
        return q.error();
    read(q.value());
    return success();
}

void StatementCache::forgetThread()
{
    t_statements.clear();
}

void StatementCache::forgetConnection(const QString &connectionName)
{
    const QString prefix = connectionName + QLatin1Char('|');
    for (auto it = t_statements.begin(); it != t_statements.end();)
        it = it.key().startsWith(prefix) ? t_statements.erase(it) : std::next(it);
}

} // namespace joxai
