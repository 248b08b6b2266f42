#pragma once
// The real SMTP sink of the mail tests: tests/support/smtpsink.py (Debian's python3-aiosmtpd) on
// a loopback port, started with QProcess and stopped by its PID. Every message it accepted is a
// JSON record in a temporary folder, decoded by Python's own e-mail package.

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

namespace joxai::test {

class SmtpSinkProcess final
{
public:
    SmtpSinkProcess() = default;
    ~SmtpSinkProcess();
    Q_DISABLE_COPY_MOVE(SmtpSinkProcess)

    // A loopback port nobody listens on right now.
    static quint16 freePort();

    // Listens on `port`; with a user, AUTH is required and only that login and password pass.
    bool start(quint16 port, const QString &user = {}, const QString &password = {});
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    // The messages received so far, oldest first.
    QList<QJsonObject> messages() const;
    // Waits (serving the event loop) until at least `count` messages arrived.
    bool waitForMessages(int count, int timeoutMs = 20000) const;

private:
    QProcess m_process;
    QTemporaryDir m_dir;
};

} // namespace joxai::test
