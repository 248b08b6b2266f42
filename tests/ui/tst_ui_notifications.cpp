// The bell and the desktop notification against a real server: a customer who asks for a person
// (chat API) raises the supervisor's unread count live; the tray message goes out (or, where the
// desktop has no tray — offscreen here — the window's fallback: the taskbar alert and the status
// bar); the popup lists it in bold, a click marks it read and opens the conversation; "mark all
// read" clears several; an assignment reaches the agent's bell, and an agent who switched desktop
// notifications off gets the count without the interruption.

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/liveevents.h"
#include "ui/client/notificationcenter.h"
#include "ui/pages/conversationpanel.h"
#include "ui/pages/conversationspage.h"
#include "ui/pages/mainwindow.h"
#include "ui/widgets/notificationbell.h"
#include "ui/widgets/traynotifier.h"

#include <QFrame>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiNotifications : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_super;
    qint64 m_agentId = 0;

    std::unique_ptr<ApiClient> client(const QString &email)
    {
        return signedInClient(m_server->baseUrl(), email, QLatin1String(HttpClient::kStaffPassword));
    }

    int serverUnread(const QString &token)
    {
        return int(m_http->get(QStringLiteral("/api/v1/notifications/me"), token).json().value(QStringLiteral("unread")).toInteger());
    }

    QString escalatingCustomer(ChatCustomer &customer, const QString &name)
    {
        if (customer.start(QStringLiteral("en"), {{QStringLiteral("customer_name"), name}}).status != 201
            || customer.escalate(QStringLiteral("I want to talk to a person")).status != 200)
            return {};
        return customer.conversationId();
    }

private Q_SLOTS:
    void initTestCase()
    {
        withoutKeychain();
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        m_super = m_http->createStaff(m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor"));
        QVERIFY(!m_super.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent"), &m_agentId).isEmpty());
    }

    void escalationRaisesTheCountLiveAndIsAnnounced()
    {
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 15000));
        NotificationBell *bell = window.bell();
        QVERIFY(bell && bell->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return window.notifications()->isLoaded(); }, 10000));
        QCOMPARE(bell->shownCount(), 0);
        QCOMPARE(bell->text(), QString());

        // A customer asks for a person through the public chat API.
        ChatCustomer customer(*m_http);
        const QString conversation = escalatingCustomer(customer, QStringLiteral("Ines Alert"));
        QVERIFY(!conversation.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return bell->shownCount() == 1; }, 15000));
        QCOMPARE(bell->text(), QStringLiteral("1"));
        QCOMPARE(serverUnread(m_super), 1);

        // The desktop is told: by the tray where there is one, else by the window's fallback.
        TrayNotifier *tray = window.tray();
        QCOMPARE(tray->announced(), 1);
        QCOMPARE(tray->lastPath(), TrayNotifier::trayAvailable() ? TrayNotifier::Path::Tray : TrayNotifier::Path::Fallback);
        QVERIFY2(tray->lastTitle().startsWith(QStringLiteral("A customer is waiting: ")), qPrintable(tray->lastTitle()));
        if (tray->lastPath() == TrayNotifier::Path::Fallback)
            QCOMPARE(window.statusBar()->currentMessage(), tray->lastTitle());

        // The popup lists it, unread in bold; a click marks it read and opens the conversation.
        QSignalSpy reloaded(window.notifications(), &NotificationCenter::changed);
        bell->showPopup();
        QVERIFY(bell->popup()->isVisible());
        QVERIFY(reloaded.wait(10000)); // the popup reads the list again
        QListWidget *list = bell->list();
        QVERIFY(QTest::qWaitFor([&] { return list->count() >= 1 && list->item(0)->data(Qt::UserRole).isValid(); }, 10000));
        QListWidgetItem *first = list->item(0);
        QVERIFY(first->font().bold());
        QCOMPARE(first->data(Qt::UserRole).toJsonObject().value(QStringLiteral("data")).toObject()
                     .value(QStringLiteral("conversation_id")).toString(), conversation);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(first).center());
        QVERIFY(QTest::qWaitFor([&] { return bell->shownCount() == 0; }, 10000));
        QCOMPARE(serverUnread(m_super), 0);
        QVERIFY(!bell->popup()->isVisible());
        auto *conversations = qobject_cast<ConversationsPage *>(window.page(PageId::Conversations));
        QCOMPARE(window.currentPage(), conversations);
        QCOMPARE(conversations->panel()->conversationId(), conversation);

        // Two more; "mark all read" clears both, here and on the server.
        ChatCustomer second(*m_http), third(*m_http);
        QVERIFY(!escalatingCustomer(second, QStringLiteral("Jon Second")).isEmpty());
        QVERIFY(!escalatingCustomer(third, QStringLiteral("Kim Third")).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return bell->shownCount() == 2; }, 15000));
        QCOMPARE(tray->announced(), 3);
        bell->showPopup();
        auto *readAll = bell->popup()->findChild<QPushButton *>(QStringLiteral("markAllReadButton"));
        QVERIFY(readAll->isEnabled());
        readAll->click();
        QVERIFY(QTest::qWaitFor([&] { return bell->shownCount() == 0; }, 10000));
        QCOMPARE(serverUnread(m_super), 0);
        QVERIFY(!readAll->isEnabled());
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(!list->item(i)->font().bold());
        bell->popup()->hide();
        live.stop();
    }

    void assignmentReachesTheAgentAndTheSettingIsRespected()
    {
        // This agent does not want desktop notifications.
        const QString agentToken = m_http->login(QStringLiteral("agent@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/settings/me"), {{QStringLiteral("desktop_notifications"), false}}, agentToken).status, 200);
        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected && window.notifications()->isLoaded(); }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return !window.tray()->isEnabled(); }, 10000));
        const int before = window.bell()->shownCount();

        // A supervisor assigns a waiting customer to the agent.
        ChatCustomer customer(*m_http);
        const QString conversation = escalatingCustomer(customer, QStringLiteral("Lea Assigned"));
        QVERIFY(!conversation.isEmpty());
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/conversations/%1/assign").arg(conversation),
                              {{QStringLiteral("user_id"), m_agentId}}, m_super).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return window.bell()->shownCount() == before + 1; }, 15000));
        const QJsonObject newest = window.notifications()->items().first();
        QCOMPARE(newest.value(QStringLiteral("type")).toString(), QStringLiteral("assignment"));
        QCOMPARE(window.tray()->announced(), 0); // switched off: counted, not announced

        // Switched on again, the same kind of news is announced.
        window.tray()->setEnabled(true);
        QCOMPARE(window.tray()->announce(newest), TrayNotifier::trayAvailable() ? TrayNotifier::Path::Tray : TrayNotifier::Path::Fallback);
        QCOMPARE(window.tray()->lastTitle(), QStringLiteral("Assigned to you"));
        // Other kinds do not interrupt.
        QJsonObject breach = newest;
        breach.insert(QStringLiteral("type"), QStringLiteral("sla_breach"));
        QCOMPARE(window.tray()->announce(breach), TrayNotifier::Path::None);
        live.stop();
    }
};

QTEST_MAIN(TestUiNotifications)
#include "tst_ui_notifications.moc"
