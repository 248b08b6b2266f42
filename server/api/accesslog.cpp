#include "server/api/accesslog.h"

#include "server/core/logging.h"
#include "server/core/logline.h"
#include "server/core/requestscope.h"

#include <QUrl>

#include <cmath>

namespace joxai {

namespace {

// Paths longer than this are cut: a log line stays a line, whatever a client sends.
constexpr qsizetype kMaxPathChars = 256;

// The path as sent on the wire: percent-encoded, so a decoded %0A or a space never breaks the
// text format's one line per entry.
QString loggablePath(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path.left(kMaxPathChars), "/!$&'()*+,;=:@"));
}

} // namespace

void logAccess(const ApiReply::Meta &meta, int status, qint64 nsecs)
{
    const QtMsgType type = status >= 500 ? QtWarningMsg : QtInfoMsg;
    if (!lcAccess().isEnabled(type))
        return; // LOG_ACCESS=0 or LOG_LEVEL above info: nothing is built
    const double ms = std::round(double(nsecs) / 1000.0) / 1000.0; // microsecond resolution
    const QString method = QString::fromLatin1(meta.method);
    const QString path = loggablePath(meta.path);
    const QString route = QString::fromLatin1(meta.routeLabel);
    const QString message = method + QLatin1Char(' ') + path + QLatin1Char(' ') + QString::number(status)
        + QLatin1Char(' ') + QString::number(ms, 'f', 3) + QStringLiteral(" ms route=") + route
        + QStringLiteral(" client=") + meta.client;
    // The reply may be sent from a worker's completion, outside the dispatch scope.
    const RequestScope scope(meta.requestId);
    logStructured(type, lcAccess(), message,
        { { "method", method }, { "path", path }, { "status", status }, { "duration_ms", ms },
            { "client", meta.client }, { "route", route } });
}

} // namespace joxai
