#include "server/api/httpserver.h"

#include "server/api/connectionqueue.h"
#include "server/api/requestid.h"
#include "server/api/websocketlog.h"
#include "server/auth/ratelimiter.h"
#include "server/core/logging.h"
#include "server/core/requestscope.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QWebSocket>


namespace joxai {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect: return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace: return QByteArrayLiteral("TRACE");
    default: break;
    }
    return QByteArrayLiteral("UNKNOWN");
}

bool isJsonContentType(const QByteArray &value)
{
    const QByteArray type = value.split(';').first().trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

} // namespace

HttpServer::HttpServer(Router &router, const TokenService &tokens, RateLimiter &limiter, Limits limits,
                       QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_tokens(tokens), m_limiter(limiter),
      m_limits(std::move(limits))
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpServer::acceptWebSockets);
}

void HttpServer::addWebSocketPath(const QString &path, WebSocketHandler handler)
{
    m_webSocketPaths.insert(Router::normalizePath(path), std::move(handler));
}

void HttpServer::acceptWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
        if (!ws)
            continue;
        const auto handler = m_webSocketPaths.constFind(Router::normalizePath(ws->requestUrl().path()));
        if (m_draining) {
            ws->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("The server is restarting; reconnect."));
            ws.release()->deleteLater();
            continue;
        }
        if (handler == m_webSocketPaths.constEnd()) {
            ws->close(QWebSocketProtocol::CloseCode(4404), QStringLiteral("unknown path"));
            ws.release()->deleteLater();
            continue;
        }
        const QByteArray connectionId = requestIdFrom(ws->request().rawHeader("X-Request-Id"));
        QWebSocket *socket = ws.release();
        logWebSocket(socket, connectionId,
                     m_limits.trustedProxies.clientOf(socket->peerAddress().toString(),
                                                      socket->request().rawHeader("X-Forwarded-For")));
        const RequestScope scope(connectionId); // lines the hub logs while taking it
        (*handler)(socket);
    }
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionQueue *queue = ConnectionQueue::of(socket);
    const ConnectionQueue::Framing framing = queue->takeFraming();
    // WebSocket upgrades: answering nothing lets QAbstractHttpServer complete the handshake and
    // hand the socket to acceptWebSockets(), where the path is checked.
    if (request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0)
        return true;

    const quint64 seq = queue->reserve();

    ApiRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path();
    req.query = request.query();
    for (const auto &[name, value] : request.headers())
        req.headers.insert(name.toLower(), value);
    req.body = request.body();
    req.clientAddress = m_limits.trustedProxies.clientOf(queue->peerAddress(), req.header("x-forwarded-for"));
    req.requestId = requestIdFrom(req.header("x-request-id"));

    ApiReply reply(socket, queue, seq, &m_metrics, this);
    ApiReply::Meta &meta = reply.meta();
    meta.requestId = req.requestId;
    meta.method = req.method;
    meta.path = req.path;
    meta.client = req.clientAddress;
    meta.head = req.method == "HEAD";
    meta.closeAfter = m_draining || framing.closeAfter || req.header("connection").toLower().contains("close");
    meta.keepAlive = framing.keepAlive10 && !meta.closeAfter;
    meta.headers = corsHeaders(req.header("origin"));

    const Router::Match match = m_router.match(req.method, req.path);
    if (match.route)
        meta.routeLabel = match.route->label;
    // Every line logged while this request is dispatched carries its id; Database::runOn carries
    // it on to the worker jobs the route queues.
    const RequestScope scope(req.requestId);
    dispatch(req, reply, match);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached (handleRequest takes every request); answer sanely if Qt ever calls it.
    socket->write(ApiReply::serialize(HttpResponse::error(Error::notFound(QStringLiteral("Resource"))), {}));
}

