#include "server/core/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>

Q_LOGGING_CATEGORY(lcConfig, "joxai.config")
Q_LOGGING_CATEGORY(lcStorage, "joxai.storage")
Q_LOGGING_CATEGORY(lcAuth, "joxai.auth")
Q_LOGGING_CATEGORY(lcApi, "joxai.api")
Q_LOGGING_CATEGORY(lcServer, "joxai.server")
Q_LOGGING_CATEGORY(lcMail, "joxai.mail")

namespace joxai {

namespace {
const QStringList kLevels = {QStringLiteral("debug"), QStringLiteral("info"),
                             QStringLiteral("warning"), QStringLiteral("error")};
}

bool isValidLogLevel(const QString &level)
{
    return kLevels.contains(level.toLower());
}

bool applyLogLevel(const QString &level)
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
    QLoggingCategory::setFilterRules(rules);
    return true;
}

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

QString timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void writeText(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = (timestamp() + QLatin1Char(' ') + QLatin1String(levelName(type)) + QLatin1Char(' ')
                             + QLatin1String(context.category ? context.category : "default")
                             + QStringLiteral(": ") + message + QLatin1Char('\n')).toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void writeJson(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QJsonObject o{{QStringLiteral("ts"), timestamp()},
                        {QStringLiteral("level"), QLatin1String(levelName(type))},
                        {QStringLiteral("category"), QLatin1String(context.category ? context.category : "default")},
                        {QStringLiteral("message"), message}};
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogFormat(const QString &format)
{
    qInstallMessageHandler(format == QLatin1String("json") ? writeJson : writeText);
}

} // namespace joxai
