#pragma once
// Fans committed events out to this instance's sockets, in id order, each once. Services write
// events in their own transactions; afterwards anyone calls kick(). The bus then reads every
// event after the last one it delivered (on the worker pool) and emits them in order. With
// PostgreSQL, EventStore also NOTIFYs joxai_events on commit and the bus LISTENs, so events
// written by other instances are delivered here too; a timer catches up after a lost LISTEN.

#include "server/storage/eventstore.h"

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

Q_SIGNALS:
    void eventReady(const joxai::Event &event);

private:
    void fetch();
    void listen();
    void checkListener();

    Database &m_db;
    qint64 m_lastDelivered = 0;
    qint64 m_deliveredCount = 0;
    bool m_fetching = false;
    bool m_again = false;
    QString m_listenConnection;
    QTimer m_safety;
};

} // namespace joxai
