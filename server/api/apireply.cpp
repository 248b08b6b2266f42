#include "server/api/apireply.h"

#include "server/api/accesslog.h"
#include "server/api/connectionqueue.h"
#include "server/api/metrics.h"
#include "server/core/logging.h"

#include <QTcpSocket>
#include <QThread>

namespace joxai {

ApiReply::ApiReply(QTcpSocket *socket, ConnectionQueue *queue, quint64 seq, Metrics *metrics, QObject *context)
    : d(std::make_shared<State>())
{
    d->socket = socket;
    d->queue = queue;
    d->seq = seq;
    d->metrics = metrics;
    d->context = context;
    d->started.start();
    if (metrics)
        metrics->requestStarted();
}

ApiReply::State::~State()
{
    if (!sent && metrics)
        metrics->requestFinished();
}

QObject *ApiReply::context() const
{
    return d->context.data();
}

bool ApiReply::isConnected() const
{
    return d->socket && d->socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray ApiReply::serialize(const HttpResponse &r, const Meta &meta)
{
    QByteArray out;
    out.reserve(256 + r.body.size());
    out += "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    if (!r.contentType.isEmpty())
        out += "Content-Type: " + r.contentType + "\r\n";
    if (r.status != 204 && r.status >= 200)
        out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    // Security headers on every answer: nothing is sniffed, framed, cached or referred.
    out += "X-Content-Type-Options: nosniff\r\n"
           "X-Frame-Options: DENY\r\n"
           "Referrer-Policy: no-referrer\r\n";
    bool hasCsp = false;
    bool hasCache = false;
    for (const auto &[name, value] : r.headers) {
        hasCsp = hasCsp || name.compare("Content-Security-Policy", Qt::CaseInsensitive) == 0;
        hasCache = hasCache || name.compare("Cache-Control", Qt::CaseInsensitive) == 0;
        out += name + ": " + value + "\r\n";
    }
    if (!hasCsp)
        out += "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";
    if (!hasCache)
        out += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : meta.headers)
        out += name + ": " + value + "\r\n";
    if (!meta.requestId.isEmpty())
        out += "X-Request-Id: " + meta.requestId + "\r\n";
    if (meta.closeAfter)
        out += "Connection: close\r\n";
    else if (meta.keepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!meta.head)
        out += r.body;
    return out;
}

void ApiReply::send(HttpResponse response) const
{
    if (!d || d->sent)
        return;
    Q_ASSERT(!d->context || QThread::currentThread() == d->context->thread());
    d->sent = true;
    const qint64 nsecs = d->started.nsecsElapsed();
    if (d->metrics) {
        d->metrics->recordRequest(d->meta.routeLabel, response.status, nsecs);
        d->metrics->requestFinished();
    }
    if (!d->queue || !d->socket)
        qCDebug(lcApi) << "client left before the answer" << d->meta.requestId;
    else
        d->queue->complete(d->seq, serialize(response, d->meta), d->meta.closeAfter);
    logAccess(d->meta, response.status, nsecs); // after the answer is on its way: no added latency
}

} // namespace joxai
