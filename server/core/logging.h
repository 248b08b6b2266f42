#pragma once
// Logging categories, one per area, and the LOG_LEVEL / LOG_FORMAT / LOG_ACCESS switches.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcMail)
Q_DECLARE_LOGGING_CATEGORY(lcAccess) // one line per answered request (LOG_ACCESS)

namespace joxai {

// "debug", "info", "warning", "error" (case-insensitive); false for anything else. `accessLog`
// false (LOG_ACCESS=0) switches off the access log's info lines whatever the level.
bool applyLogLevel(const QString &level, bool accessLog = true);
bool isValidLogLevel(const QString &level);
// "text": "2026-11-25T17:40:00.123Z warning joxai.api: message"; "json": one JSON object a line
// ({"ts","level","category","message"}), for log collectors. Both go to standard error, and both
// add the id of the request being served (server/core/logline.h).
void installLogFormat(const QString &format);

} // namespace joxai
