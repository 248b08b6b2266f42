#include "tests/support/systempython.h"

#include <QProcess>
#include <QtGlobal>

namespace joxai::test {

bool runSystemPython(const QString &script, const QStringList &args, const QByteArray &input, QByteArray *output)
{
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), script} + args);
    if (!process.waitForStarted(10000)) {
        qWarning("could not start /usr/bin/python3: %s", qPrintable(process.errorString()));
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        qWarning("python did not finish in time");
        return false;
    }
    const QByteArray errors = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("python failed (%d): %s", process.exitCode(), errors.constData());
        return false;
    }
    *output = process.readAllStandardOutput().trimmed();
    return true;
}

} // namespace joxai::test
