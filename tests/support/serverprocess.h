#pragma once
// A joxai-server program run as a child process by a test: a clean environment (nothing of the
// caller's JOXAI_*, DATABASE_URL, SECRET_KEY or AI settings leaks in) plus the test's own, a
// free loopback port chosen by the server itself (JOXAI_PORT=0, read back from its banner), and
// a stop by PID when the object goes.

#include <QHash>
#include <QProcess>
#include <QString>

namespace joxai::test {

class ServerProcess final
{
public:
    ServerProcess() = default;
    ~ServerProcess(); // SIGTERM, then SIGKILL if it does not leave in 15 s
    Q_DISABLE_COPY_MOVE(ServerProcess)

    // Starts `program` with `env` over the clean defaults (SQLite in `dataDir`, bcrypt cost 4,
    // loopback). Answers why it failed, or nothing once the server said where it listens.
    QString start(const QString &program, const QString &dataDir, const QHash<QString, QString> &env = {});

    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const;
    qint64 pid() const { return m_process.processId(); }
    void signal(int number) const;
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool waitForExit(int timeoutMs);
    QProcess &process() { return m_process; }
    // Everything it wrote to stderr (its log) so far.
    QString log();

private:
    QProcess m_process;
    QString m_baseUrl;
    QString m_log;
};

} // namespace joxai::test
