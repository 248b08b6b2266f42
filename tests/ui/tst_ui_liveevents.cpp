// LiveEvents against a real server: live delivery, no replay of history on the first connection,
// resync of everything missed after the socket is dropped (exactly once, in order), 4401 ends the
// channel, 4429 is reported and retried.

#include "server/realtime/eventbus.h"
#include "server/storage/database.h"
#include "server/storage/eventstore.h"
#include "tests/support/httpclient.h"
#include "tests/support/staffsocketclient.h"
#include "tests/support/testserver.h"
#include "ui/client/apiclient.h"
#include "ui/client/liveevents.h"

#include <QSignalSpy>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;

class TestUiLiveEvents : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;

    // What a service does on a state change: write the event, then kick the bus (as in
    // tests/realtime; no service of today's API emits events of its own yet).
    qint64 publish(const QString &type)
    {
        Event e;
        e.type = type;
        e.visibility = Event::Visibility::Staff;
        e.data = QJsonObject{{QStringLiteral("note"), type}};
        SqlSession s = m_server->runtime().database().session();
        auto stored = EventStore::append(s, e);
        if (!stored)
            return 0;
        m_server->runtime().eventBus().kick();
        return stored->id;
    }

    bool signIn(ApiClient &api, const QString &email, const QString &password)
    {
        api.setServer(QUrl(m_server->baseUrl()));
        bool done = false;
        bool ok = false;
        api.login(email, password, {}, &api, [&](const ApiResult<Session> &r) {
            done = true;
            ok = r.ok();
        });
        return QTest::qWaitFor([&] { return done; }, 15000) && ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Config &c) {
            c.wsMaxPerUser = 2;
            c.wsRevalidateSeconds = 1;
        });
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("sup@bank.test"), QStringLiteral("supervisor")).isEmpty());
    }

    void receivesLiveEventsButNotHistory()
    {
        const qint64 old = publish(QStringLiteral("ticket.created"));
        QVERIFY(old > 0);
        ApiClient api;
        QVERIFY(signIn(api, QStringLiteral("sup@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        LiveEvents live(api);
        QSignalSpy events(&live, &LiveEvents::eventReceived);
        QSignalSpy states(&live, &LiveEvents::stateChanged);
        live.start();
        QCOMPARE(live.state(), LiveEvents::State::Connecting);
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 10000));
        const qint64 fresh = publish(QStringLiteral("ticket.updated"));
        QVERIFY(QTest::qWaitFor([&] { return events.count() >= 1; }, 10000));
        QTest::qWait(200);
        QCOMPARE(events.count(), 1); // the event from before the session is history, not news
        const auto e = events.first().first().value<LiveEvent>();
        QCOMPARE(e.id, fresh);
        QCOMPARE(e.type, QStringLiteral("ticket.updated"));
        QCOMPARE(e.data.value(QStringLiteral("note")).toString(), QStringLiteral("ticket.updated"));
        QVERIFY(!e.replayed);
        QVERIFY(e.at.isValid());
        QCOMPARE(live.lastEventId(), fresh);
        live.stop();
        QCOMPARE(live.state(), LiveEvents::State::Offline);
    }

    void resyncsWhatWasMissedAfterTheSocketDrops()
    {
        ApiClient api;
        QVERIFY(signIn(api, QStringLiteral("sup@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        LiveEvents live(api);
        live.setBackoff(300, 600);
        QSignalSpy events(&live, &LiveEvents::eventReceived);
        QSignalSpy resynced(&live, &LiveEvents::resynced);
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 10000));
        const qint64 first = publish(QStringLiteral("conversation.created"));
        QVERIFY(QTest::qWaitFor([&] { return events.count() == 1; }, 10000));

        live.dropConnection();
        QCOMPARE(live.state(), LiveEvents::State::Reconnecting);
        QList<qint64> missed;
        for (int i = 0; i < 3; ++i)
            missed << publish(QStringLiteral("conversation.updated"));

        QVERIFY(QTest::qWaitFor([&] { return resynced.count() == 1; }, 10000));
        QCOMPARE(resynced.first().first().toInt(), 3);
        QCOMPARE(live.state(), LiveEvents::State::Connected);
        const qint64 after = publish(QStringLiteral("conversation.closed"));
        QVERIFY(QTest::qWaitFor([&] { return events.count() == 5; }, 10000));
        QTest::qWait(300);
        QCOMPARE(events.count(), 5); // each exactly once

        QList<qint64> ids;
        for (const auto &args : std::as_const(events))
            ids << args.first().value<LiveEvent>().id;
        QCOMPARE(ids, (QList<qint64>{first, missed[0], missed[1], missed[2], after}));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(events.at(i).first().value<LiveEvent>().replayed);
        QVERIFY(!events.at(4).first().value<LiveEvent>().replayed);
    }

    void revokedSessionEndsTheChannel()
    {
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("gone@bank.test"), QStringLiteral("agent")).isEmpty());
        ApiClient api;
        QVERIFY(signIn(api, QStringLiteral("gone@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        LiveEvents live(api);
        live.setBackoff(100, 200);
        QSignalSpy expired(&live, &LiveEvents::sessionExpired);
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 10000));
        const QString other = m_http->login(QStringLiteral("gone@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/logout"), {}, other).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return expired.count() == 1; }, 10000));
        QCOMPARE(live.state(), LiveEvents::State::Offline);
        QTest::qWait(500);
        QCOMPARE(live.state(), LiveEvents::State::Offline); // no reconnect with a dead token
    }

    void tooManySocketsIsReportedAndRetried()
    {
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("busy@bank.test"), QStringLiteral("agent")).isEmpty());
        ApiClient api;
        QVERIFY(signIn(api, QStringLiteral("busy@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        auto a = std::make_unique<StaffSocketClient>();
        auto b = std::make_unique<StaffSocketClient>();
        QCOMPARE(a->open(m_server->baseUrl(), api.token()), QString());
        QCOMPARE(b->open(m_server->baseUrl(), api.token()), QString());
        LiveEvents live(api);
        live.setBackoff(100, 300);
        QSignalSpy tooMany(&live, &LiveEvents::tooManyConnections);
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return tooMany.count() >= 1; }, 10000));
        QVERIFY(live.state() != LiveEvents::State::Connected);
        a.reset(); // a place frees up: the next attempt gets in
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 10000));
    }
};

QTEST_MAIN(TestUiLiveEvents)
#include "tst_ui_liveevents.moc"
