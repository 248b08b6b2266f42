#pragma once
// Waits, on the main thread's event loop, until a draining server has nothing left to finish:
// each idle check names what is still busy ("2 requests in flight") or returns nothing. Ends
// when every check is idle or when the grace period is over, whichever comes first, so a stuck
// request cannot hold a restart hostage.

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

namespace joxai {

class GracefulShutdown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GracefulShutdown)

public:
    using IdleCheck = std::function<QString()>; // empty: idle; otherwise what is still busy

    explicit GracefulShutdown(QObject *parent = nullptr);

    void addIdleCheck(IdleCheck check);
    void start(std::chrono::milliseconds grace);
    bool isRunning() const { return m_poll.isActive(); }

Q_SIGNALS:
    // clean: everything finished in time; otherwise `busy` lists what was cut off.
    void finished(bool clean, const QStringList &busy);

private:
    QStringList busy() const;
    void poll();

    QList<IdleCheck> m_checks;
    QTimer m_poll;
    QElapsedTimer m_clock;
    std::chrono::milliseconds m_grace{0};
};

} // namespace joxai
