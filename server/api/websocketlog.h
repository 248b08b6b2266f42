#pragma once
// Access-log lines of WebSocket connections (joxai.access, info level, LOG_ACCESS applies): one
// when a connection is handed to its hub, one when it closes, both with its connection id (the
// upgrade request's X-Request-Id when short and plain, else a made one), path and client.

#include <QByteArray>
#include <QString>

class QWebSocket;

namespace joxai {

// Logs the opening now and the closing when `socket` disconnects.
void logWebSocket(QWebSocket *socket, const QByteArray &connectionId, const QString &client);

} // namespace joxai
