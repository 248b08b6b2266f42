#include "server/core/logline.h"

#include "server/core/requestscope.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace joxai {

namespace {

// The fields of the structured line being written on this thread: set by logStructured() only
// for the duration of its one message, read by the message handler on the same thread.
thread_local const LogFields *t_fields = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// "2026-11-25T17:40:00.123Z": UTC with milliseconds, formatted by hand (QDateTime's toString
// costs several times more, once per line).
QByteArray timestamp()
{
    using namespace std::chrono;
    const qint64 ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm utc {};
    gmtime_r(&seconds, &utc);
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
        utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(ms % 1000));
    return QByteArray(buffer, qMax(0, qMin(n, int(sizeof buffer) - 1)));
}

// A JSON string (RFC 8259): quotes, backslashes and control characters escaped, the rest as UTF-8.
void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QJsonValue::String:
        appendJsonString(out, value.toString().toUtf8());
        break;
    default:
        out += "null";
        break; // arrays and objects are not used in log fields
    }
}

void appendMember(QByteArray &out, const char *name)
{
    out += ",\"";
    out += name;
    out += "\":";
}

} // namespace

void logStructured(
    QtMsgType type, const QLoggingCategory &category, const QString &message, const LogFields &fields)
{
    if (!category.isEnabled(type))
        return;
    const LogFields *previous = t_fields;
    t_fields = &fields;
    // Straight to the installed handler, as qCInfo() ends up, without a QDebug stream: the
    // access log runs once per request on the main thread.
    const QMessageLogContext context(nullptr, 0, nullptr, category.categoryName());
    qt_message_output(type == QtFatalMsg ? QtCriticalMsg : type, context, message);
    t_fields = previous;
}

QByteArray formatLogLine(LogFormat format, QtMsgType type, const char *category, const QString &message)
{
    const QByteArray ts = timestamp();
    const QByteArray requestId = RequestScope::current();
    const char *cat = category ? category : "default";
    QByteArray out;
    out.reserve(128 + message.size());
    if (format == LogFormat::Text) {
        out += ts + ' ' + levelName(type) + ' ' + cat + ": " + message.toUtf8();
        if (!requestId.isEmpty())
            out += " request_id=" + requestId;
        out += '\n';
        return out;
    }
    out += "{\"ts\":\"" + ts + "\",\"level\":\"" + levelName(type) + "\",\"category\":";
    appendJsonString(out, cat);
    if (!requestId.isEmpty()) {
        appendMember(out, "request_id");
        appendJsonString(out, requestId);
    }
    appendMember(out, "message");
    appendJsonString(out, message.toUtf8());
    if (t_fields) {
        for (const LogField &field : *t_fields) {
            appendMember(out, field.name);
            appendJsonValue(out, field.value);
        }
    }
    out += "}\n";
    return out;
}

} // namespace joxai
