#include "app/console/embeddedserver.h"

#include "server/runtime/serverruntime.h"

namespace joxai::console {

EmbeddedServer::EmbeddedServer(Config config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_thread.setObjectName(QStringLiteral("embedded-server"));
}

EmbeddedServer::~EmbeddedServer()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_anchor, [this] {
            delete m_runtime;
            m_runtime = nullptr;
        }, Qt::BlockingQueuedConnection);
        m_anchor->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }
}

void EmbeddedServer::start()
{
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_anchor, [this] {
        // Built on the server thread, so its timers, sockets and database handles belong there.
        m_runtime = new ServerRuntime(m_config);
        const Status up = m_runtime->start();
        if (!up) {
            delete m_runtime;
            m_runtime = nullptr;
            const QString reason = up.error().detail;
            QMetaObject::invokeMethod(this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
            return;
        }
        const QString url = m_runtime->baseUrl();
        const bool seeded = m_runtime->seededAdmin();
        QMetaObject::invokeMethod(this, [this, url, seeded] { Q_EMIT started(url, seeded); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

} // namespace joxai::console
