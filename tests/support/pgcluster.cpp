#include "tests/support/pgcluster.h"

#include <QFile>
#include <QProcess>
#include <QTest>
#include <QUrl>

namespace joxai::test {

namespace {

QString script()
{
    return qEnvironmentVariable("JOXAI_SOURCE_DIR") + QStringLiteral("/tests/scripts/pg-cluster.sh");
}

} // namespace

PgCluster::~PgCluster()
{
    if (m_running)
        run({ QStringLiteral("stop"), m_dir.path(), QStringLiteral("immediate") });
}

QString PgCluster::run(const QStringList &arguments, QString *output)
{
    if (qEnvironmentVariableIsEmpty("JOXAI_SOURCE_DIR"))
        return QStringLiteral("JOXAI_SOURCE_DIR is not set (ctest sets it to the checkout)");
    QProcess p;
    p.start(script(), arguments);
    if (!p.waitForStarted(10000))
        return QStringLiteral("%1 did not start: %2").arg(script(), p.errorString());
    // pg_ctl waits up to 60 s for the cluster; the event loop turns meanwhile.
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 90000)) {
        p.kill();
        p.waitForFinished(5000);
        return QStringLiteral("pg-cluster.sh %1 did not finish").arg(arguments.join(QLatin1Char(' ')));
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("pg-cluster.sh %1 failed: %2")
            .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
    return {};
}

QString PgCluster::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
    // As root the cluster runs as 'postgres', which must reach its folder inside ours.
    QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    const QString why = run({ QStringLiteral("start"), m_dir.path() }, &m_url);
    m_running = why.isEmpty();
    return why;
}

QString PgCluster::stop(const QString &mode)
{
    const QString why = run({ QStringLiteral("stop"), m_dir.path(), mode });
    m_running = !why.isEmpty();
    return why;
}

QString PgCluster::resume()
{
    m_running = true; // even half-started, the destructor stops it
    return run({ QStringLiteral("resume"), m_dir.path() });
}

int PgCluster::port() const
{
    return QUrl(m_url).port();
}

} // namespace joxai::test
