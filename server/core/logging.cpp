#include "server/core/logging.h"

#include "server/core/logline.h"

#include <QStringList>

#include <cstdio>

Q_LOGGING_CATEGORY(lcConfig, "joxai.config")
Q_LOGGING_CATEGORY(lcStorage, "joxai.storage")
Q_LOGGING_CATEGORY(lcAuth, "joxai.auth")
Q_LOGGING_CATEGORY(lcApi, "joxai.api")
Q_LOGGING_CATEGORY(lcServer, "joxai.server")
Q_LOGGING_CATEGORY(lcMail, "joxai.mail")
Q_LOGGING_CATEGORY(lcAccess, "joxai.access")

namespace joxai {

namespace {
const QStringList kLevels = {QStringLiteral("debug"), QStringLiteral("info"),
                             QStringLiteral("warning"), QStringLiteral("error")};
}

bool isValidLogLevel(const QString &level)
{
    return kLevels.contains(level.toLower());
}

bool applyLogLevel(const QString &level, bool accessLog)
{
    const QString l = level.toLower();
    if (!isValidLogLevel(l))
        return false;
    // Qt's own categories stay at warning; ours follow LOG_LEVEL.
    QString rules = QStringLiteral("joxai.*.debug=%1\njoxai.*.info=%2\njoxai.*.warning=%3\n")
                        .arg(l == QLatin1String("debug") ? QStringLiteral("true") : QStringLiteral("false"),
                             (l == QLatin1String("debug") || l == QLatin1String("info"))
                                 ? QStringLiteral("true") : QStringLiteral("false"),
                             l == QLatin1String("error") ? QStringLiteral("false") : QStringLiteral("true"));
    if (!accessLog) // LOG_ACCESS=0: the access log's info lines go; its 5xx warnings stay
        rules += QStringLiteral("joxai.access.info=false\n");
    QLoggingCategory::setFilterRules(rules);
    return true;
}

namespace {

void write(LogFormat format, QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = formatLogLine(format, type, context.category, message);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void writeText(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    write(LogFormat::Text, type, context, message);
}

void writeJson(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    write(LogFormat::Json, type, context, message);
}

} // namespace

void installLogFormat(const QString &format)
{
    qInstallMessageHandler(format == QLatin1String("json") ? writeJson : writeText);
}

} // namespace joxai
