#pragma once
// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so the server shuts
// down through the event loop instead of dying mid-write. A second signal exits at once.
// SIGHUP asks for a reload (the TLS certificate) and never counts towards that.

#include <QObject>

class QSocketNotifier;

namespace joxai {

class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace joxai
