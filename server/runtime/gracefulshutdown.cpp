#include "server/runtime/gracefulshutdown.h"

namespace joxai {

GracefulShutdown::GracefulShutdown(QObject *parent) : QObject(parent)
{
    // Often enough that an idle server exits at once, rarely enough to cost nothing.
    m_poll.setInterval(20);
    connect(&m_poll, &QTimer::timeout, this, &GracefulShutdown::poll);
}

void GracefulShutdown::addIdleCheck(IdleCheck check)
{
    m_checks.append(std::move(check));
}

void GracefulShutdown::start(std::chrono::milliseconds grace)
{
    m_grace = grace;
    m_clock.start();
    m_poll.start();
    // Answers already queued on the event loop run first; then the first look.
    QTimer::singleShot(0, this, &GracefulShutdown::poll);
}

QStringList GracefulShutdown::busy() const
{
    QStringList out;
    for (const IdleCheck &check : m_checks) {
        const QString what = check();
        if (!what.isEmpty())
            out.append(what);
    }
    return out;
}

void GracefulShutdown::poll()
{
    if (!m_poll.isActive())
        return;
    const QStringList left = busy();
    const bool clean = left.isEmpty();
    if (!clean && m_clock.elapsed() < m_grace.count())
        return;
    m_poll.stop();
    Q_EMIT finished(clean, left);
}

} // namespace joxai
