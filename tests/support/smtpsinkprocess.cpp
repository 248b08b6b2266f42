#include "tests/support/smtpsinkprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QtTest>

namespace joxai::test {

SmtpSinkProcess::~SmtpSinkProcess()
{
    stop();
}

quint16 SmtpSinkProcess::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool SmtpSinkProcess::start(quint16 port, const QString &user, const QString &password)
{
    Options options;
    options.user = user;
    options.password = password;
    return start(port, options);
}

bool SmtpSinkProcess::start(quint16 port, const Options &options)
{
    const QString script = qEnvironmentVariable("JOXAI_SOURCE_DIR") + QStringLiteral("/tests/support/smtpsink.py");
    QStringList args{script, QStringLiteral("--port"), QString::number(port), QStringLiteral("--out"), m_dir.path()};
    if (!options.user.isEmpty())
        args << QStringLiteral("--user") << options.user << QStringLiteral("--password") << options.password;
    if (options.tls != Tls::None) {
        args << QStringLiteral("--tls")
             << (options.tls == Tls::StartTls ? QStringLiteral("starttls") : QStringLiteral("implicit"))
             << QStringLiteral("--cert") << options.certificateChain << QStringLiteral("--key") << options.privateKey;
        if (options.requireStartTls)
            args << QStringLiteral("--require-starttls");
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // aiosmtpd warns about AUTH without TLS; kept in a file, shown only if the sink fails to start.
    m_process.setStandardErrorFile(QDir(m_dir.path()).filePath(QStringLiteral("stderr.log")));
    m_process.start(QStringLiteral("/usr/bin/python3"), args);
    if (!m_process.waitForStarted(10000)) {
        qWarning("cannot start the SMTP sink: %s", qPrintable(m_process.errorString()));
        return false;
    }
    QDeadlineTimer deadline(15000);
    QByteArray out;
    while (!out.contains("READY") && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    if (!out.contains("READY")) {
        QFile log(QDir(m_dir.path()).filePath(QStringLiteral("stderr.log")));
        const QByteArray why = log.open(QIODevice::ReadOnly) ? log.readAll().right(2000) : QByteArray();
        qWarning("the SMTP sink did not come up on port %u: %s", unsigned(port), why.constData());
        stop();
        return false;
    }
    return true;
}

void SmtpSinkProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM to its PID; it closes its port and exits
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QList<QJsonObject> SmtpSinkProcess::messages() const
{
    QList<QJsonObject> out;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out << QJsonDocument::fromJson(f.readAll()).object();
    }
    return out;
}

QList<QJsonObject> SmtpSinkProcess::authAttempts() const
{
    QList<QJsonObject> out;
    QFile f(QDir(m_dir.path()).filePath(QStringLiteral("auth.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return out; // no AUTH yet
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

bool SmtpSinkProcess::waitForMessages(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

} // namespace joxai::test
