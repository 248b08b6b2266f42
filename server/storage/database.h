#pragma once
// Owns the database worker pool. Each worker thread keeps its own QSqlDatabase connection (QtSql
// connections may only be used by the thread that made them); work is handed in as a function
// and its Result comes back on the caller's thread through a context object.

#include "server/config/config.h"
#include "server/core/requestscope.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace joxai {

class Database final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Database)

public:
    Database(DatabaseTarget target, int workerThreads, QObject *parent = nullptr);
    ~Database() override;

    Dialect dialect() const;
    const DatabaseTarget &target() const { return m_target; }

    // Opens a connection on the calling thread and checks the server answers (start-up check).
    Status probe();

    // A session on the calling thread's own connection (start-up, migrations, tests, workers).
    SqlSession session();

    // Runs `work` on a worker thread; `done` is called on `context`'s thread unless `context` is
    // gone by then. A full pool queues the work (the queue is the back-pressure).
    template<typename T>
    void run(QObject *context, std::function<Result<T>(SqlSession &)> work,
             std::function<void(Result<T>)> done)
    {
        runOn(m_pool, context, std::move(work), std::move(done));
    }

    // The same on another pool (the bcrypt pool): its threads get their own connections too.
    template<typename T>
    void runOn(QThreadPool &pool, QObject *context, std::function<Result<T>(SqlSession &)> work,
               std::function<void(Result<T>)> done)
    {
        QPointer<QObject> guard(context);
        // The request being served when the work is queued: its id goes on every line the work
        // and its completion log (both run outside the dispatch that queued them).
        QByteArray requestId = RequestScope::current();
        pool.start([this, guard, requestId, work = std::move(work), done = std::move(done)]() mutable {
            const RequestScope scope(requestId);
            SqlSession s = session();
            auto result = std::make_shared<Result<T>>(work(s));
            noteOutcome(result->ok() || result->error().kind != ErrorKind::Unavailable);
            if (!guard)
                return;
            QMetaObject::invokeMethod(guard.data(), [guard, requestId, done = std::move(done), result]() {
                const RequestScope scope(requestId);
                if (guard)
                    done(std::move(*result));
            }, Qt::QueuedConnection);
        });
    }

    // Last known reachability (updated by every piece of work and by the health probe).
    bool isHealthy() const { return m_healthy.load(std::memory_order_relaxed); }
    int activeWorkers() const { return m_pool.activeThreadCount(); }
    int maxWorkers() const { return m_pool.maxThreadCount(); }
    // Waits for queued work to finish (shutdown, tests).
    void waitForIdle();

private:
    void noteOutcome(bool reachable);

    DatabaseTarget m_target;
    quint64 m_instanceId;
    QThreadPool m_pool;
    std::atomic<bool> m_healthy{true};
};

} // namespace joxai
