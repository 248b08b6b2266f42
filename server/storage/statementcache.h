#pragma once
// Statements prepared once per thread and connection, for queries on hot paths (knowledge search
// runs on every chat message). SqlSession::exec prepares, executes and frees a statement on every
// call; on PostgreSQL through QPSQL that is three round trips (PREPARE, EXECUTE, DEALLOCATE) and a
// new plan each time. A cached statement is one round trip and a reused plan.
//
// The cache is per thread (QtSql connections belong to one thread) and keyed by the connection's
// name, its native handle and, on PostgreSQL, the server process behind it, so a reconnected
// connection never meets a statement prepared on the one before. A statement that fails is
// dropped and the call is retried once through SqlSession::exec, which reports errors the usual
// way. Values are always bound; `sql` must be a constant text (it is part of the cache key).

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <functional>

namespace joxai {

class StatementCache final
{
public:
    // Executes `sql` with `values` and hands the query, positioned before its first row, to
    // `read`; the statement is reset afterwards (no read lock or open result stays behind).
    static Status run(SqlSession &s, const QString &sql, const QVariantList &values,
        const std::function<void(QSqlQuery &)> &read);
    // Drops this thread's statements; Database calls it before it closes the thread's connections.
    static void forgetThread();
    // Drops this thread's statements on connection `connectionName`. Database calls it before it
    // reopens a lost connection: a QPSQL statement frees itself (DEALLOCATE) through whatever
    // connection its driver holds when it goes, so one prepared before PostgreSQL restarted, freed
    // later inside a transaction on the new connection, fails there ("does not exist") and aborts
    // that transaction. Freed while the connection is closed, it only fails to reach the server.
    static void forgetConnection(const QString &connectionName);
};

} // namespace joxai
