#pragma once
// The real SMTP sink of the mail tests: tests/support/smtpsink.py (Debian's python3-aiosmtpd) on
// a loopback port, started with QProcess and stopped by its PID. Every message it accepted is a
// JSON record in a temporary folder, decoded by Python's own e-mail package. It can speak
// STARTTLS or implicit TLS (SMTPS) with a certificate the test made (TestCertificates), and keeps a
// record of every AUTH it saw and whether TLS was up at that moment.

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

    enum class Tls { None, StartTls, Implicit };
    struct Options
    {
        QString user;             // with a user, AUTH is required and only this login passes
        QString password;
        Tls tls = Tls::None;
        bool requireStartTls = false; // refuse everything but EHLO/NOOP/QUIT before STARTTLS
        QString certificateChain; // PEM: the server certificate, then its CA (TLS modes)
        QString privateKey;
    };

    // A loopback port nobody listens on right now.
    static quint16 freePort();

    // Listens on `port`; with a user, AUTH is required and only that login and password pass.
    bool start(quint16 port, const QString &user = {}, const QString &password = {});
    bool start(quint16 port, const Options &options);
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    // The messages received so far, oldest first.
    QList<QJsonObject> messages() const;
    // Waits (serving the event loop) until at least `count` messages arrived.
    bool waitForMessages(int count, int timeoutMs = 20000) const;
    // Every AUTH command received, oldest first: {mechanism, login, ok, tls} where tls is the
    // TLS version in force when the credentials arrived, or null if they came in clear text.
    QList<QJsonObject> authAttempts() const;

private:
    QProcess m_process;
    QTemporaryDir m_dir;
};

} // namespace joxai::test
