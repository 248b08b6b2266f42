#include "tests/support/serverprocess.h"

#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <csignal>

namespace joxai::test {

namespace {

bool callerSetting(const QString &key)
{
    return key.startsWith(QLatin1String("JOXAI_")) || key == QLatin1String("DATABASE_URL")
        || key == QLatin1String("SECRET_KEY") || key == QLatin1String("AI_PROVIDER")
        || key.endsWith(QLatin1String("_API_KEY")) || key.startsWith(QLatin1String("SMTP_"));
}

} // namespace

ServerProcess::~ServerProcess()
{
    if (!isRunning())
        return;
    signal(SIGTERM);
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::start(const QString &program, const QString &dataDir, const QHash<QString, QString> &env)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &key : e.keys())
        if (callerSetting(key))
            e.remove(key);
    e.insert(QStringLiteral("JOXAI_DATA_DIR"), dataDir);
    e.insert(QStringLiteral("JOXAI_BCRYPT_COST"), QStringLiteral("4"));
    e.insert(QStringLiteral("JOXAI_BIND"), QStringLiteral("127.0.0.1"));
    e.insert(QStringLiteral("JOXAI_PORT"), QStringLiteral("0"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    m_process.setProcessEnvironment(e);
    m_process.start(program, {});
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());

    const QRegularExpression running(QStringLiteral("is running on (https?://\\S+)"));
    QByteArray out;
    const bool reported = QTest::qWaitFor([&] {
        out += m_process.readAllStandardOutput();
        const auto m = running.match(QString::fromUtf8(out));
        if (m.hasMatch())
            m_baseUrl = m.captured(1);
        return !m_baseUrl.isEmpty() || m_process.state() == QProcess::NotRunning;
    }, 20000);
    if (!reported || m_baseUrl.isEmpty())
        return QStringLiteral("joxai-server did not say where it listens: %1 %2").arg(QString::fromUtf8(out), log());
    return {};
}

quint16 ServerProcess::port() const
{
    return quint16(QUrl(m_baseUrl).port());
}

void ServerProcess::signal(int number) const
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), number);
}

bool ServerProcess::waitForExit(int timeoutMs)
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
}

QString ServerProcess::log()
{
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    return m_log;
}

} // namespace joxai::test
