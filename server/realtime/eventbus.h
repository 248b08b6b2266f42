#pragma once
// Fans committed events out to this instance's sockets, in id order, each once. Services write
// events in their own transactions; afterwards anyone calls kick(). The bus then reads every
// event after the last one it delivered (on the worker pool) and emits them in order. With
// PostgreSQL, EventStore also NOTIFYs joxai_events on commit and the bus LISTENs, so events
// written by other instances are delivered here too; a timer catches up after a lost LISTEN.
//
// Ids are taken at insert, not at commit: with concurrent writers, event 101 can be visible while
// 100 is still being committed. Reading "after 99" then skipping to 101 would lose 100 for good.
// So the bus delivers only an unbroken run of ids: at a hole it holds what follows and looks again
// shortly; a hole still open after kGapWaitMs is a rolled-back (or erased) event and is passed.

#include "server/storage/eventstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace joxai {

class Database;

class EventBus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventBus)

public:
    explicit EventBus(Database &db, QObject *parent = nullptr);
    ~EventBus() override;

    // Starts after the newest event already stored (sockets resync older ones via /events), and
    // LISTENs on PostgreSQL.
    Status start();
    // Something was committed: fetch and deliver what is new.
    void kick();

    qint64 lastDelivered() const { return m_lastDelivered; }
    qint64 delivered() const { return m_deliveredCount; }
    qint64 holesPassed() const { return m_holesPassed; } // ids given up on (rolled back or erased)

    static constexpr int kGapWaitMs = 1500;

Q_SIGNALS:
    void eventReady(const joxai::Event &event);

private:
    void fetch();
    bool passHole(qint64 missing); // true once `missing` has been missing for kGapWaitMs
    void listen();
    void checkListener();

    Database &m_db;
    qint64 m_lastDelivered = 0;
    qint64 m_deliveredCount = 0;
    qint64 m_holeAt = 0;         // the first missing id while events after it are held
    QElapsedTimer m_holeSince;   // since when it has been missing
    qint64 m_holesPassed = 0;
    bool m_holdScheduled = false;
    bool m_fetching = false;
    bool m_again = false;
    QString m_listenConnection;
    QTimer m_safety;
};

} // namespace joxai
