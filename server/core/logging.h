#pragma once
// Logging categories, one per area, and the LOG_LEVEL switch.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcMail)

namespace joxai {

// "debug", "info", "warning", "error" (case-insensitive); false for anything else.
bool applyLogLevel(const QString &level);
bool isValidLogLevel(const QString &level);
// "text": "2026-11-25T17:40:00.123Z warning joxai.api: message"; "json": one JSON object a line
// ({"ts","level","category","message"}), for log collectors. Both go to standard error.
void installLogFormat(const QString &format);

} // namespace joxai
