#include "server/datatools/pgtools.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QVersionNumber>

namespace joxai::datatools {

namespace {

// libpq quotes values with spaces or quotes in single quotes, escaping ' and \.
QString conninfoValue(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

QString connectionString(const DatabaseTarget &target)
{
    QStringList parts{QStringLiteral("host=") + conninfoValue(target.host),
                      QStringLiteral("port=%1").arg(target.port),
                      QStringLiteral("dbname=") + conninfoValue(target.name)};
    if (!target.user.isEmpty())
        parts << QStringLiteral("user=") + conninfoValue(target.user);
    for (const QString &option : target.options.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (eq > 0)
            parts << option.left(eq).trimmed() + QLatin1Char('=') + conninfoValue(option.mid(eq + 1).trimmed());
    }
    return parts.join(QLatin1Char(' '));
}

Result<QString> findPgProgram(const QString &name)
{
    QString best;
    QVersionNumber bestVersion;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString candidate = root.filePath(version + QStringLiteral("/bin/") + name);
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (QFileInfo(candidate).isExecutable() && (best.isEmpty() || number > bestVersion)) {
            best = candidate;
            bestVersion = number;
        }
    }
    if (best.isEmpty())
        best = QStandardPaths::findExecutable(name);
    if (best.isEmpty())
        return Error::make(ErrorKind::NotFound, QStringLiteral("no_pg_client"),
                           QStringLiteral("%1 is not installed (Debian package postgresql-client)").arg(name));
    return best;
}

Result<ProgramOutput> runPgProgram(const QString &name, const QStringList &arguments, const DatabaseTarget &target,
                                   int timeoutMs)
{
    auto program = findPgProgram(name);
    if (!program)
        return program.error();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    if (!target.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), target.password);
    process.setProcessEnvironment(env);
    process.start(program.value(), arguments);
    if (!process.waitForStarted(10000))
        return Error::make(ErrorKind::Internal, QStringLiteral("pg_client_failed"),
                           QStringLiteral("cannot run %1: %2").arg(program.value(), process.errorString()));
    const bool finished = process.waitForFinished(timeoutMs);
    ProgramOutput output{process.readAllStandardOutput(), process.readAllStandardError()};
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return Error::make(ErrorKind::Internal, QStringLiteral("pg_client_failed"),
                           QStringLiteral("%1 did not finish in %2 s").arg(name).arg(timeoutMs / 1000));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QList<QByteArray> lines = output.err.trimmed().split('\n');
        return Error::make(ErrorKind::Internal, QStringLiteral("pg_client_failed"),
                           QStringLiteral("%1 failed: %2").arg(name, QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.last())));
    }
    return output;
}

} // namespace joxai::datatools
