#pragma once
// A PostgreSQL cluster of the test's own (tests/scripts/pg-cluster.sh in a temporary folder), for
// fault tests that stop and start the database under a running server: the shared cluster in
// JOXAI_TEST_PG_URL serves suites running in parallel and must never go down. Stopped by the
// destructor on every path, and its folder removed.

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace joxai::test {

class PgCluster final
{
public:
    PgCluster() = default;
    ~PgCluster();
    Q_DISABLE_COPY_MOVE(PgCluster)

    // Each answers why it failed, or nothing. While a command runs the caller's event loop keeps
    // turning (requests in flight are answered meanwhile).
    QString start(); // a new cluster on a free loopback port
    QString stop(const QString &mode); // "fast" (an operator's restart) or "immediate" (a crash)
    QString resume(); // the same data on the same port again

    // The superuser's URL to the cluster's `postgres` database, and its parts.
    QString url() const { return m_url; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const;

private:
    QString run(const QStringList &arguments, QString *output = nullptr);

    QTemporaryDir m_dir;
    QString m_url;
    bool m_running = false;
};

} // namespace joxai::test
