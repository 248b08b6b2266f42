#pragma once
// The one write path of the API. A reply may be copied into callbacks; the first send() wins.
// It writes on the main thread, only while the client is still connected, in request order
// (ConnectionQueue), and adds the headers every answer carries: security headers, CORS for
// allowed origins, X-Request-Id, Content-Length. HEAD answers carry no body.

#include "server/api/httpresponse.h"

#include <QElapsedTimer>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace joxai {

class ConnectionQueue;
class Metrics;

class ApiReply
{
public:
    struct Meta
    {
        QByteArray requestId;
        QByteArray method;   // for the access log, with path and client
        QString path;        // without the query string
        QString client;      // after trusted-proxy resolution
        QList<QPair<QByteArray, QByteArray>> headers; // CORS and friends, chosen by the router
        bool head = false;
        bool closeAfter = false;
        bool keepAlive = false; // an HTTP/1.0 client asked for keep-alive: confirm it
        QByteArray routeLabel = QByteArrayLiteral("unmatched");
    };

    ApiReply() = default;
    ApiReply(QTcpSocket *socket, ConnectionQueue *queue, quint64 seq, Metrics *metrics, QObject *context);

    void send(HttpResponse response) const;
    void json(int status, const QJsonValue &value) const { send(HttpResponse::json(status, value)); }
    void error(const Error &e) const { send(HttpResponse::error(e)); }
    template<typename T>
    void result(Result<T> r, int status, const std::function<QJsonValue(const T &)> &toJson) const
    {
        if (r)
            json(status, toJson(r.value()));
        else
            error(r.error());
    }
    void sendResult(Result<HttpResponse> r) const { r ? send(std::move(r.value())) : error(r.error()); }

    Meta &meta() const { return d->meta; }
    // Lives on the main thread while the server runs: hand it to Database::run as the context.
    QObject *context() const;
    bool isConnected() const;
    bool isSent() const { return d->sent; }

    static QByteArray serialize(const HttpResponse &response, const Meta &meta);

private:
    struct State
    {
        QPointer<QTcpSocket> socket;
        QPointer<ConnectionQueue> queue;
        quint64 seq = 0;
        Metrics *metrics = nullptr;
        QPointer<QObject> context;
        QElapsedTimer started;
        Meta meta;
        bool sent = false;
        ~State(); // a reply dropped unanswered (its client left) is no longer in flight
    };
    std::shared_ptr<State> d;
};

} // namespace joxai