QList<QPair<QByteArray, QByteArray>> HttpServer::corsHeaders(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return {};
    const QString o = QString::fromUtf8(origin);
    if (!m_limits.corsOrigins.contains(o) && !m_limits.corsOrigins.contains(QStringLiteral("*")))
        return {};
    return {{QByteArrayLiteral("Access-Control-Allow-Origin"), origin},
            {QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin")},
            {QByteArrayLiteral("Access-Control-Expose-Headers"), QByteArrayLiteral("Retry-After, X-Request-Id")}};
}

void HttpServer::dispatch(ApiRequest &req, const ApiReply &reply, const Router::Match &match)
{
    if (match.allowedMethods.isEmpty()) {
        reply.error(Error::make(ErrorKind::NotFound, QStringLiteral("not_found"),
                                QStringLiteral("No resource exists at %1.").arg(req.path)));
        return;
    }
    QByteArray allow = match.allowedMethods.join(", ");
    if (match.allowedMethods.contains("GET"))
        allow += ", HEAD";
    allow += ", OPTIONS";
    if (req.method == "OPTIONS") {
        HttpResponse r = HttpResponse::noContent();
        r.headers.append({QByteArrayLiteral("Allow"), allow});
        if (!reply.meta().headers.isEmpty()) {
            r.headers.append({QByteArrayLiteral("Access-Control-Allow-Methods"), allow});
            r.headers.append({QByteArrayLiteral("Access-Control-Allow-Headers"),
                              QByteArrayLiteral("Authorization, Content-Type, X-Session-Token, X-Request-Id")});
            r.headers.append({QByteArrayLiteral("Access-Control-Max-Age"), QByteArrayLiteral("600")});
        }
        reply.send(r);
        return;
    }
    if (!match.route) {
        HttpResponse r = HttpResponse::error(Error::make(
            ErrorKind::MethodNotAllowed, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 is not allowed on %2.").arg(QString::fromLatin1(req.method), req.path)));
        r.headers.append({QByteArrayLiteral("Allow"), allow});
        reply.send(r);
        return;
    }
    if (req.body.size() > m_limits.maxBodyBytes) {
        reply.meta().closeAfter = true;
        reply.error(Error::make(ErrorKind::PayloadTooLarge, QStringLiteral("body_too_large"),
                                QStringLiteral("The request body is larger than %1 bytes.").arg(m_limits.maxBodyBytes)));
        return;
    }
    if (!req.body.isEmpty() && !isJsonContentType(req.header("content-type"))) {
        reply.error(Error::make(ErrorKind::UnsupportedMediaType, QStringLiteral("unsupported_media_type"),
                                QStringLiteral("Send the request body as application/json.")));
        return;
    }
    const RouteOptions &options = match.route->options;
    if (options.staffToken) {
        const QByteArray auth = req.header("authorization");
        if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer ")) {
            reply.error(Error::make(ErrorKind::Unauthorized, QStringLiteral("not_authenticated"),
                                    QStringLiteral("Sign in first: send Authorization: Bearer <token>.")));
            return;
        }
        auto claims = m_tokens.verify(auth.mid(7).trimmed());
        if (!claims) {
            reply.error(claims.error());
            return;
        }
        req.claims = claims.value();
    }
    if (!options.rateCategory.isEmpty()) {
        const QString key = req.claims ? QStringLiteral("user:") + QString::number(req.claims->userId)
                                       : QStringLiteral("addr:") + req.clientAddress;
        const auto decision = m_limiter.hit(options.rateCategory, key);
        if (!decision.allowed) {
            Error e = Error::make(ErrorKind::RateLimited, QStringLiteral("rate_limited"),
                                  QStringLiteral("Too many requests; try again in %1 seconds.")
                                      .arg(decision.retryAfterSeconds));
            e.retryAfterSeconds = decision.retryAfterSeconds;
            reply.error(e);
            return;
        }
    }
    req.gate = options.gate;
    req.params = match.params;
    req.path = Router::normalizePath(req.path);
    match.route->handler(req, reply);
}

} // namespace joxai
