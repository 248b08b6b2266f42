// Staff notifications over HTTP on both databases: an escalation notifies supervisors and admins,
// an assignment its assignee; each sees only their own, counts unread, marks read one or all.

#include "tests/support/chatcustomer.h"
#include "tests/support/testserver.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin, m_sue, m_alice;
    qint64 m_aliceId = 0;

    static qint64 unread(const HttpResult &r) { return r.json().value(QStringLiteral("unread")).toInteger(-1); }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        m_sue = m_http->createStaff(m_admin, QStringLiteral("sue@bank.example"), QStringLiteral("supervisor"));
        m_alice = m_http->createStaff(m_admin, QStringLiteral("alice@bank.example"), QStringLiteral("agent"), &m_aliceId);
        QVERIFY(!m_sue.isEmpty() && !m_alice.isEmpty());
    }

    void escalationsNotifySupervisorsOnly()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(customer.say(QStringLiteral("I lost my card")).status, 200);
        const HttpResult sue = m_http->get(QStringLiteral("/api/v1/notifications/me?unread=true"), m_sue);
        QCOMPARE(sue.status, 200);
        QCOMPARE(unread(sue), 1);
        const QJsonObject n = sue.items().first().toObject();
        QCOMPARE(n.value(QStringLiteral("type")).toString(), QStringLiteral("escalation"));
        QCOMPARE(n.value(QStringLiteral("read")).toBool(), false);
        QCOMPARE(n.value(QStringLiteral("data")).toObject().value(QStringLiteral("conversation_id")).toString(),
                 customer.conversationId());
        QCOMPARE(unread(m_http->get(QStringLiteral("/api/v1/notifications/me"), m_admin)), 1);
        QCOMPARE(unread(m_http->get(QStringLiteral("/api/v1/notifications/me"), m_alice)), 0);
        // Someone else's notification is as unknown as a missing one.
        const qint64 id = n.value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/notifications/%1/read").arg(id), {}, m_alice).status, 404);
        const HttpResult read = m_http->post(QStringLiteral("/api/v1/notifications/%1/read").arg(id), {}, m_sue);
        QCOMPARE(read.status, 200);
        QCOMPARE(unread(read), 0);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/notifications/me?unread=true"), m_sue).items().size(), 0);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/notifications/me"), m_sue).items().size(), 1);
    }

    void assignmentsNotifyTheAssigneeAndReadAllClearsThem()
    {
        for (int i = 0; i < 2; ++i) {
            ChatCustomer customer(*m_http);
            QCOMPARE(customer.start().status, 201);
            QCOMPARE(customer.escalate().status, 200);
            QCOMPARE(m_http->post(QStringLiteral("/api/v1/conversations/%1/assign").arg(customer.conversationId()),
                                  {{QStringLiteral("user_id"), m_aliceId}}, m_sue).status,
                     200);
        }
        QCOMPARE(unread(m_http->get(QStringLiteral("/api/v1/notifications/me"), m_alice)), 2);
        const HttpResult all = m_http->post(QStringLiteral("/api/v1/notifications/read-all"), {}, m_alice);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QStringLiteral("marked")).toInteger(), 2);
        QCOMPARE(unread(m_http->get(QStringLiteral("/api/v1/notifications/me"), m_alice)), 0);
    }

    void badRequestsAreRefused()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/notifications/me?unread=maybe"), m_alice).status, 422);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/notifications/abc/read"), {}, m_alice).status, 404);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/notifications/999999/read"), {}, m_alice).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/notifications/me"), QString()).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiNotifications)
#include "tst_api_notifications.moc"
