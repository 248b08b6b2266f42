// The staff socket against a real server: who may connect (4401, 4429), the hello/ping/pong
// exchange, routing of events by role and assignment, /api/v1/events, /api/v1/ws/stats.

#include "server/auth/tokenservice.h"
#include "server/realtime/eventbus.h"
#include "server/storage/database.h"
#include "server/storage/eventstore.h"
#include "tests/support/httpclient.h"
#include "tests/support/staffsocketclient.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

#include <memory>

using namespace joxai;
using namespace joxai::test;

using Listener = StaffSocketClient;

class TestRealtime : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_agentA;
    QString m_agentB;
    QString m_supervisor;
    qint64 m_agentAId = 0;
    qint64 m_agentBId = 0;
    qint64 m_supervisorId = 0;

    Event publish(Event e)
    {
        SqlSession s = m_server->runtime().database().session();
        auto stored = EventStore::append(s, e);
        if (!stored)
            qWarning() << "append failed:" << stored.error().detail;
        m_server->runtime().eventBus().kick();
        return stored ? stored.value() : Event();
    }

    static Event make(const QString &type, Event::Visibility v, qint64 assignedTo = 0, qint64 userId = 0)
    {
        Event e;
        e.type = type;
        e.visibility = v;
        e.assignedTo = assignedTo;
        e.userId = userId;
        e.data = QJsonObject{{QStringLiteral("note"), type}};
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Config &c) { c.wsMaxPerUser = 2; });
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        m_agentA = m_http->createStaff(m_admin, QStringLiteral("a@bank.test"), QStringLiteral("agent"), &m_agentAId);
        m_agentB = m_http->createStaff(m_admin, QStringLiteral("b@bank.test"), QStringLiteral("agent"), &m_agentBId);
        m_supervisor = m_http->createStaff(m_admin, QStringLiteral("s@bank.test"), QStringLiteral("supervisor"), &m_supervisorId);
        QVERIFY(!m_agentA.isEmpty() && !m_agentB.isEmpty() && !m_supervisor.isEmpty());
    }

    void badTokensAreClosedWith4401_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("none") << QString();
        QTest::newRow("garbage") << QStringLiteral("abc.def.ghi");
        TokenService other("another-secret-key-that-is-long-enough-1234", 3600);
        QTest::newRow("other key") << other.issue(1, QStringLiteral("admin"), 1);
        TokenService same("test-secret-key-0123456789-abcdefghijklmnop", 3600);
        QTest::newRow("revoked version") << same.issue(1, QStringLiteral("admin"), 1);
    }

    void badTokensAreClosedWith4401()
    {
        QFETCH(QString, token);
        Listener l;
        l.connectTo(m_server->baseUrl(), token);
        QVERIFY(l.waitClosed());
        QCOMPARE(int(l.socket().closeCode()), 4401);
        QVERIFY(l.messages.isEmpty());
    }

    void helloThenPingPong()
    {
        Listener l;
        l.connectTo(m_server->baseUrl(), m_agentA);
        QVERIFY(l.waitHello());
        QCOMPARE(l.messages.first().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(l.messages.first().value(QStringLiteral("user_id")).toInteger(), m_agentAId);
        l.socket().sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QVERIFY(QTest::qWaitFor([&] { return l.messages.size() >= 2; }, 5000));
        QCOMPARE(l.messages.at(1).value(QStringLiteral("type")).toString(), QStringLiteral("pong"));
    }

    void perUserLimitClosesWith4429()
    {
        Listener one, two, three;
        one.connectTo(m_server->baseUrl(), m_agentB);
        QVERIFY(one.waitHello());
        two.connectTo(m_server->baseUrl(), m_agentB);
        QVERIFY(two.waitHello());
        three.connectTo(m_server->baseUrl(), m_agentB);
        QVERIFY(three.waitClosed());
        QCOMPARE(int(three.socket().closeCode()), 4429);
        // Closing one frees a place.
        one.socket().close();
        QVERIFY(one.waitClosed());
        QTest::qWait(200);
        Listener four;
        four.connectTo(m_server->baseUrl(), m_agentB);
        QVERIFY(four.waitHello());
    }

    void perRoleLimitClosesWith4429()
    {
        TestServer small([](Config &c) { c.wsMaxAgents = 1; });
        QVERIFY(small.started());
        HttpClient http(small.baseUrl());
        const QString admin = http.adminToken();
        const QString first = http.createStaff(admin, QStringLiteral("r1@bank.test"), QStringLiteral("agent"));
        const QString second = http.createStaff(admin, QStringLiteral("r2@bank.test"), QStringLiteral("agent"));
        Listener one, two, boss;
        one.connectTo(small.baseUrl(), first);
        QVERIFY(one.waitHello());
        two.connectTo(small.baseUrl(), second);
        QVERIFY(two.waitClosed());
        QCOMPARE(int(two.socket().closeCode()), 4429);
        boss.connectTo(small.baseUrl(), admin); // other roles have their own allowance
        QVERIFY(boss.waitHello());
    }

    void expiredEventsArePruned()
    {
        const Event e = publish(make(QStringLiteral("conversation.escalated"), Event::Visibility::Staff));
        QVERIFY(e.id > 0);
        SqlSession s = m_server->runtime().database().session();
        auto removed = EventStore::pruneBefore(s, QDateTime::currentDateTimeUtc().addSecs(1));
        QVERIFY(removed.ok());
        QVERIFY(removed.value() >= 1);
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/events?after=%1").arg(e.id - 1), m_supervisor);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 0);
    }

    void eventsReachExactlyThoseWhoMaySeeThem()
    {
        Listener a, b, s;
        a.connectTo(m_server->baseUrl(), m_agentA);
        b.connectTo(m_server->baseUrl(), m_agentB);
        s.connectTo(m_server->baseUrl(), m_supervisor);
        QVERIFY(a.waitHello() && b.waitHello() && s.waitHello());

        QList<Event> sent;
        for (int round = 0; round < 10; ++round) {
            sent << publish(make(QStringLiteral("conversation.escalated"), Event::Visibility::Staff));
            sent << publish(make(QStringLiteral("conversation.updated"), Event::Visibility::Assigned, m_agentAId));
            sent << publish(make(QStringLiteral("ticket.updated"), Event::Visibility::Assigned, m_agentBId));
            sent << publish(make(QStringLiteral("notification.created"), Event::Visibility::User, 0, m_agentBId));
            sent << publish(make(QStringLiteral("presence.updated"), Event::Visibility::Supervisors));
        }
        auto expectedFor = [&](qint64 id, Role role) {
            QList<qint64> ids;
            for (const Event &e : sent)
                if (e.visibleTo(id, role))
                    ids << e.id;
            return ids;
        };
        const QList<qint64> forA = expectedFor(m_agentAId, Role::Agent);
        const QList<qint64> forB = expectedFor(m_agentBId, Role::Agent);
        const QList<qint64> forS = expectedFor(m_supervisorId, Role::Supervisor);
        QCOMPARE(forA.size(), 20);
        QCOMPARE(forB.size(), 30);
        QCOMPARE(forS.size(), 40); // everything but B's notifications
        QVERIFY(a.waitEvents(forA.size()) && b.waitEvents(forB.size()) && s.waitEvents(forS.size()));
        QTest::qWait(300); // nothing more may arrive
        QCOMPARE(a.ids, forA); // exactly these, in order, each once
        QCOMPARE(b.ids, forB);
        QCOMPARE(s.ids, forS);

        // The envelope of shared/API.md.
        const QJsonObject first = a.messages.at(1);
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("conversation.escalated"));
        QVERIFY(!first.value(QStringLiteral("at")).toString().isEmpty());
        QCOMPARE(first.value(QStringLiteral("data")).toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("conversation.escalated"));

        // /events replays the same, for the same rule.
        const qint64 before = sent.first().id - 1;
        const HttpResult replayA = m_http->get(QStringLiteral("/api/v1/events?after=%1&limit=200").arg(before), m_agentA);
        QCOMPARE(replayA.status, 200);
        QList<qint64> replayed;
        for (const QJsonValue &v : replayA.items())
            replayed << v.toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(replayed, forA);
        const HttpResult replayS = m_http->get(QStringLiteral("/api/v1/events?after=%1&limit=200").arg(before), m_supervisor);
        QCOMPARE(replayS.json().value(QStringLiteral("total")).toInt(), forS.size());
    }

    void eventsQueryIsValidated()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/events?after=-1"), m_agentA).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/events?after=abc"), m_agentA).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/events")).status, 401);
    }

    void statsForSupervisorsOnly()
    {
        Listener a;
        a.connectTo(m_server->baseUrl(), m_agentA);
        QVERIFY(a.waitHello());
        const HttpResult stats = m_http->get(QStringLiteral("/api/v1/ws/stats"), m_supervisor);
        QCOMPARE(stats.status, 200);
        const QJsonObject o = stats.json();
        QVERIFY(o.value(QStringLiteral("connections")).toInt() >= 1);
        QVERIFY(o.value(QStringLiteral("by_role")).toObject().value(QStringLiteral("agent")).toInt() >= 1);
        QVERIFY(o.value(QStringLiteral("users")).toInt() >= 1);
        QVERIFY(o.contains(QStringLiteral("events_sent")));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/ws/stats"), m_agentA).status, 403);
    }

    void plainGetOnTheSocketPathIs426()
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/ws"));
        QCOMPARE(r.status, 426);
        QCOMPARE(r.code(), QStringLiteral("upgrade_required"));
    }

    void unknownSocketPathIsClosed()
    {
        QWebSocket ws;
        QString url = m_server->baseUrl();
        url.replace(QLatin1String("http://"), QLatin1String("ws://"));
        ws.open(QUrl(url + QStringLiteral("/api/v1/nowhere")));
        QVERIFY(QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::UnconnectedState; }, 10000));
        QCOMPARE(int(ws.closeCode()), 4404);
    }
};

QTEST_GUILESS_MAIN(TestRealtime)
#include "tst_realtime.moc"
