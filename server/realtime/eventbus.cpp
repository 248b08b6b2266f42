#include "server/realtime/eventbus.h"

#include "server/core/logging.h"
#include "server/storage/database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QUuid>

namespace joxai {

namespace {
constexpr int kBatch = 500;
constexpr int kHoleRecheckMs = 20; // how soon to look again while an id is missing
const QString kChannel = QStringLiteral("joxai_events");
} // namespace

EventBus::EventBus(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    // A safety net, not the delivery path: it catches up if a NOTIFY was missed.
    connect(&m_safety, &QTimer::timeout, this, [this] {
        checkListener();
        kick();
    });
}

EventBus::~EventBus()
{
    if (!m_listenConnection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_listenConnection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_listenConnection);
    }
}

Status EventBus::start()
{
    SqlSession s = m_db.session();
    auto latest = EventStore::latestId(s);
    if (!latest)
        return latest.error();
    m_lastDelivered = latest.value();
    if (m_db.target().isPostgres())
        listen();
    m_safety.start(m_db.target().isPostgres() ? 5000 : 30000);
    return success();
}

void EventBus::listen()
{
    // LISTEN needs a connection of its own on a thread with an event loop: this one.
    if (m_listenConnection.isEmpty())
        m_listenConnection = QStringLiteral("joxai-listen-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase old = QSqlDatabase::database(m_listenConnection, false);
        old.close();
    }
    QSqlDatabase::removeDatabase(m_listenConnection);
    const DatabaseTarget &t = m_db.target();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_listenConnection);
    db.setHostName(t.host);
    db.setPort(t.port);
    db.setUserName(t.user);
    db.setPassword(t.password);
    db.setDatabaseName(t.name);
    db.setConnectOptions(QStringLiteral("connect_timeout=3"));
    if (!db.open() || !db.driver()->subscribeToNotification(kChannel)) {
        qCWarning(lcStorage) << "cannot LISTEN for events from other instances; will retry";
        return;
    }
    // Each listen() makes a new connection (and driver), so this never connects twice.
    connect(db.driver(), &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &) { kick(); });
}

void EventBus::checkListener()
{
    if (!m_db.target().isPostgres())
        return;
    // A cheap round trip tells whether the LISTEN connection survived (PostgreSQL restarts). The
    // handle goes before listen() replaces the connection (removeDatabase wants no handle left).
    bool alive = false;
    {
        QSqlDatabase db = QSqlDatabase::database(m_listenConnection, false);
        alive = db.isOpen();
        if (alive) {
            QSqlQuery q(db);
            alive = q.exec(QStringLiteral("SELECT 1"));
        }
    }
    if (!alive)
        listen();
}

void EventBus::kick()
{
    if (m_fetching) {
        m_again = true;
        return;
    }
    fetch();
}

void EventBus::fetch()
{
    m_fetching = true;
    m_again = false;
    const qint64 after = m_lastDelivered;
    m_db.run<QList<Event>>(this, [after](SqlSession &s) -> Result<QList<Event>> {
        // The bus takes every event; each socket then gets only what its user may see.
        auto q = EventStore::allAfter(s, after, kBatch);
        if (!q)
            return q.error();
        return q.value();
    }, [this](Result<QList<Event>> events) {
        m_fetching = false;
        bool holding = false;
        if (events) {
            for (const Event &e : events.value()) {
                if (e.id <= m_lastDelivered)
                    continue;
                const qint64 expected = m_lastDelivered + 1;
                if (e.id != expected && !passHole(expected)) {
                    holding = true; // wait for the missing id's transaction to commit
                    break;
                }
                m_lastDelivered = e.id;
                m_holeAt = 0;
                ++m_deliveredCount;
                Q_EMIT eventReady(e);
            }
            if (events->size() == kBatch && !holding)
                m_again = true;
        }
        if (m_again) {
            fetch();
        } else if (holding && !m_holdScheduled) {
            m_holdScheduled = true;
            QTimer::singleShot(kHoleRecheckMs, this, [this] {
                m_holdScheduled = false;
                kick();
            });
        }
    });
}

bool EventBus::passHole(qint64 missing)
{
    if (m_holeAt != missing) {
        m_holeAt = missing;
        m_holeSince.start();
        return false;
    }
    if (m_holeSince.elapsed() < kGapWaitMs)
        return false;
    qCDebug(lcStorage) << "event bus: no event" << missing << "after" << kGapWaitMs << "ms; passing it";
    ++m_holesPassed;
    m_holeAt = 0;
    return true;
}

} // namespace joxai
