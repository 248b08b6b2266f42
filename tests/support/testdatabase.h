#pragma once
// A fresh, empty database for one test executable, on the dialect ctest chose (JOXAI_TEST_DB):
// a SQLite file in a temporary folder, or a new database on the throwaway PostgreSQL cluster that
// tests/run.sh starts (JOXAI_TEST_PG_URL). Dropped again when the object goes.

#include "server/config/config.h"

#include <QTemporaryDir>

#include <memory>

namespace joxai {
class Database;
}

namespace joxai::test {

class TestDatabase final
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    const DatabaseTarget &target() const { return m_target; }
    bool isPostgres() const { return m_target.isPostgres(); }
    QString url() const;            // a DATABASE_URL for this database
    QString dataDir() const { return m_dir.path(); }
    static QString dialectName();   // "sqlite" or "postgresql"

    // Runs SQL as the cluster's superuser on the maintenance database (PostgreSQL only); answers
    // false on failure. Used by outage tests to cut connections and refuse new ones.
    bool adminExec(const QString &sql) const;

    // A Database on this test database with the schema migrated; null (and `why`) on failure.
    std::unique_ptr<Database> openMigrated(int workers, QString *why) const;

private:
    QTemporaryDir m_dir;
    DatabaseTarget m_target;
    DatabaseTarget m_admin;
};

} // namespace joxai::test
