#pragma once
// Logging categories, one per area, and the LOG_LEVEL switch.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace joxai {

// "debug", "info", "warning", "error" (case-insensitive); false for anything else.
bool applyLogLevel(const QString &level);
bool isValidLogLevel(const QString &level);

} // namespace joxai
