#include "server/api/websocketlog.h"

#include "server/core/logging.h"
#include "server/core/logline.h"

#include <QElapsedTimer>
#include <QUrl>
#include <QWebSocket>

namespace joxai {

void logWebSocket(QWebSocket *socket, const QByteArray &connectionId, const QString &client)
{
    if (!lcAccess().isInfoEnabled())
        return;
    const QString id = QString::fromLatin1(connectionId);
    // Never the query string: customer sockets carry their session token there.
    const QString path = socket->requestUrl().path(QUrl::FullyEncoded).left(256);
    // Messages are concatenated, not arg()-ed: an encoded path's "%2F" would be taken for a marker.
    logStructured(QtInfoMsg, lcAccess(),
        QStringLiteral("WS ") + path + QStringLiteral(" opened connection_id=") + id
            + QStringLiteral(" client=") + client,
        { { "event", QStringLiteral("websocket_open") }, { "connection_id", id }, { "path", path },
            { "client", client } });
    QElapsedTimer open;
    open.start();
    QObject::connect(socket, &QWebSocket::disconnected, socket, [socket, id, path, client, open] {
        const qint64 seconds = open.elapsed() / 1000;
        const int code = int(socket->closeCode());
        logStructured(QtInfoMsg, lcAccess(),
            QStringLiteral("WS ") + path + QStringLiteral(" closed code=") + QString::number(code)
                + QStringLiteral(" after ") + QString::number(seconds) + QStringLiteral(" s connection_id=")
                + id + QStringLiteral(" client=") + client,
            { { "event", QStringLiteral("websocket_close") }, { "connection_id", id }, { "path", path },
                { "client", client }, { "close_code", code }, { "duration_s", seconds } });
    });
}

} // namespace joxai
