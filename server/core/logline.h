#pragma once
// One log line as written to standard error: text or JSON (LOG_FORMAT), with the id of the
// request being served (RequestScope) and, for structured lines, fields besides the message.
// Kept out of logging.h, which nearly every file includes.

#include <QJsonValue>
#include <QList>
#include <QLoggingCategory>
#include <QString>

namespace joxai {

enum class LogFormat { Text, Json };

// A member of a structured line under LOG_FORMAT=json. The text format writes only the message,
// so a structured line's message must read well on its own.
struct LogField
{
    const char *name; // a literal: lower case, no quoting needed
    QJsonValue value;
};
using LogFields = QList<LogField>;

// Logs `message` with `fields` through Qt's logging, so LOG_LEVEL and the category rules apply
// (nothing is formatted when the category has `type` switched off).
void logStructured(
    QtMsgType type, const QLoggingCategory &category, const QString &message, const LogFields &fields);

// The line for one message, newline included. Text: "<ts> <level> <category>: <message>" and
// " request_id=<id>" inside a request. JSON: {"ts","level","category","request_id" (inside a
// request only),"message", then the fields of the logStructured() call in progress on this thread}.
QByteArray formatLogLine(LogFormat format, QtMsgType type, const char *category, const QString &message);

} // namespace joxai
