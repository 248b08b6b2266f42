// Database: work runs on pool threads with their own connections, results come back on the
// caller's thread, a vanished caller is never called back, the start-up probe says clearly what it
// could not reach, and a reopened connection never meets statements cached on the one before.

#include "server/storage/database.h"
#include "server/storage/migrator.h"
#include "server/storage/statementcache.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace joxai;
using namespace joxai::test;

namespace {

struct WorkerReport
{
    QThread *thread = nullptr;
    QString connection;
    int answer = 0;
};

// A loopback port nobody listens on (bound a moment ago by us, then released).
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestDatabaseRun : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        m_db = std::make_unique<Database>(m_test.target(), 2);
        QCOMPARE(m_db->dialect(), m_test.isPostgres() ? Dialect::Postgres : Dialect::Sqlite);
        QCOMPARE(m_db->maxWorkers(), 2);
        QVERIFY(m_db->probe().ok());
        SqlSession s = m_db->session();
        auto migrated = Migrator().migrate(s);
        QVERIFY2(migrated.ok(), qPrintable(migrated.error().detail));
    }

    void cleanupTestCase() { m_db.reset(); }

    // isoTime is written by hand for speed: it must give exactly what Qt's ISO format gives, and
    // a time stored and read back through this database must come out as the same UTC text.
    void timesAreWrittenAsQtWritesThemAndReadBackAsUtc()
    {
        const QList<QDateTime> instants {
            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
            QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(2024, 12, 31), QTime(0, 0, 1, 500), Qt::UTC),
            QDateTime(QDate(2100, 3, 1), QTime(12, 0), Qt::UTC),
            QDateTime(QDate(2026, 11, 26), QTime(3, 45, 7, 42), Qt::OffsetFromUTC, 3600),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59), Qt::UTC), // outside the fast path
            QDateTime(QDate(1900, 2, 28), QTime(1, 2, 3), Qt::UTC),
        };
        for (const QDateTime &t : instants)
            QCOMPARE(SqlSession::isoTime(t), t.toUTC().toString(Qt::ISODate));
        for (qint64 day = 0; day < 200 * 366; day += 7) { // every week of two centuries
            const QDateTime t
                = QDateTime::fromMSecsSinceEpoch(day * 86400000 + day * 1237 % 86400000, Qt::UTC);
            QCOMPARE(SqlSession::isoTime(t), t.toString(Qt::ISODate));
        }
        QCOMPARE(SqlSession::isoTime(QDateTime()), QString());

        SqlSession s = m_db->session();
        const QDateTime stored(QDate(2026, 2, 28), QTime(22, 30, 15, 250), Qt::OffsetFromUTC, -7200);
        // On PostgreSQL a timestamptz, as the tables hold them; on SQLite the stored text.
        auto q = s.exec(m_test.isPostgres() ? QStringLiteral("SELECT CAST(? AS timestamptz)")
                                            : QStringLiteral("SELECT ?"),
            { s.time(stored) });
        QVERIFY(q.ok() && q->next());
        const QDateTime back = SqlSession::readTime(q->value(0));
        QCOMPARE(back.timeSpec(), Qt::UTC);
        QCOMPARE(back, stored);
        QCOMPARE(SqlSession::isoTime(back), QStringLiteral("2026-03-01T00:30:15Z"));

        // Times read as text (list pages cast them): this database's own text comes back the same.
        auto asText
            = s.exec(m_test.isPostgres() ? QStringLiteral("SELECT CAST(CAST(? AS timestamptz) AS text)")
                                         : QStringLiteral("SELECT CAST(? AS text)"),
                { s.time(stored) });
        QVERIFY(asText.ok() && asText->next());
        QCOMPARE(asText->value(0).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(SqlSession::readTime(asText->value(0)), stored);
        QCOMPARE(SqlSession::readTime(asText->value(0)).timeSpec(), Qt::UTC);
        // The forms either database writes, parsed by hand, agree with Qt's own reading.
        const QDateTime expected(QDate(2026, 3, 1), QTime(0, 30, 15, 250), Qt::UTC);
        for (const char *text :
            { "2026-03-01 00:30:15.25+00", "2026-03-01T00:30:15.250Z", "2026-03-01 00:30:15.2496",
                "2026-02-28T22:30:15.25-02:00", "2026-03-01 05:30:15.25+0500", "2026-03-01 02:30:15.25+02" })
            QCOMPARE(SqlSession::readTime(QString::fromLatin1(text)), expected);
        QCOMPARE(SqlSession::readTime(QStringLiteral("2026-03-01 00:30:15+00")), expected.addMSecs(-250));
        QCOMPARE(SqlSession::readTime(
                     QStringLiteral("1969-12-31T23:59:59Z")), // before the hand-written range: Qt's
            QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59), Qt::UTC));
        QVERIFY(!SqlSession::readTime(QStringLiteral("2026-02-30 10:00:00+00")).isValid());
        QVERIFY(!SqlSession::readTime(QStringLiteral("not a time")).isValid());
    }

    void runDeliversTheResultOnTheCallingThread()
    {
        QObject context;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        std::optional<Result<qint64>> delivered;
        m_db->run<qint64>(
            &context,
            [&workThread](SqlSession &s) -> Result<qint64> {
                workThread = QThread::currentThread();
                auto n = s.scalar(QStringLiteral("SELECT 40 + 2"));
                if (!n)
                    return n.error();
                return n->value_or(QVariant()).toLongLong();
            },
            [&](Result<qint64> r) {
                doneThread = QThread::currentThread();
                delivered = std::move(r);
            });
        QTRY_VERIFY(delivered.has_value());
        QVERIFY(delivered->ok());
        QCOMPARE(delivered->value(), qint64(42));
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(workThread != nullptr);
        QVERIFY(workThread != QThread::currentThread());
    }

    void runDeliversErrorsToo()
    {
        QObject context;
        std::optional<Result<int>> delivered;
        m_db->run<int>(
            &context,
            [](SqlSession &s) -> Result<int> {
                auto q = s.exec(QStringLiteral("SELECT * FROM no_such_table"));
                if (!q)
                    return q.error();
                return 1;
            },
            [&](Result<int> r) { delivered = std::move(r); });
        QTRY_VERIFY(delivered.has_value());
        QVERIFY(!delivered->ok());
        QCOMPARE(delivered->error().kind, ErrorKind::Internal);
        QVERIFY(!delivered->error().detail.contains(QLatin1String("no_such_table")));
        // A failed statement is not an outage.
        QVERIFY(m_db->isHealthy());
    }

    void poolWorkersUseTheirOwnConnections()
    {
        QObject context;
        QList<WorkerReport> reports;
        const int tasks = 8;
        for (int i = 0; i < tasks; ++i) {
            m_db->run<WorkerReport>(
                &context,
                [i](SqlSession &s) -> Result<WorkerReport> {
                    QThread::msleep(80); // keeps both workers busy at once
                    auto n = s.scalar(QStringLiteral("SELECT ?"), { i });
                    if (!n)
                        return n.error();
                    return WorkerReport { QThread::currentThread(), s.database().connectionName(),
                        n->value_or(QVariant()).toInt() };
                },
                [&reports](Result<WorkerReport> r) {
                    if (r)
                        reports << r.value();
                });
        }
        QTRY_COMPARE(reports.size(), tasks);

        QSet<QThread *> threads;
        QSet<QString> connections;
        QSet<int> answers;
        QHash<QThread *, QString> connectionOf;
        for (const WorkerReport &r : reports) {
            threads.insert(r.thread);
            connections.insert(r.connection);
            answers.insert(r.answer);
            // A thread always uses the same connection, and no other thread uses it.
            QCOMPARE(connectionOf.value(r.thread, r.connection), r.connection);
            connectionOf.insert(r.thread, r.connection);
        }
        QCOMPARE(threads.size(), 2);
        QCOMPARE(connections.size(), 2);
        QCOMPARE(answers.size(), tasks);
        QVERIFY(!threads.contains(QThread::currentThread()));
        const QString mine = m_db->session().database().connectionName();
        QVERIFY(!connections.contains(mine));
    }

    void aContextDeletedBeforeTheWorkFinishesIsNeverCalled()
    {
        auto *context = new QObject;
        std::atomic<bool> started { false };
        std::atomic<bool> finished { false };
        bool called = false;
        m_db->run<int>(
            context,
            [&](SqlSession &) -> Result<int> {
                started = true;
                QThread::msleep(150);
                finished = true;
                return 1;
            },
            [&called](Result<int>) { called = true; });
        QTRY_VERIFY(started.load());
        delete context;
        m_db->waitForIdle();
        QVERIFY(finished.load());
        QTest::qWait(100);
        QVERIFY(!called);
    }

    void aContextDeletedAfterTheWorkFinishedIsNeverCalled()
    {
        // The answer is already queued for the context when it goes.
        auto *context = new QObject;
        bool called = false;
        m_db->run<int>(
            context, [](SqlSession &) -> Result<int> { return 1; },
            [&called](Result<int>) { called = true; });
        m_db->waitForIdle();
        delete context;
        QTest::qWait(100);
        QVERIFY(!called);

        // The same with a living context is called: the check above can fail.
        QObject alive;
        m_db->run<int>(
            &alive, [](SqlSession &) -> Result<int> { return 1; }, [&called](Result<int>) { called = true; });
        m_db->waitForIdle();
        QTRY_VERIFY(called);
    }

    void probeOfAPostgresTargetOnAClosedPortNamesHostAndPort()
    {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        DatabaseTarget target;
        target.kind = DatabaseTarget::Kind::Postgres;
        target.host = QStringLiteral("127.0.0.1");
        target.port = port;
        target.user = QStringLiteral("joxai");
        target.name = QStringLiteral("joxai_probe");
        Database unreachable(target, 1);
        const Status probed = unreachable.probe();
        QVERIFY(!probed.ok());
        QCOMPARE(probed.error().kind, ErrorKind::Unavailable);
        const QString detail = probed.error().detail;
        QVERIFY2(detail.contains(QLatin1String("PostgreSQL")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("joxai_probe")), qPrintable(detail));
        QVERIFY(!unreachable.isHealthy());
    }

    void probeOfASqliteFileInAMissingFolderFailsClearly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DatabaseTarget target;
        target.sqlitePath = dir.filePath(QStringLiteral("no/such/folder/joxai.db"));
        Database missing(target, 1);
        const Status probed = missing.probe();
        QVERIFY(!probed.ok());
        QCOMPARE(probed.error().kind, ErrorKind::Unavailable);
        const QString detail = probed.error().detail;
        QVERIFY2(detail.contains(QLatin1String("SQLite")), qPrintable(detail));
        QVERIFY2(detail.contains(target.sqlitePath), qPrintable(detail));
        QVERIFY(!QFile::exists(target.sqlitePath));
    }

    void statementsCachedBeforeAReconnectNeverBreakALaterTransaction()
    {
        // A lost connection (PostgreSQL restarted) is closed by the session that noticed and
        // reopened by the next one. QPSQL frees a statement (DEALLOCATE) through whatever
        // connection its driver holds when the statement goes: one prepared on the old connection,
        // freed inside a transaction on the new one, failed there and aborted the transaction.
        {
            SqlSession before = m_db->session();
            for (int i = 0; i < 8; ++i)
                QVERIFY(StatementCache::run(before, QStringLiteral("SELECT %1").arg(i), {}, [](QSqlQuery &) {
                }).ok());
            before.database().close();
        }
        SqlSession s = m_db->session();
        QVERIFY(s.database().isOpen());
        // More statements than the cache keeps, in one transaction: it empties itself midway.
        auto summed = s.transaction<int>([&]() -> Result<int> {
            int sum = 0;
            for (int i = 0; i < 80; ++i) {
                auto ran = StatementCache::run(
                    s, QStringLiteral("SELECT %1 + ?").arg(i), { 1 }, [&](QSqlQuery &q) {
                        if (q.next())
                            sum += q.value(0).toInt();
                    });
                if (!ran)
                    return ran.error();
            }
            return sum;
        });
        QVERIFY2(summed.ok(), summed.ok() ? "" : qPrintable(summed.error().code));
        QCOMPARE(summed.value(), 80 * 81 / 2);
    }

    void aConnectionEndedUnderASessionAnswersUnavailableAndTheNextReconnects_data()
    {
        QTest::addColumn<bool>("midStatement");
        QTest::newRow("ended while idle") << false;
        QTest::newRow("ended while a statement runs") << true;
    }

    void aConnectionEndedUnderASessionAnswersUnavailableAndTheNextReconnects()
    {
        // PostgreSQL ends every session when it stops (SQLSTATE 57P01 on a fast shutdown, 57P02
        // on a crash), between statements or in the middle of one; the statement that meets it
        // must say "unavailable, retry", never "internal error", and the next session reconnects.
        // On SQLite nothing but its own close ends a connection.
        QFETCH(bool, midStatement);
        SqlSession s = m_db->session();
        Result<std::optional<QVariant>> met = std::optional<QVariant>();
        if (m_test.isPostgres()) {
            auto pid = s.scalar(QStringLiteral("SELECT pg_backend_pid()"));
            QVERIFY(pid.ok() && pid->has_value());
            QObject context;
            std::optional<Result<bool>> terminated;
            m_db->run<bool>(
                &context,
                [backend = pid->value(), midStatement](SqlSession &other) -> Result<bool> {
                    QElapsedTimer waited;
                    waited.start();
                    while (midStatement && waited.elapsed() < 10000) {
                        auto sleeping = other.scalar(
                            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ? "
                                           "AND wait_event = 'PgSleep'"),
                            { backend });
                        if (!sleeping)
                            return sleeping.error();
                        if (sleeping->has_value() && sleeping->value().toInt() == 1)
                            break;
                        QThread::msleep(20);
                    }
                    auto done = other.scalar(QStringLiteral("SELECT pg_terminate_backend(?)"), { backend });
                    if (!done)
                        return done.error();
                    return done->has_value() && done->value().toBool();
                },
                [&](Result<bool> r) { terminated = std::move(r); });
            if (midStatement)
                met = s.scalar(QStringLiteral("SELECT pg_sleep(30)"));
            QTRY_VERIFY_WITH_TIMEOUT(terminated.has_value(), 15000);
            QVERIFY(terminated->ok() && terminated->value());
        } else {
            s.database().close();
        }
        if (!midStatement || !m_test.isPostgres())
            met = s.scalar(QStringLiteral("SELECT 1"));
        QVERIFY(!met.ok());
        QCOMPARE(met.error().kind, ErrorKind::Unavailable);
        QCOMPARE(met.error().code, QStringLiteral("database_unavailable"));
        QVERIFY(met.error().retryAfterSeconds >= 1);

        SqlSession next = m_db->session();
        auto one = next.scalar(QStringLiteral("SELECT 1"));
        QVERIFY(one.ok() && one->has_value());
        QCOMPARE(one->value().toInt(), 1);
    }

    void workOnAnUnreachableDatabaseAnswersUnavailable()
    {
        DatabaseTarget target = m_test.target();
        if (target.isPostgres())
            target.port = closedPort();
        else
            target.sqlitePath = m_test.dataDir() + QStringLiteral("/missing/folder/x.db");
        Database down(target, 1);
        QObject context;
        std::optional<Result<int>> delivered;
        down.run<int>(
            &context,
            [](SqlSession &s) -> Result<int> {
                auto n = s.scalar(QStringLiteral("SELECT 1"));
                if (!n)
                    return n.error();
                return 1;
            },
            [&](Result<int> r) { delivered = std::move(r); });
        QTRY_VERIFY(delivered.has_value());
        QVERIFY(!delivered->ok());
        QCOMPARE(delivered->error().kind, ErrorKind::Unavailable);
        QCOMPARE(delivered->error().code, QStringLiteral("database_unavailable"));
        QVERIFY(!down.isHealthy());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRun)
#include "tst_database.moc"
