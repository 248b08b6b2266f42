// Conversations as staff handle them, against a real server on SQLite and PostgreSQL: the queue,
// takeover with one winner, what agents may reach, staff messages reaching the customer's socket
// live (never internal notes), the customer's messages reaching the agent's socket, release back
// to the assistant, close, notifications and audit.

#include "server/storage/database.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/staffsocketclient.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiConversations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QString m_alice; // agent
    QString m_bob;   // agent
    QString m_sue;   // supervisor
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;

    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        SqlSession s = m_server->runtime().database().session();
        auto v = s.scalar(sql, values);
        return v && v->has_value() ? v->value().toLongLong() : -1;
    }

    // A customer whose conversation waits for a person.
    std::unique_ptr<ChatCustomer> waitingCustomer(const QString &name = QStringLiteral("Grace"))
    {
        auto customer = std::make_unique<ChatCustomer>(*m_http);
        if (customer->start(QStringLiteral("en"), {{QStringLiteral("customer_name"), name}}).status != 201)
            return nullptr;
        if (customer->escalate().status != 200)
            return nullptr;
        return customer;
    }

    QString path(const ChatCustomer &c, const QString &action = {}) const
    {
        return QStringLiteral("/api/v1/conversations/") + c.conversationId() + (action.isEmpty() ? QString() : QLatin1Char('/') + action);
    }

    static QJsonObject body(const QString &text, bool internal = false)
    {
        return {{QStringLiteral("body"), text}, {QStringLiteral("internal"), internal}};
    }

    static bool hasEvent(const StaffSocketClient &client, const QString &type, const std::function<bool(const QJsonObject &)> &match)
    {
        for (const QJsonObject &m : client.messages) {
            if (m.value(QStringLiteral("type")).toString() == type && match(m.value(QStringLiteral("data")).toObject()))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        m_alice = m_http->createStaff(m_admin, QStringLiteral("alice@bank.example"), QStringLiteral("agent"), &m_aliceId);
        m_bob = m_http->createStaff(m_admin, QStringLiteral("bob@bank.example"), QStringLiteral("agent"), &m_bobId);
        m_sue = m_http->createStaff(m_admin, QStringLiteral("sue@bank.example"), QStringLiteral("supervisor"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_sue.isEmpty());
    }

    void waitingConversationsAreInTheQueueForEveryAgent()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        for (const QString &token : {m_alice, m_bob, m_sue}) {
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/conversations?status=waiting&assigned_to=none"), token);
            QCOMPARE(r.status, 200);
            bool found = false;
            for (const QJsonValue &v : r.items())
                found = found || v.toObject().value(QStringLiteral("conversation_id")).toString() == customer->conversationId();
            QVERIFY(found);
        }
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/conversations?status=lost"), m_alice).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/conversations?assigned_to=someone"), m_alice).status, 422);
        // Escalation told supervisors and admins.
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id "
                                     "WHERE n.type = 'escalation' AND u.email = 'sue@bank.example'")) >= 1);
    }

    void twoAgentsTakingOverAtOnceHaveOneWinner()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (const QString &token : {m_alice, m_bob}) {
            QNetworkRequest request(QUrl(m_server->baseUrl() + path(*customer, QStringLiteral("takeover"))));
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies << nam.post(request, QByteArrayLiteral("{}"));
        }
        QVERIFY(QTest::qWaitFor([&] { return replies[0]->isFinished() && replies[1]->isFinished(); }, 15000));
        QList<int> statuses;
        for (QNetworkReply *r : replies) {
            statuses << r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE public_id = ? AND status = 'agent' "
                                      "AND assigned_to IS NOT NULL"),
                       {customer->conversationId()}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'conversation.takeover' AND target_id = ?"),
                       {customer->conversationId()}),
                 1);
    }

    void agentsCannotReachOtherAgentsConversations()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_alice).status, 200);
        QCOMPARE(m_http->get(path(*customer), m_bob).status, 404);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("hi")), m_bob).status, 404);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("close")), {}, m_bob).status, 404);
        QCOMPARE(m_http->get(path(*customer), m_sue).status, 200); // supervisors see everything
        const HttpResult list = m_http->get(QStringLiteral("/api/v1/conversations?limit=200"), m_bob);
        for (const QJsonValue &v : list.items())
            QVERIFY(v.toObject().value(QStringLiteral("conversation_id")).toString() != customer->conversationId());
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/conversations/not-a-uuid"), m_alice).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/conversations/") + QUuid::createUuid().toString(QUuid::WithoutBraces), m_alice).status, 404);
    }

    void staffMessagesReachTheCustomerSocketButNotesDoNot()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        StaffSocketClient widget;
        widget.connectToConversation(m_server->baseUrl(), customer->conversationId(), customer->sessionToken());
        QCOMPARE(widget.waitOpen(), QString());
        QCOMPARE(widget.hello.value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        StaffSocketClient agent;
        QCOMPARE(agent.open(m_server->baseUrl(), m_alice), QString());

        QCOMPARE(m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_alice).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return hasEvent(widget, QStringLiteral("conversation.updated"), [](const QJsonObject &d) {
            return d.value(QStringLiteral("status")).toString() == QLatin1String("agent"); }); }, 10000));

        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("Internal: check the ledger"), true), m_alice).status, 201);
        const HttpResult sent = m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("Hello Grace, I'm Alice.")), m_alice);
        QCOMPARE(sent.status, 201);
        QVERIFY(QTest::qWaitFor([&] { return hasEvent(widget, QStringLiteral("message.created"), [](const QJsonObject &d) {
            return d.value(QStringLiteral("body")).toString() == QLatin1String("Hello Grace, I'm Alice."); }); }, 10000));
        QVERIFY(!hasEvent(widget, QStringLiteral("message.created"), [](const QJsonObject &d) {
            return d.value(QStringLiteral("body")).toString().contains(QStringLiteral("ledger")); }));
        for (const QJsonObject &m : widget.messages)
            QVERIFY(!m.value(QStringLiteral("data")).toObject().contains(QStringLiteral("internal")));

        // The customer answers: the message reaches the agent live, and nobody else's socket.
        QCOMPARE(customer->say(QStringLiteral("Thanks Alice, my card 4111 1111 1111 1111 is blocked")).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return hasEvent(agent, QStringLiteral("message.created"), [](const QJsonObject &d) {
            return d.value(QStringLiteral("sender")).toString() == QLatin1String("customer")
                   && d.value(QStringLiteral("body")).toString().contains(QStringLiteral("Thanks Alice"))
                   && !d.value(QStringLiteral("body")).toString().contains(QStringLiteral("4111 1111 1111 1111")); }); }, 10000));

        // Typing goes to the customer too.
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("typing")), {}, m_alice).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return hasEvent(widget, QStringLiteral("typing"), [](const QJsonObject &d) {
            return d.value(QStringLiteral("from")).toString() == QLatin1String("agent"); }); }, 10000));

        // The transcript the customer polls has the same staff message, and not the note.
        const QString transcript = QString::fromUtf8(customer->messagesAfter(0).body);
        QVERIFY(transcript.contains(QStringLiteral("Hello Grace")));
        QVERIFY(!transcript.contains(QStringLiteral("ledger")));
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE public_id = ? AND first_response_at IS NOT NULL"),
                      {customer->conversationId()}) == 1);
    }

    void aCustomerSocketOpensOnlyItsOwnConversation()
    {
        ChatCustomer alice(*m_http), bob(*m_http);
        QCOMPARE(alice.start().status, 201);
        QCOMPARE(bob.start().status, 201);
        StaffSocketClient socket;
        socket.connectToConversation(m_server->baseUrl(), alice.conversationId(), bob.sessionToken());
        QVERIFY(socket.waitClosed());
        QCOMPARE(int(socket.socket().closeCode()), 4404);
        QVERIFY(socket.hello.isEmpty());
    }

    void releaseHandsTheConversationBackToTheAssistant()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_bob).status, 200);
        const HttpResult released = m_http->post(path(*customer, QStringLiteral("release")), {}, m_bob);
        QCOMPARE(released.status, 200);
        QCOMPARE(released.json().value(QStringLiteral("status")).toString(), QStringLiteral("bot"));
        const HttpResult answer = customer->say(QStringLiteral("What are your opening hours?"));
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.json().value(QStringLiteral("response")).toString().isEmpty());
    }

    void closingEndsTheConversationForTheCustomer()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_alice).status, 200);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("close")), {}, m_alice).status, 200);
        QCOMPARE(customer->say(QStringLiteral("hello?")).status, 409);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("late")), m_alice).status, 409);
    }

    void supervisorsAssignAndTheAssigneeIsNotified()
    {
        auto customer = waitingCustomer(QStringLiteral("Linus"));
        QVERIFY(customer);
        const HttpResult r = m_http->post(path(*customer, QStringLiteral("assign")), {{QStringLiteral("user_id"), m_bobId}}, m_sue);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("assigned_to")).toInteger(), m_bobId);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND type = 'assignment'"), {m_bobId}), 1);
        QCOMPARE(m_http->get(path(*customer), m_bob).status, 200);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("assign")), {{QStringLiteral("user_id"), 999999}}, m_sue).status, 422);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("assign")), {{QStringLiteral("user_id"), QStringLiteral("2")}}, m_sue).status, 422);
        // An agent cannot take what is already someone else's.
        const HttpResult taken = m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_alice);
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.code(), QStringLiteral("already_assigned"));
    }

    void badStaffMessagesAreRefused()
    {
        auto customer = waitingCustomer();
        QVERIFY(customer);
        // Not theirs yet: take it over first.
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("hi")), m_alice).status, 409);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("takeover")), {}, m_alice).status, 200);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("   ")), m_alice).status, 422);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QString(4001, QLatin1Char('x'))), m_alice).status, 422);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), {{QStringLiteral("body"), 5}}, m_alice).status, 422);
        QCOMPARE(m_http->post(path(*customer, QStringLiteral("messages")), body(QStringLiteral("ok")), QString()).status, 401);
    }
};

QTEST_MAIN(TestApiConversations)
#include "tst_api_conversations.moc"
