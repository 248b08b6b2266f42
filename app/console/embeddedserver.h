#pragma once
// "This computer is the server": the whole joxai-server (ServerRuntime) inside the console, on its
// own thread with its own event loop, so the window never waits on it.

#include "server/config/config.h"

#include <QObject>
#include <QThread>

namespace joxai {
class ServerRuntime;
}

namespace joxai::console {

class EmbeddedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedServer)

public:
    explicit EmbeddedServer(Config config, QObject *parent = nullptr);
    // Stops the server (its connections close) and the thread.
    ~EmbeddedServer() override;

    // Starts in the background: started() or failed() follows on this object's thread.
    void start();

Q_SIGNALS:
    void started(const QString &baseUrl, bool seededAdmin);
    void failed(const QString &reason);

private:
    Config m_config;
    QThread m_thread;
    QObject *m_anchor = nullptr;           // lives on m_thread
    ServerRuntime *m_runtime = nullptr;    // created, used and deleted on m_thread
};

} // namespace joxai::console
