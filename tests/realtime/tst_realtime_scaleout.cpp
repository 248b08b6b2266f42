// Several server instances on one PostgreSQL database: an event committed by one instance reaches
// the staff sockets held by another (EventStore NOTIFYs joxai_events, every EventBus LISTENs), once
// and in id order, and the other instance's /api/v1/events answers the same ids. First with a second
// ServerRuntime inside this process, then with two real joxai-server processes.

#include "server/realtime/eventbus.h"
#include "server/runtime/serverruntime.h"
#include "server/storage/database.h"
#include "server/storage/eventstore.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/staffsocketclient.h"
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QtTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace joxai;
using namespace joxai::test;

namespace {

using Listener = StaffSocketClient;

const QString kSecret = QStringLiteral("test-secret-key-0123456789-abcdefghijklmnop");


Event makeEvent(const QString &type, Event::Visibility visibility, qint64 assignedTo, int n)
{
    Event e;
    e.type = type;
    e.visibility = visibility;
    e.assignedTo = assignedTo;
    e.data = QJsonObject{{QStringLiteral("n"), n}};
    return e;
}



} // namespace

class TestRealtimeScaleout : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<ServerRuntime> m_b;
    std::unique_ptr<HttpClient> m_httpA;
    std::unique_ptr<HttpClient> m_httpB;
    QString m_admin;
    QString m_agent1;
    QString m_agent2;
    qint64 m_agent1Id = 0;
    qint64 m_agent2Id = 0;
    std::vector<std::unique_ptr<ServerProcess>> m_processes; // stopped by PID when dropped
    QTemporaryDir m_procDir;

    qint64 appendOnA(const Event &e)
    {
        SqlSession s = m_a->runtime().database().session();
        auto appended = EventStore::append(s, e);
        return appended ? appended->id : 0;
    }

    // Starts a joxai-server process on this test database; answers its base URL or empty.
    QString startProcess(const QString &name, QString *why)
    {
        auto process = std::make_unique<ServerProcess>();
        QDir(m_procDir.path()).mkpath(name);
        *why = process->start(QStringLiteral(JOXAI_SERVER_BIN), m_procDir.filePath(name),
                              {{QStringLiteral("DATABASE_URL"), m_a->database().url()},
                               {QStringLiteral("SECRET_KEY"), kSecret},
                               {QStringLiteral("JOXAI_RATE_LIMIT_AUTH"), QStringLiteral("0")},
                               {QStringLiteral("JOXAI_RATE_LIMIT_API"), QStringLiteral("0")}});
        const QString base = why->isEmpty() ? process->baseUrl() : QString();
        m_processes.push_back(std::move(process));
        return base;
    }

    // A raw connection to the test database, as another instance's transaction would use.
    QSqlDatabase rawConnection(const QString &name)
    {
        const DatabaseTarget &t = m_a->database().target();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(t.host);
        db.setPort(t.port);
        db.setUserName(t.user);
        db.setPassword(t.password);
        db.setDatabaseName(t.name);
        db.open();
        return db;
    }

    static qint64 insertEvent(QSqlDatabase &db, int n)
    {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO events (type, visibility, payload) "
                                      "VALUES ('ticket.updated', 'staff', CAST(? AS jsonb)) RETURNING id"));
        insert.addBindValue(QStringLiteral("{\"n\":%1}").arg(n));
        if (!insert.exec() || !insert.next())
            return 0;
        return insert.value(0).toLongLong();
    }

    static bool notify(QSqlDatabase &db, qint64 id)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT pg_notify('joxai_events', ?)"));
        q.addBindValue(QString::number(id));
        return q.exec();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_procDir.isValid());
        m_a = std::make_unique<TestServer>();
        QVERIFY2(m_a->started(), qPrintable(m_a->startError()));
        QVERIFY2(m_a->database().isPostgres(), "this suite needs PostgreSQL (JOXAI_TEST_DB=postgresql)");
        m_httpA = std::make_unique<HttpClient>(m_a->baseUrl());
        m_admin = m_httpA->adminToken();
        QVERIFY(!m_admin.isEmpty());
        m_agent1 = m_httpA->createStaff(m_admin, QStringLiteral("agent1@joxai.com"), QStringLiteral("agent"), &m_agent1Id);
        m_agent2 = m_httpA->createStaff(m_admin, QStringLiteral("agent2@joxai.com"), QStringLiteral("agent"), &m_agent2Id);
        QVERIFY(!m_agent1.isEmpty() && !m_agent2.isEmpty());

        Config c = m_a->config();
        c.port = 0;
        m_b = std::make_unique<ServerRuntime>(c);
        auto started = m_b->start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().detail));
        QVERIFY(m_b->port() != m_a->port());
        m_httpB = std::make_unique<HttpClient>(m_b->baseUrl());
    }

    void cleanupTestCase()
    {
        m_processes.clear();
        m_b.reset(); // before A drops the database
    }

    void burstCommittedOnAArrivesOnceAndInOrderOnB()
    {
        Listener admin;
        QVERIFY2(admin.open(m_b->baseUrl(), m_admin).isEmpty(), "admin socket on B");
        QCOMPARE(admin.hello.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        Listener agent1;
        QVERIFY2(agent1.open(m_b->baseUrl(), m_agent1).isEmpty(), "agent1 socket on B");
        QCOMPARE(agent1.hello.value(QStringLiteral("user_id")).toInteger(), m_agent1Id);

        qint64 before = 0;
        {
            SqlSession s = m_a->runtime().database().session();
            before = EventStore::latestId(s).value();
        }
        const qint64 bBusBefore = m_b->eventBus().delivered();

        QList<qint64> all;
        QList<qint64> forAgent1;
        for (int i = 0; i < 100; ++i) {
            // Every third event belongs to agent 2's assignment; agent 1 must never see those.
            const bool agent2s = i % 3 == 2;
            const bool mine = i % 3 == 1;
            const Event e = makeEvent(QStringLiteral("conversation.updated"),
                                      agent2s || mine ? Event::Visibility::Assigned : Event::Visibility::Staff,
                                      agent2s ? m_agent2Id : (mine ? m_agent1Id : 0), i);
            const qint64 id = appendOnA(e);
            QVERIFY2(id > 0, "append on A");
            all.append(id);
            if (!agent2s)
                forAgent1.append(id);
            if (i % 10 == 9)
                m_a->runtime().eventBus().kick(); // A's bus only; B learns through NOTIFY
        }
        QVERIFY(std::is_sorted(all.cbegin(), all.cend()));

        QVERIFY2(QTest::qWaitFor([&] { return admin.ids.size() >= all.size(); }, 20000),
                 qPrintable(QStringLiteral("admin on B got %1 of %2").arg(admin.ids.size()).arg(all.size())));
        QVERIFY(QTest::qWaitFor([&] { return agent1.ids.size() >= forAgent1.size(); }, 10000));
        QTest::qWait(500); // stragglers (duplicates) would show up now
        QCOMPARE(describeIds(admin.ids), describeIds(all));
        QCOMPARE(describeIds(agent1.ids), describeIds(forAgent1));
        QCOMPARE(m_b->eventBus().delivered() - bBusBefore, qint64(all.size()));
        QCOMPARE(m_b->eventBus().lastDelivered(), all.last());

        // The envelope as committed on A.
        const QJsonObject first = admin.messages.at(1);
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("conversation.updated"));
        QCOMPARE(first.value(QStringLiteral("data")).toObject().value(QStringLiteral("n")).toInt(), 0);
        QVERIFY(!first.value(QStringLiteral("at")).toString().isEmpty());

        QString why;
        QCOMPARE(describeIds(resyncIds(*m_httpB, m_admin, before, &why)), describeIds(all));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(describeIds(resyncIds(*m_httpB, m_agent1, before, &why)), describeIds(forAgent1));
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void otherAgentsAssignmentDoesNotReachThisSocketOnB()
    {
        Listener agent1;
        QVERIFY2(agent1.open(m_b->baseUrl(), m_agent1).isEmpty(), "agent1 socket on B");
        Listener agent2;
        QVERIFY2(agent2.open(m_b->baseUrl(), m_agent2).isEmpty(), "agent2 socket on B");

        const qint64 hidden = appendOnA(makeEvent(QStringLiteral("ticket.updated"), Event::Visibility::Assigned, m_agent2Id, 1));
        // A later event agent 1 does see: once it has arrived, the hidden one (older) has been routed.
        const qint64 marker = appendOnA(makeEvent(QStringLiteral("ticket.updated"), Event::Visibility::Staff, 0, 2));
        QVERIFY(hidden > 0 && marker > hidden);
        m_a->runtime().eventBus().kick();

        QVERIFY(QTest::qWaitFor([&] { return agent1.ids.contains(marker); }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return agent2.ids.contains(marker); }, 5000));
        QCOMPARE(describeIds(agent1.ids), describeIds({marker}));
        QCOMPARE(describeIds(agent2.ids), describeIds({hidden, marker}));
    }

    void notifyDeliversWithoutWaitingForTheSafetyPoll()
    {
        // Not a speed check: B's bus also polls every 5 s as a safety net, so an event that only
        // arrives by that poll would, in one of two rounds at least, take longer than 2 s. NOTIFY
        // takes milliseconds.
        Listener admin;
        QVERIFY2(admin.open(m_b->baseUrl(), m_admin).isEmpty(), "admin socket on B");
        for (int round = 0; round < 2; ++round) {
            const qint64 id = appendOnA(makeEvent(QStringLiteral("typing"), Event::Visibility::Staff, 0, round));
            QVERIFY(id > 0);
            m_a->runtime().eventBus().kick();
            QVERIFY2(QTest::qWaitFor([&] { return admin.ids.contains(id); }, 2000),
                     qPrintable(QStringLiteral("round %1: event %2 not delivered on B through NOTIFY").arg(round).arg(id)));
        }
    }

    void anEventCommittedAfterALaterOneStillArrivesFirst()
    {
        // Ids are taken at insert: event N's transaction can commit after N+1's. The bus must not
        // read past N while it is missing, or N would never reach a socket.
        Listener admin;
        QVERIFY2(admin.open(m_b->baseUrl(), m_admin).isEmpty(), "admin socket on B");
        const QString lateName = QStringLiteral("late-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString earlyName = QStringLiteral("early-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase late = rawConnection(lateName);
            QSqlDatabase early = rawConnection(earlyName);
            QVERIFY(late.isOpen() && early.isOpen());
            QVERIFY(late.transaction());
            const qint64 first = insertEvent(late, 1);
            const qint64 second = insertEvent(early, 2); // autocommitted at once
            QVERIFY(first > 0 && second == first + 1);
            QVERIFY(notify(early, second));
            QTest::qWait(400);
            QVERIFY2(admin.ids.isEmpty(), qPrintable(describeIds(admin.ids))); // held behind the hole
            QVERIFY(late.commit());
            QVERIFY(notify(early, first));
            QVERIFY(QTest::qWaitFor([&] { return admin.ids.size() >= 2; }, 5000));
            QTest::qWait(200);
            QCOMPARE(describeIds(admin.ids), describeIds({first, second}));
            late.close();
            early.close();
        }
        QSqlDatabase::removeDatabase(lateName);
        QSqlDatabase::removeDatabase(earlyName);
    }

    void aRolledBackEventIsPassedAfterTheWait()
    {
        Listener admin;
        QVERIFY2(admin.open(m_b->baseUrl(), m_admin).isEmpty(), "admin socket on B");
        const qint64 passedBefore = m_b->eventBus().holesPassed();
        const QString lateName = QStringLiteral("late-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString earlyName = QStringLiteral("early-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase late = rawConnection(lateName);
            QSqlDatabase early = rawConnection(earlyName);
            QVERIFY(late.transaction());
            const qint64 lost = insertEvent(late, 1);
            const qint64 kept = insertEvent(early, 2);
            QVERIFY(lost > 0 && kept == lost + 1);
            QVERIFY(late.rollback());
            QElapsedTimer clock;
            clock.start();
            QVERIFY(notify(early, kept));
            QVERIFY(QTest::qWaitFor([&] { return !admin.ids.isEmpty(); }, 10000));
            // Delivered once the hole had been open for the bus's wait, not before.
            QVERIFY2(clock.elapsed() >= EventBus::kGapWaitMs - 200, qPrintable(QString::number(clock.elapsed())));
            QTest::qWait(300);
            QCOMPARE(describeIds(admin.ids), describeIds({kept}));
            QCOMPARE(m_b->eventBus().holesPassed(), passedBefore + 1);
            late.close();
            early.close();
        }
        QSqlDatabase::removeDatabase(lateName);
        QSqlDatabase::removeDatabase(earlyName);
    }

    void twoServerProcessesShareEventsThroughNotify()
    {
        QString why;
        const QString baseA = startProcess(QStringLiteral("proc-a"), &why);
        QVERIFY2(!baseA.isEmpty(), qPrintable(why));
        const QString baseB = startProcess(QStringLiteral("proc-b"), &why);
        QVERIFY2(!baseB.isEmpty(), qPrintable(why));
        QVERIFY(baseA != baseB);

        HttpClient httpA(baseA);
        const QString admin = httpA.adminToken(); // signed in on process A
        QVERIFY(!admin.isEmpty());
        const QString agent1 = httpA.login(QStringLiteral("agent1@joxai.com"), QLatin1String(HttpClient::kStaffPassword));
        QVERIFY(!agent1.isEmpty());

        Listener adminOnB;
        QVERIFY2(adminOnB.open(baseB, admin).isEmpty(), "admin socket on process B");
        Listener agentOnB;
        QVERIFY2(agentOnB.open(baseB, agent1).isEmpty(), "agent1 socket on process B");

        // Rows written straight into the database, as another instance's service would.
        const QString name = QStringLiteral("scaleout-") + QUuid::createUuid().toString(QUuid::Id128);
        QList<qint64> all;
        QList<qint64> forAgent1;
        {
            const DatabaseTarget &t = m_a->database().target();
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(t.host);
            db.setPort(t.port);
            db.setUserName(t.user);
            db.setPassword(t.password);
            db.setDatabaseName(t.name);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            for (int i = 0; i < 30; ++i) {
                const bool agent2s = i % 2 == 1;
                QSqlQuery insert(db);
                insert.prepare(QStringLiteral("INSERT INTO events (type, assigned_to, visibility, payload) "
                                              "VALUES ('ticket.updated', ?, ?, CAST(? AS jsonb)) RETURNING id"));
                insert.addBindValue(agent2s ? QVariant(m_agent2Id) : QVariant(QMetaType::fromType<qlonglong>()));
                insert.addBindValue(agent2s ? QStringLiteral("assigned") : QStringLiteral("staff"));
                insert.addBindValue(QStringLiteral("{\"n\":%1}").arg(i));
                QVERIFY2(insert.exec() && insert.next(), qPrintable(insert.lastError().text()));
                const qint64 id = insert.value(0).toLongLong();
                all.append(id);
                if (!agent2s)
                    forAgent1.append(id);
                QSqlQuery notify(db);
                notify.prepare(QStringLiteral("SELECT pg_notify('joxai_events', ?)"));
                notify.addBindValue(QString::number(id));
                QVERIFY2(notify.exec(), qPrintable(notify.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);

        QVERIFY2(QTest::qWaitFor([&] { return adminOnB.ids.size() >= all.size(); }, 20000),
                 qPrintable(QStringLiteral("process B delivered %1 of %2").arg(adminOnB.ids.size()).arg(all.size())));
        QVERIFY(QTest::qWaitFor([&] { return agentOnB.ids.size() >= forAgent1.size(); }, 10000));
        QTest::qWait(500);
        QCOMPARE(describeIds(adminOnB.ids), describeIds(all));
        QCOMPARE(describeIds(agentOnB.ids), describeIds(forAgent1));

        HttpClient httpB(baseB);
        QCOMPARE(describeIds(resyncIds(httpB, admin, all.first() - 1, &why)), describeIds(all));
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // Process A holds nothing of this; stopping it must not disturb B's sockets.
        ServerProcess &a = *m_processes.at(m_processes.size() - 2);
        a.signal(SIGTERM);
        QVERIFY(a.waitForExit(15000));
        QCOMPARE(a.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(a.process().exitCode(), 0);
        QCOMPARE(adminOnB.socket().state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestRealtimeScaleout)
#include "tst_realtime_scaleout.moc"
