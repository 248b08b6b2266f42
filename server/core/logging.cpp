#include "server/core/logging.h"

#include <QStringList>

Q_LOGGING_CATEGORY(lcConfig, "joxai.config")
Q_LOGGING_CATEGORY(lcStorage, "joxai.storage")
Q_LOGGING_CATEGORY(lcAuth, "joxai.auth")
Q_LOGGING_CATEGORY(lcApi, "joxai.api")
Q_LOGGING_CATEGORY(lcServer, "joxai.server")

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

} // namespace joxai
