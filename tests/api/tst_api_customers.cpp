// Customers over HTTP against a real server, on SQLite and PostgreSQL: role rules (read: all,
// write: supervisor, export/erase/hold: admin), search, their conversations, the export of all
// their data, erasure (anonymised, audit and figures kept), legal hold, the retention job, and the
// audit of every read.

#include "tests/api/adminapifixture.h"

#include "server/services/customerservice.h"
#include "server/storage/conversationstore.h"
#include "server/storage/database.h"
#include "server/storage/mailoutboxstore.h"
#include "server/storage/notificationstore.h"

#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiCustomers : public AdminApiFixture
{
    Q_OBJECT

private:
    QString m_agent;
    QString m_supervisor;
    qint64 m_agentId = 0;

    static QString path(qint64 id, const QString &tail = QString())
    {
        return QStringLiteral("/api/v1/customers/%1").arg(id) + tail;
    }

    qint64 createCustomer(const QJsonObject &body)
    {
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/customers"), body, m_admin);
        if (r.status != 201)
            qWarning("create failed: %s", qPrintable(describe(r)));
        return r.json().value(QStringLiteral("id")).toInteger();
    }

    // A conversation of `customerId` (0: anonymous) with a customer and an agent message, written
    // through the stores as the chat would; `closedDaysAgo` >= 0 closes it that long ago.
    struct Chat
    {
        qint64 id = 0;
        QString publicId;
    };
    Chat addConversation(qint64 customerId, const QString &name, const QString &email, int closedDaysAgo,
        const QString &customerText = QStringLiteral("My card 4970 was swallowed"))
    {
        SqlSession s = m_server->runtime().database().session();
        NewConversation c;
        c.publicId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.sessionTokenHash = QByteArrayLiteral("00");
        c.customerId = customerId;
        c.customerName = name;
        c.customerEmail = email;
        c.language = QStringLiteral("en");
        c.metadata = QJsonObject { { QStringLiteral("page"), QStringLiteral("/cards") } };
        auto made = ConversationStore::create(s, c);
        if (!made) {
            qWarning("conversation: %s", qPrintable(made.error().detail));
            return {};
        }
        ChatMessage m;
        m.conversationId = made->id;
        m.sender = QStringLiteral("customer");
        m.body = customerText;
        if (!ConversationStore::addMessage(s, m))
            return {};
        m.sender = QStringLiteral("agent");
        m.body = QStringLiteral("We have blocked the card.");
        if (!ConversationStore::addMessage(s, m))
            return {};
        if (closedDaysAgo >= 0) {
            const QDateTime closed = QDateTime::currentDateTimeUtc().addDays(-closedDaysAgo);
            auto q = s.exec(
                QStringLiteral("UPDATE conversations SET status = 'closed', closed_at = ?, rating = 4, "
                               "rating_comment = ? WHERE id = ?"),
                { s.time(closed), QString(QStringLiteral("Thanks ") + name), made->id });
            if (!q)
                return {};
        }
        return { made->id, made->publicId };
    }

    QStringList rows(const QString &sql)
    {
        QString error;
        const QStringList r = rawRows(sql, &error);
        if (!error.isEmpty())
            qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return r;
    }

    // Audit entries of one action about one customer.
    qint64 auditOf(const QString &action, qint64 customerId)
    {
        const HttpResult r = m_http->get(
            QStringLiteral("/api/v1/audit?limit=200&target_type=customer&action=") + action, m_admin);
        qint64 n = 0;
        for (const QJsonValue &v : r.items())
            if (v.toObject().value(QStringLiteral("target_id")).toString() == QString::number(customerId))
                ++n;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
        m_agent = m_http->createStaff(
            m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent"), &m_agentId);
        m_supervisor
            = m_http->createStaff(m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor"));
        QVERIFY(!m_agent.isEmpty() && !m_supervisor.isEmpty());
    }

    void cleanupTestCase() { tearDownServer(); }

    void createAnswers201AndValidates()
    {
        HttpResult r = m_http->post(QStringLiteral("/api/v1/customers/"),
            { { QStringLiteral("name"), QStringLiteral("Jane Roe") },
                { QStringLiteral("email"), QStringLiteral("Jane.Roe@Example.test") },
                { QStringLiteral("phone"), QStringLiteral("+33 6 12 34 56 78") },
                { QStringLiteral("external_ref"), QStringLiteral("CUST-0001") } },
            m_supervisor);
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        const QJsonObject c = r.json();
        QVERIFY(c.value(QStringLiteral("id")).toInteger() > 0);
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Jane Roe"));
        QCOMPARE(c.value(QStringLiteral("email")).toString(), QStringLiteral("jane.roe@example.test"));
        QCOMPARE(c.value(QStringLiteral("phone")).toString(), QStringLiteral("+33 6 12 34 56 78"));
        QCOMPARE(c.value(QStringLiteral("external_ref")).toString(), QStringLiteral("CUST-0001"));
        QCOMPARE(c.value(QStringLiteral("legal_hold")).toBool(), false);
        QVERIFY(c.value(QStringLiteral("anonymized_at")).isNull());
        QVERIFY(c.contains(QStringLiteral("created_at")) && c.contains(QStringLiteral("updated_at")));

        // Only a name is needed; the rest is null.
        r = m_http->post(QStringLiteral("/api/v1/customers"),
            { { QStringLiteral("name"), QStringLiteral("Walk In") } }, m_admin);
        QCOMPARE(r.status, 201);
        QVERIFY(r.json().value(QStringLiteral("email")).isNull());
        QVERIFY(r.json().value(QStringLiteral("external_ref")).isNull());

        for (const QJsonObject &bad :
            { QJsonObject { { QStringLiteral("email"), QStringLiteral("a@b.test") } },
                QJsonObject { { QStringLiteral("name"), QStringLiteral("  ") } },
                QJsonObject { { QStringLiteral("name"), 7 } },
                QJsonObject { { QStringLiteral("name"), QStringLiteral("X") },
                    { QStringLiteral("email"), QStringLiteral("not-an-email") } },
                QJsonObject { { QStringLiteral("name"), QStringLiteral("X") },
                    { QStringLiteral("phone"), QStringLiteral("call me maybe") } } }) {
            r = m_http->post(QStringLiteral("/api/v1/customers"), bad, m_admin);
            QVERIFY2(r.status == 422, qPrintable(describe(r)));
        }
        r = m_http->post(QStringLiteral("/api/v1/customers"),
            { { QStringLiteral("name"), QStringLiteral("Dup") },
                { QStringLiteral("external_ref"), QStringLiteral("CUST-0001") } },
            m_admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("external_ref_taken"));
    }

    void roleRulesAreEnforced()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Role Rules") } });
        // Read: everyone.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/customers"), m_agent).status, 200);
        QCOMPARE(m_http->get(path(id), m_agent).status, 200);
        QCOMPARE(m_http->get(path(id, QStringLiteral("/conversations")), m_agent).status, 200);
        // Write: supervisor and admin.
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/customers"),
                         { { QStringLiteral("name"), QStringLiteral("No") } }, m_agent)
                     .status,
            403);
        QCOMPARE(
            m_http->patch(path(id), { { QStringLiteral("name"), QStringLiteral("No") } }, m_agent).status,
            403);
        QCOMPARE(m_http
                     ->patch(path(id), { { QStringLiteral("name"), QStringLiteral("Role Rules 2") } },
                         m_supervisor)
                     .status,
            200);
        // Export, erase, legal hold: admin only.
        for (const QString &token : { m_agent, m_supervisor }) {
            HttpResult r = m_http->get(path(id, QStringLiteral("/export")), token);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.code(), QStringLiteral("forbidden"));
            r = m_http->request("DELETE", path(id), {},
                { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toLatin1() } });
            QCOMPARE(r.status, 403);
            r = m_http->put(path(id, QStringLiteral("/legal-hold")),
                { { QStringLiteral("on"), true }, { QStringLiteral("reason"), QStringLiteral("case 1") } },
                token);
            QCOMPARE(r.status, 403);
        }
        QCOMPARE(m_http->get(path(id), m_admin).json().value(QStringLiteral("anonymized_at")).isNull(), true);
        QCOMPARE(m_http->get(path(id), m_admin).json().value(QStringLiteral("legal_hold")).toBool(), false);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/customers")).status, 401);
        QCOMPARE(m_http->get(path(99999999), m_agent).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/customers/abc"), m_agent).status, 404);
    }

    void searchCoversNameEmailPhoneAndReference()
    {
        const qint64 a = createCustomer({ { QStringLiteral("name"), QStringLiteral("Searchable Alvarez") },
            { QStringLiteral("email"), QStringLiteral("alvarez@search.test") },
            { QStringLiteral("phone"), QStringLiteral("+44 20 7946 0001") },
            { QStringLiteral("external_ref"), QStringLiteral("REF-SEARCH-1") } });
        const qint64 b = createCustomer({ { QStringLiteral("name"), QStringLiteral("Searchable Brown") } });
        auto found = [&](const QString &q) {
            QList<qint64> out;
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/customers?q=") + q, m_agent);
            for (const QJsonValue &v : r.items())
                out << v.toObject().value(QStringLiteral("id")).toInteger();
            return out;
        };
        QCOMPARE(found(QStringLiteral("alvarez")), QList<qint64> { a });
        QCOMPARE(found(QStringLiteral("SEARCH.TEST")), QList<qint64> { a });
        QCOMPARE(found(QStringLiteral("7946")), QList<qint64> { a });
        QCOMPARE(found(QStringLiteral("ref-search")), QList<qint64> { a });
        QCOMPARE(found(QStringLiteral("Searchable")), (QList<qint64> { b, a })); // newest first
        QCOMPARE(found(QStringLiteral("%25")), QList<qint64> {});
        const HttpResult page
            = m_http->get(QStringLiteral("/api/v1/customers?q=Searchable&limit=1&offset=1"), m_agent);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInteger(), 2);
        QCOMPARE(page.json().value(QStringLiteral("limit")).toInt(), 1);
        QCOMPARE(page.json().value(QStringLiteral("offset")).toInt(), 1);
        QCOMPARE(page.items().size(), 1);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/customers?limit=abc"), m_agent).status, 422);
        // Searches are audited without the search text (which may itself be personal data).
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=customer.search&limit=1"), m_admin);
        QVERIFY(audit.json().value(QStringLiteral("total")).toInteger() >= 6);
        QVERIFY(!audit.body.contains("alvarez"));
    }

    void updateChangesAndClearsFields()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Patch Me") },
            { QStringLiteral("email"), QStringLiteral("patch@me.test") },
            { QStringLiteral("phone"), QStringLiteral("0123456789") } });
        HttpResult r = m_http->patch(path(id),
            { { QStringLiteral("email"), QJsonValue() },
                { QStringLiteral("phone"), QStringLiteral("+1 555 0100") },
                { QStringLiteral("name"), QStringLiteral("Patched") } },
            m_supervisor);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QVERIFY(r.json().value(QStringLiteral("email")).isNull());
        QCOMPARE(r.json().value(QStringLiteral("phone")).toString(), QStringLiteral("+1 555 0100"));
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Patched"));
        QCOMPARE(m_http->patch(path(id), { { QStringLiteral("name"), QJsonValue() } }, m_admin).status, 422);
        QCOMPARE(
            m_http->patch(path(id), { { QStringLiteral("email"), QStringLiteral("nope") } }, m_admin).status,
            422);
        QCOMPARE(m_http->patch(path(99999999), { { QStringLiteral("name"), QStringLiteral("x") } }, m_admin)
                     .status,
            404);
        // The audit names the fields, never their values.
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=customer.update&limit=200"), m_admin);
        QVERIFY(audit.body.contains("\"phone\""));
        QVERIFY(!audit.body.contains("555 0100"));
    }

    void conversationsOfACustomerAreListed()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Chatty") } });
        const Chat open = addConversation(id, QStringLiteral("Chatty"), QStringLiteral("chatty@x.test"), -1);
        const Chat closed = addConversation(id, QStringLiteral("Chatty"), QStringLiteral("chatty@x.test"), 2);
        addConversation(0, QStringLiteral("Someone else"), QString(), -1);
        QVERIFY(open.id > 0 && closed.id > 0);
        const HttpResult r = m_http->get(path(id, QStringLiteral("/conversations")), m_agent);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), 2);
        QSet<QString> seen;
        for (const QJsonValue &v : r.items()) {
            const QJsonObject c = v.toObject();
            seen.insert(c.value(QStringLiteral("conversation_id")).toString());
            for (const QString &key : { QStringLiteral("status"), QStringLiteral("created_at"),
                     QStringLiteral("closed_at"), QStringLiteral("rating") })
                QVERIFY2(c.contains(key), qPrintable(key));
            if (c.value(QStringLiteral("conversation_id")).toString() == closed.publicId) {
                QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
                QCOMPARE(c.value(QStringLiteral("rating")).toInt(), 4);
                QVERIFY(!c.value(QStringLiteral("closed_at")).isNull());
            } else {
                QVERIFY(c.value(QStringLiteral("closed_at")).isNull());
                QVERIFY(c.value(QStringLiteral("rating")).isNull());
            }
        }
        QCOMPARE(seen, (QSet<QString> { open.publicId, closed.publicId }));
        QCOMPARE(m_http->get(path(id, QStringLiteral("/conversations?limit=1")), m_agent).items().size(), 1);
        QCOMPARE(m_http->get(path(99999999, QStringLiteral("/conversations")), m_agent).status, 404);
    }

    void readsAreAudited()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Audited Reads") } });
        QCOMPARE(auditOf(QStringLiteral("customer.read"), id), 0);
        QCOMPARE(m_http->get(path(id), m_agent).status, 200);
        QCOMPARE(auditOf(QStringLiteral("customer.read"), id), 1);
        QCOMPARE(m_http->get(path(id, QStringLiteral("/conversations")), m_agent).status, 200);
        QCOMPARE(auditOf(QStringLiteral("customer.read"), id), 2);
        QCOMPARE(auditOf(QStringLiteral("customer.create"), id), 1);
        const HttpResult audit = m_http->get(QStringLiteral("/api/v1/audit?action=customer.read&actor=")
                + QString::number(m_agentId) + QStringLiteral("&limit=200"),
            m_admin);
        bool sawConversations = false;
        for (const QJsonValue &v : audit.items()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("target_id")).toString() == QString::number(id)
                && e.value(QStringLiteral("details")).toObject().value(QStringLiteral("view")).toString()
                    == QLatin1String("conversations"))
                sawConversations = true;
        }
        QVERIFY(sawConversations);
        // A refused read (wrong role) is not a read.
        QCOMPARE(m_http->get(path(id, QStringLiteral("/export")), m_agent).status, 403);
        QCOMPARE(auditOf(QStringLiteral("customer.export"), id), 0);
    }

    void exportHoldsAllTheirData()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Export Evans") },
            { QStringLiteral("email"), QStringLiteral("evans@export.test") } });
        const Chat chat
            = addConversation(id, QStringLiteral("Export Evans"), QStringLiteral("evans@export.test"), 1);
        const HttpResult ticket = m_http->post(QStringLiteral("/api/v1/tickets"),
            { { QStringLiteral("subject"), QStringLiteral("Card swallowed") },
                { QStringLiteral("conversation_id"), chat.publicId } },
            m_admin);
        QVERIFY2(ticket.status == 201, qPrintable(describe(ticket)));
        QCOMPARE(ticket.json().value(QStringLiteral("customer_id")).toInteger(), id);
        const qint64 ticketId = ticket.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId),
                         { { QStringLiteral("body"), QStringLiteral("Card reissued") } }, m_admin)
                     .status,
            201);

        const HttpResult r = m_http->get(path(id, QStringLiteral("/export")), m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QVERIFY(r.header("content-disposition").contains("attachment"));
        const QJsonObject data = r.json();
        QVERIFY(data.contains(QStringLiteral("exported_at")));
        const QJsonObject customer = data.value(QStringLiteral("customer")).toObject();
        QCOMPARE(customer.value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(customer.value(QStringLiteral("email")).toString(), QStringLiteral("evans@export.test"));
        const QJsonArray conversations = data.value(QStringLiteral("conversations")).toArray();
        QCOMPARE(conversations.size(), 1);
        const QJsonObject conversation = conversations.first().toObject();
        QCOMPARE(conversation.value(QStringLiteral("conversation_id")).toString(), chat.publicId);
        QCOMPARE(
            conversation.value(QStringLiteral("customer_name")).toString(), QStringLiteral("Export Evans"));
        const QJsonArray messages = conversation.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(
            messages.at(0).toObject().value(QStringLiteral("sender")).toString(), QStringLiteral("customer"));
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("body")).toString(),
            QStringLiteral("My card 4970 was swallowed"));
        const QJsonArray tickets = data.value(QStringLiteral("tickets")).toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().toObject().value(QStringLiteral("id")).toInteger(), ticketId);
        const QJsonArray comments = tickets.first().toObject().value(QStringLiteral("comments")).toArray();
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.first().toObject().value(QStringLiteral("body")).toString(),
            QStringLiteral("Card reissued"));
        QCOMPARE(auditOf(QStringLiteral("customer.export"), id), 1);
        QCOMPARE(m_http->get(path(99999999, QStringLiteral("/export")), m_admin).status, 404);
    }

    void erasureAnonymisesAndKeepsAuditAndFigures()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Erase Ellis") },
            { QStringLiteral("email"), QStringLiteral("ellis@erase.test") },
            { QStringLiteral("phone"), QStringLiteral("+31 20 555 0199") },
            { QStringLiteral("external_ref"), QStringLiteral("REF-ERASE") } });
        const Chat chat
            = addConversation(id, QStringLiteral("Erase Ellis"), QStringLiteral("ellis@erase.test"), 3,
                QStringLiteral("I am Erase Ellis, IBAN NL91ABNA0417164300"));
        const Chat other
            = addConversation(0, QStringLiteral("Other Person"), QStringLiteral("other@x.test"), 3);
        const HttpResult ticket = m_http->post(QStringLiteral("/api/v1/tickets"),
            { { QStringLiteral("subject"), QStringLiteral("Lost or stolen card \u2014 Erase Ellis") },
                { QStringLiteral("description"), QStringLiteral("customer: I am Erase Ellis") },
                { QStringLiteral("conversation_id"), chat.publicId } },
            m_admin);
        QCOMPARE(ticket.status, 201);
        const qint64 ticketId = ticket.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId),
                              {{QStringLiteral("body"), QStringLiteral("Called Erase Ellis back on +31 20 555 0199")}}, m_admin)
                     .status,
                 201);
        // What else quotes or names them: a staff note, a mail about the chat, a notification.
        {
            SqlSession s = m_server->runtime().database().session();
            ChatMessage note;
            note.conversationId = chat.id;
            note.sender = QStringLiteral("agent");
            note.internal = true;
            note.body = QStringLiteral("Erase Ellis sounded worried about the IBAN");
            QVERIFY(ConversationStore::addMessage(s, note).ok());
            QVERIFY(MailOutboxStore::enqueue(s, QStringLiteral("ellis@erase.test"), QStringLiteral("Your conversation"),
                                             QStringLiteral("customer: I am Erase Ellis"), chat.id)
                        .ok());
            QVERIFY(MailOutboxStore::enqueue(s, QStringLiteral("other@x.test"), QStringLiteral("Your conversation"),
                                             QStringLiteral("customer: My card"), other.id)
                        .ok());
            Notification n;
            n.userId = m_agentId;
            n.type = QStringLiteral("assignment");
            n.title = QStringLiteral("Conversation with Erase Ellis");
            n.body = QStringLiteral("Admin assigned you a conversation with Erase Ellis.");
            n.data = {{QStringLiteral("conversation_id"), chat.publicId}};
            QVERIFY(NotificationStore::create(s, n).ok());
        }
        QCOMPARE(m_http->get(path(id), m_agent).status, 200); // one audited read before
        const QStringList auditBefore = rows(QStringLiteral("SELECT id FROM audit_log ORDER BY id"));
        const QStringList messagesBefore = rows(QStringLiteral("SELECT COUNT(*) FROM messages"));

        const HttpResult erased = m_http->request("DELETE", path(id), {},
            { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } });
        QVERIFY2(erased.status == 200, qPrintable(describe(erased)));
        const QJsonObject c = erased.json();
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Erased customer"));
        QVERIFY(c.value(QStringLiteral("email")).isNull());
        QVERIFY(c.value(QStringLiteral("phone")).isNull());
        QVERIFY(c.value(QStringLiteral("external_ref")).isNull());
        QVERIFY(!c.value(QStringLiteral("anonymized_at")).isNull());

        // Their conversation: names gone, customer messages erased, staff messages and figures kept.
        QCOMPARE(rows(QStringLiteral(
                     "SELECT COALESCE(customer_name, '-'), COALESCE(customer_email, '-'), status, rating, "
                     "COALESCE(rating_comment, '-') FROM conversations WHERE id = %1")
                          .arg(chat.id)),
            QStringList { QStringLiteral("-|-|closed|4|-") });
        QCOMPARE(
            rows(QStringLiteral("SELECT sender, body FROM messages WHERE conversation_id = %1 ORDER BY id")
                     .arg(chat.id)),
            (QStringList { QStringLiteral("customer|[erased]"), QStringLiteral("agent|We have blocked the card."),
                QStringLiteral("agent|[erased]") })); // the last one is the staff note
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM messages")), messagesBefore);
        QVERIFY(!rows(QStringLiteral("SELECT anonymized_at FROM conversations WHERE id = %1").arg(chat.id))
                     .first()
                     .isEmpty());
        // Others are untouched.
        QCOMPARE(rows(QStringLiteral("SELECT customer_name FROM conversations WHERE id = %1").arg(other.id)),
            QStringList { QStringLiteral("Other Person") });
        QCOMPARE(rows(QStringLiteral(
                     "SELECT body FROM messages WHERE sender = 'customer' AND conversation_id = %1")
                          .arg(other.id)),
            QStringList { QStringLiteral("My card 4970 was swallowed") });
        // The ticket opened from the chat no longer quotes or names them.
        const QJsonObject t = m_http->get(QStringLiteral("/api/v1/tickets/%1").arg(ticketId), m_admin).json();
        QCOMPARE(t.value(QStringLiteral("subject")).toString(),
            QStringLiteral("Lost or stolen card \u2014 Erased customer"));
        QCOMPARE(t.value(QStringLiteral("description")).toString(), QStringLiteral("[erased]"));
        // Notes and comments about them are erased, mails quoting their chat are gone (others stay),
        // and notifications no longer name them.
        QCOMPARE(rows(QStringLiteral("SELECT body FROM messages WHERE internal = %1 AND conversation_id = %2")
                          .arg(m_server->runtime().database().target().isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))
                          .arg(chat.id)),
                 QStringList{QStringLiteral("[erased]")});
        QCOMPARE(rows(QStringLiteral("SELECT body FROM ticket_comments WHERE ticket_id = %1").arg(ticketId)),
                 QStringList{QStringLiteral("[erased]")});
        QCOMPARE(rows(QStringLiteral("SELECT to_address FROM mail_outbox WHERE conversation_id IN (%1, %2) ORDER BY id")
                          .arg(chat.id)
                          .arg(other.id)),
                 QStringList{QStringLiteral("other@x.test")});
        QCOMPARE(rows(QStringLiteral("SELECT title, body FROM notifications WHERE user_id = %1 AND type = 'assignment' "
                                     "AND title LIKE 'Conversation with%%'")
                          .arg(m_agentId)),
                 QStringList{QStringLiteral("Conversation with Erased customer|Admin assigned you a conversation with "
                                            "Erased customer.")});
        // Events about their conversation (which quoted names and messages) are gone.
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM events WHERE conversation_id = '%1'")
                          .arg(chat.publicId)),
            QStringList { QStringLiteral("0") });

        // The audit log keeps every earlier row and records the erasure; nothing personal is in it.
        const QStringList auditAfter = rows(QStringLiteral("SELECT id FROM audit_log ORDER BY id"));
        QVERIFY(auditAfter.size() > auditBefore.size());
        QCOMPARE(auditAfter.mid(0, auditBefore.size()), auditBefore);
        QCOMPARE(auditOf(QStringLiteral("customer.erase"), id), 1);
        QCOMPARE(auditOf(QStringLiteral("customer.read"), id), 1);
        const QStringList details = rows(QStringLiteral("SELECT details FROM audit_log"));
        QVERIFY(!details.join(QLatin1Char('\n')).contains(QLatin1String("ellis@erase.test")));
        // The export now shows only the anonymised record.
        const HttpResult exported = m_http->get(path(id, QStringLiteral("/export")), m_admin);
        QCOMPARE(exported.status, 200);
        QVERIFY(!exported.body.contains("Erase Ellis"));
        QVERIFY(!exported.body.contains("NL91ABNA"));
        // An erased record cannot be filled in again; erasing twice is harmless.
        QCOMPARE(
            m_http->patch(path(id), { { QStringLiteral("name"), QStringLiteral("Back") } }, m_admin).status,
            409);
        QCOMPARE(m_http
                     ->request("DELETE", path(id), {},
                         { { QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } })
                     .status,
            200);
        QCOMPARE(m_http
                     ->request("DELETE", path(99999999), {},
                         { { QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } })
                     .status,
            404);
    }

    void legalHoldBlocksErasure()
    {
        const qint64 id = createCustomer({ { QStringLiteral("name"), QStringLiteral("Held Harris") },
            { QStringLiteral("email"), QStringLiteral("harris@hold.test") } });
        HttpResult r = m_http->put(
            path(id, QStringLiteral("/legal-hold")), { { QStringLiteral("on"), true } }, m_admin);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("reason")));
        QCOMPARE(m_http
                     ->put(path(id, QStringLiteral("/legal-hold")),
                         { { QStringLiteral("on"), QStringLiteral("yes") } }, m_admin)
                     .status,
            422);
        QCOMPARE(m_http->put(path(id, QStringLiteral("/legal-hold")), {}, m_admin).status, 422);
        r = m_http->put(path(id, QStringLiteral("/legal-hold")),
            { { QStringLiteral("on"), true },
                { QStringLiteral("reason"), QStringLiteral("Court order 2026/77") } },
            m_admin);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.json().value(QStringLiteral("legal_hold")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("legal_hold_reason")).toString(),
            QStringLiteral("Court order 2026/77"));

        const auto erase = [&] {
            return m_http->request("DELETE", path(id), {},
                { { QByteArrayLiteral("Authorization"),
                    QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } });
        };
        r = erase();
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("legal_hold"));
        QCOMPARE(m_http->get(path(id), m_admin).json().value(QStringLiteral("email")).toString(),
            QStringLiteral("harris@hold.test"));

        r = m_http->put(
            path(id, QStringLiteral("/legal-hold/")), { { QStringLiteral("on"), false } }, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("legal_hold")).toBool(), false);
        QCOMPARE(auditOf(QStringLiteral("customer.legal_hold"), id), 2);
        QCOMPARE(erase().status, 200);
        QCOMPARE(
            m_http
                ->put(path(99999999, QStringLiteral("/legal-hold")),
                    { { QStringLiteral("on"), true }, { QStringLiteral("reason"), QStringLiteral("x") } },
                    m_admin)
                .status,
            404);
    }

    void retentionAnonymisesOnlyOldClosedConversationsNotOnHold()
    {
        const qint64 held = createCustomer({ { QStringLiteral("name"), QStringLiteral("Retention Held") } });
        QCOMPARE(
            m_http
                ->put(path(held, QStringLiteral("/legal-hold")),
                    { { QStringLiteral("on"), true }, { QStringLiteral("reason"), QStringLiteral("audit") } },
                    m_admin)
                .status,
            200);
        const qint64 free = createCustomer({ { QStringLiteral("name"), QStringLiteral("Retention Free") } });
        const Chat oldAnonymous
            = addConversation(0, QStringLiteral("Old Anon"), QStringLiteral("old@x.test"), 400);
        const Chat oldFree = addConversation(free, QStringLiteral("Retention Free"), QString(), 400);
        const Chat oldHeld = addConversation(held, QStringLiteral("Retention Held"), QString(), 400);
        const Chat recent = addConversation(0, QStringLiteral("Recent"), QString(), 10);
        const Chat stillOpen = addConversation(0, QStringLiteral("Open"), QString(), -1);
        SqlSession s = m_server->runtime().database().session();
        // An open conversation that started long ago is not closed: it stays.
        QVERIFY(s.exec(QStringLiteral("UPDATE conversations SET created_at = ? WHERE id = ?"),
            { s.time(QDateTime::currentDateTimeUtc().addDays(-500)), stillOpen.id }));

        // (The server's own daily run may have come first; the outcome is the same.)
        auto done = CustomerService::applyRetention(s, QDateTime::currentDateTimeUtc());
        QVERIFY2(done, qPrintable(done.error().detail));
        QVERIFY(done->conversations <= 2);
        auto name = [&](const Chat &c) {
            return rows(QStringLiteral("SELECT COALESCE(customer_name, '-') FROM conversations WHERE id = %1")
                            .arg(c.id))
                .value(0);
        };
        auto customerText = [&](const Chat &c) {
            return rows(
                QStringLiteral("SELECT body FROM messages WHERE sender = 'customer' AND conversation_id = %1")
                    .arg(c.id))
                .value(0);
        };
        QCOMPARE(name(oldAnonymous), QStringLiteral("-"));
        QCOMPARE(customerText(oldAnonymous), QStringLiteral("[erased]"));
        QCOMPARE(name(oldFree), QStringLiteral("-"));
        QCOMPARE(name(oldHeld), QStringLiteral("Retention Held"));
        QCOMPARE(customerText(oldHeld), QStringLiteral("My card 4970 was swallowed"));
        QCOMPARE(name(recent), QStringLiteral("Recent"));
        QCOMPARE(name(stillOpen), QStringLiteral("Open"));
        // The customer record itself stays (retention is about conversations); figures stay.
        QCOMPARE(m_http->get(path(free), m_admin).json().value(QStringLiteral("name")).toString(),
            QStringLiteral("Retention Free"));
        QCOMPARE(rows(QStringLiteral("SELECT rating FROM conversations WHERE id = %1").arg(oldFree.id)),
            QStringList { QStringLiteral("4") });
        QVERIFY(m_http->get(QStringLiteral("/api/v1/audit?action=retention.apply"), m_admin)
                    .json()
                    .value(QStringLiteral("total"))
                    .toInteger()
            >= 1);

        // A shorter retention setting reaches the recent one too; a second run finds nothing new.
        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/settings/system"),
                         { { QStringLiteral("retention_days"), 30 } }, m_admin)
                     .status,
            200);
        done = CustomerService::applyRetention(s, QDateTime::currentDateTimeUtc().addDays(25));
        QVERIFY(done);
        QCOMPARE(done->conversations, 1);
        QCOMPARE(name(recent), QStringLiteral("-"));
        done = CustomerService::applyRetention(s, QDateTime::currentDateTimeUtc().addDays(25));
        QVERIFY(done);
        QCOMPARE(done->conversations, 0);
        QCOMPARE(name(oldHeld), QStringLiteral("Retention Held"));
    }
};

QTEST_GUILESS_MAIN(TestApiCustomers)
#include "tst_api_customers.moc"
