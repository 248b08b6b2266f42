#pragma once
// joxai-server's HTTP front: a QAbstractHttpServer whose every request goes through one pipeline
// (route match, 405, CORS, body limit, content type, rate limit, staff token) before its handler.
// It never uses QHttpServer's QFuture routes or responders: Qt 6.4.2 crashes when a client leaves
// before a deferred answer (QT-NOTES.md). Answers go through ApiReply, which checks the socket.

#include "server/api/metrics.h"
#include "server/api/router.h"
#include "server/config/trustedproxies.h"

#include <QAbstractHttpServer>
#include <QSet>
#include <QStringList>

#include <functional>

class QWebSocket;

namespace joxai {

class RateLimiter;
class TokenService;

class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    struct Limits
    {
        qint64 maxBodyBytes = 1024 * 1024;
        QStringList corsOrigins;
        TrustedProxies trustedProxies; // whose X-Forwarded-For names the client
    };
    using WebSocketHandler = std::function<void(QWebSocket *socket)>; // takes ownership

    HttpServer(Router &router, const TokenService &tokens, RateLimiter &limiter, Limits limits,
               QObject *parent = nullptr);

    Metrics &metrics() { return m_metrics; }
    // Upgrades on `path` go to `handler`; upgrades anywhere else are closed (4404).
    void addWebSocketPath(const QString &path, WebSocketHandler handler);
    // While draining for a shutdown, every answer closes its connection and upgrades are turned
    // away with 1001, so clients move to another instance.
    void setDraining(bool draining) { m_draining = draining; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(ApiRequest &request, const ApiReply &reply, const Router::Match &match);
    QList<QPair<QByteArray, QByteArray>> corsHeaders(const QByteArray &origin) const;
    void acceptWebSockets();

    Router &m_router;
    const TokenService &m_tokens;
    RateLimiter &m_limiter;
    Limits m_limits;
    Metrics m_metrics;
    QHash<QString, WebSocketHandler> m_webSocketPaths;
    bool m_draining = false;
};

} // namespace joxai
