// Tickets over HTTP against a real server, on SQLite and PostgreSQL: create with an SLA due time,
// list filters, search, sort and paging, the agent's view (own and unassigned; others are 404),
// updates with one history row per field, comments, bulk assignment, the overdue flag, audit
// entries and ticket events with the routing rule.

#include "tests/api/adminapifixture.h"

#include "server/services/ticketnotifications.h"
#include "server/storage/database.h"
#include "tests/support/staffsocketclient.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiTickets : public AdminApiFixture
{
    Q_OBJECT

private:
    QString m_agentA;
    QString m_agentB;
    QString m_supervisor;
    qint64 m_agentAId = 0;
    qint64 m_agentBId = 0;
    qint64 m_supervisorId = 0;

    static QString path(qint64 id, const QString &tail = QString())
    {
        return QStringLiteral("/api/v1/tickets/%1").arg(id) + tail;
    }

    QJsonObject create(const QJsonObject &body, const QString &token = QString())
    {
        const HttpResult r
            = m_http->post(QStringLiteral("/api/v1/tickets/"), body, token.isEmpty() ? m_admin : token);
        if (r.status != 201)
            qWarning("create failed: %s", qPrintable(describe(r)));
        return r.json();
    }

    qint64 createId(const QString &subject, const QJsonObject &extra = {}, const QString &token = QString())
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("subject"), subject);
        return create(body, token).value(QStringLiteral("id")).toInteger();
    }

    static QList<qint64> ids(const HttpResult &r)
    {
        QList<qint64> out;
        for (const QJsonValue &v : r.items())
            out << v.toObject().value(QStringLiteral("id")).toInteger();
        return out;
    }

    static QDateTime timeOf(const QJsonObject &o, const QString &key)
    {
        return QDateTime::fromString(o.value(key).toString(), Qt::ISODate);
    }

    // SQL: the notification's data.ticket_id is `id`.
    QString ticketOf(qint64 id) const
    {
        return (m_server->database().isPostgres() ? QStringLiteral("(data->>'ticket_id')::bigint = %1")
                                                  : QStringLiteral("json_extract(data, '$.ticket_id') = %1"))
            .arg(id);
    }

    QStringList historyFields(qint64 id)
    {
        QStringList fields;
        const HttpResult r = m_http->get(path(id, QStringLiteral("/history?limit=200")), m_admin);
        for (const QJsonValue &v : r.items())
            fields << v.toObject().value(QStringLiteral("field")).toString();
        return fields;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
        m_agentA = m_http->createStaff(
            m_admin, QStringLiteral("agent.a@bank.test"), QStringLiteral("agent"), &m_agentAId);
        m_agentB = m_http->createStaff(
            m_admin, QStringLiteral("agent.b@bank.test"), QStringLiteral("agent"), &m_agentBId);
        m_supervisor = m_http->createStaff(
            m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor"), &m_supervisorId);
        QVERIFY(!m_agentA.isEmpty() && !m_agentB.isEmpty() && !m_supervisor.isEmpty());
    }

    void cleanupTestCase() { tearDownServer(); }

    void createAnswers201WithDueAtFromPriority()
    {
        const QList<QPair<QString, int>> sla { { QStringLiteral("urgent"), 1 }, { QStringLiteral("high"), 4 },
            { QStringLiteral("normal"), 24 }, { QStringLiteral("low"), 72 } };
        for (const auto &[priority, hours] : sla) {
            const HttpResult r = m_http->post(QStringLiteral("/api/v1/tickets/"),
                { { QStringLiteral("subject"), QString(QStringLiteral("Card blocked ") + priority) },
                    { QStringLiteral("description"), QStringLiteral("Customer cannot pay") },
                    { QStringLiteral("priority"), priority },
                    { QStringLiteral("category"), QStringLiteral("cards") } },
                m_admin);
            QVERIFY2(r.status == 201, qPrintable(describe(r)));
            const QJsonObject t = r.json();
            QVERIFY(t.value(QStringLiteral("id")).toInteger() > 0);
            QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
            QCOMPARE(t.value(QStringLiteral("priority")).toString(), priority);
            QCOMPARE(t.value(QStringLiteral("category")).toString(), QStringLiteral("cards"));
            QCOMPARE(t.value(QStringLiteral("overdue")).toBool(), false);
            QVERIFY(t.value(QStringLiteral("assigned_to")).isNull());
            QVERIFY(t.value(QStringLiteral("conversation_id")).isNull());
            QCOMPARE(t.value(QStringLiteral("created_by")).toInteger(), m_adminId);
            const QDateTime created = timeOf(t, QStringLiteral("created_at"));
            const QDateTime due = timeOf(t, QStringLiteral("due_at"));
            QVERIFY(created.isValid() && due.isValid());
            QVERIFY2(qAbs(created.secsTo(due) - hours * 3600) <= 1,
                qPrintable(QStringLiteral("%1: %2 → %3")
                               .arg(priority, created.toString(Qt::ISODate), due.toString(Qt::ISODate))));
        }
        // Without a priority: normal.
        const QJsonObject plain = create({ { QStringLiteral("subject"), QStringLiteral("Plain") } });
        QCOMPARE(plain.value(QStringLiteral("priority")).toString(), QStringLiteral("normal"));
        QCOMPARE(plain.value(QStringLiteral("description")).toString(), QString());
    }

    void slaFollowsTheSystemSetting()
    {
        const HttpResult set = m_http->put(QStringLiteral("/api/v1/settings/system"),
            { { QStringLiteral("sla_hours"),
                QJsonObject { { QStringLiteral("urgent"), 2 }, { QStringLiteral("high"), 8 },
                    { QStringLiteral("normal"), 48 }, { QStringLiteral("low"), 96 } } } },
            m_admin);
        QVERIFY2(set.status == 200, qPrintable(describe(set)));
        const QJsonObject t = create({ { QStringLiteral("subject"), QStringLiteral("SLA setting") },
            { QStringLiteral("priority"), QStringLiteral("urgent") } });
        QVERIFY(qAbs(timeOf(t, QStringLiteral("created_at")).secsTo(timeOf(t, QStringLiteral("due_at")))
                    - 2 * 3600)
            <= 1);
        const HttpResult reset = m_http->put(QStringLiteral("/api/v1/settings/system"),
            { { QStringLiteral("sla_hours"), QJsonValue() } }, m_admin);
        QCOMPARE(reset.status, 200);
    }

    void createRejectsBadInput()
    {
        const QString url = QStringLiteral("/api/v1/tickets");
        HttpResult r
            = m_http->post(url, { { QStringLiteral("description"), QStringLiteral("no subject") } }, m_admin);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("subject")));
        r = m_http->post(url, { { QStringLiteral("subject"), 12345 } }, m_admin);
        QCOMPARE(r.status, 422);
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") },
                { QStringLiteral("priority"), QStringLiteral("critical") } },
            m_admin);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("priority")));
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") }, { QStringLiteral("assigned_to"), 987654 } },
            m_admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("invalid_assignee"));
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") },
                { QStringLiteral("assigned_to"), QStringLiteral("5") } },
            m_admin);
        QCOMPARE(r.status, 422);
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") }, { QStringLiteral("customer_id"), 987654 } },
            m_admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("invalid_customer"));
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") },
                { QStringLiteral("conversation_id"), QStringLiteral("not-a-uuid") } },
            m_admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("invalid_conversation"));
        r = m_http->post(url,
            { { QStringLiteral("subject"), QStringLiteral("x") },
                { QStringLiteral("conversation_id"),
                    QStringLiteral("6f1c7f1e-8a43-4f7e-9d2a-0c4b1f7e2a11") } },
            m_admin);
        QCOMPARE(r.status, 422);
        r = m_http->request("POST", url, QByteArrayLiteral("{\"subject\":"),
            { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
                { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } });
        QCOMPARE(r.status, 400);
        // Without a token.
        QCOMPARE(m_http->get(url).status, 401);
    }

    void listAnswersTheListEnvelopeWithPaging()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(createId(QStringLiteral("Paging %1").arg(i)) > 0);
        const HttpResult all = m_http->get(QStringLiteral("/api/v1/tickets/?q=Paging"), m_admin);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QStringLiteral("total")).toInteger(), 5);
        QCOMPARE(all.json().value(QStringLiteral("limit")).toInt(), 50);
        QCOMPARE(all.json().value(QStringLiteral("offset")).toInt(), 0);
        QCOMPARE(all.items().size(), 5);
        const HttpResult page
            = m_http->get(QStringLiteral("/api/v1/tickets?q=Paging&limit=2&offset=1"), m_admin);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.items().size(), 2);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInteger(), 5);
        QCOMPARE(page.json().value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(page.json().value(QStringLiteral("offset")).toInt(), 1);
        QCOMPARE(ids(page), ids(all).mid(1, 2));
        const HttpResult skip
            = m_http->get(QStringLiteral("/api/v1/tickets?q=Paging&limit=2&skip=1"), m_admin);
        QCOMPARE(ids(skip), ids(page));
        const HttpResult clamped = m_http->get(QStringLiteral("/api/v1/tickets?limit=5000"), m_admin);
        QCOMPARE(clamped.json().value(QStringLiteral("limit")).toInt(), 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets?limit=0"), m_admin).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets?offset=-1"), m_admin).status, 422);
    }

    void listFiltersByStatusPriorityAssigneeAndSearch()
    {
        const qint64 urgent = createId(
            QStringLiteral("Filter urgent"), { { QStringLiteral("priority"), QStringLiteral("urgent") } });
        const qint64 low = createId(QStringLiteral("Filter low"),
            { { QStringLiteral("priority"), QStringLiteral("low") },
                { QStringLiteral("assigned_to"), m_agentAId } });
        const qint64 pending = createId(QStringLiteral("Filter pending"),
            { { QStringLiteral("description"), QStringLiteral("Mortgage 100% offset question") } });
        QCOMPARE(
            m_http->patch(path(pending), { { QStringLiteral("status"), QStringLiteral("pending") } }, m_admin)
                .status,
            200);

        auto listed = [&](const QString &query, const QString &token = QString()) {
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/tickets?limit=200&q=Filter&") + query,
                token.isEmpty() ? m_admin : token);
            if (r.status != 200)
                qWarning("%s", qPrintable(describe(r)));
            return ids(r);
        };
        QCOMPARE(listed(QStringLiteral("status=pending")), QList<qint64> { pending });
        QCOMPARE(listed(QStringLiteral("priority=urgent")), QList<qint64> { urgent });
        QCOMPARE(
            listed(QStringLiteral("priority=urgent,low&sort=priority")), (QList<qint64> { low, urgent }));
        QCOMPARE(listed(QStringLiteral("assigned_to=") + QString::number(m_agentAId)), QList<qint64> { low });
        QCOMPARE(listed(QStringLiteral("assigned_to=me"), m_agentA), QList<qint64> { low });
        QVERIFY(!listed(QStringLiteral("assigned_to=none")).contains(low));
        QVERIFY(listed(QStringLiteral("assigned_to=none")).contains(urgent));
        // q searches the description too, case-insensitively; % is a literal character.
        const HttpResult search = m_http->get(QStringLiteral("/api/v1/tickets?q=mortgage%20100%25"), m_admin);
        QCOMPARE(ids(search), QList<qint64> { pending });
        QCOMPARE(ids(m_http->get(QStringLiteral("/api/v1/tickets?q=%25%25%25nothing"), m_admin)),
            QList<qint64> {});
    }

    void listSortsAndRejectsBadParameters()
    {
        const qint64 a = createId(QStringLiteral("Sort normal"));
        const qint64 b = createId(
            QStringLiteral("Sort urgent"), { { QStringLiteral("priority"), QStringLiteral("urgent") } });
        const qint64 c
            = createId(QStringLiteral("Sort low"), { { QStringLiteral("priority"), QStringLiteral("low") } });
        auto order = [&](const QString &sort) {
            return ids(m_http->get(QStringLiteral("/api/v1/tickets?q=Sort%20&sort=") + sort, m_admin));
        };
        QCOMPARE(order(QStringLiteral("-priority")), (QList<qint64> { b, a, c }));
        QCOMPARE(order(QStringLiteral("priority")), (QList<qint64> { c, a, b }));
        QCOMPARE(order(QStringLiteral("created_at")), (QList<qint64> { a, b, c }));
        QCOMPARE(order(QStringLiteral("-created_at")), (QList<qint64> { c, b, a }));
        QCOMPARE(order(QStringLiteral("due_at")), (QList<qint64> { b, a, c })); // 1 h, 24 h, 72 h
        QCOMPARE(order(QStringLiteral("-id")), (QList<qint64> { c, b, a }));
        // The default is newest first.
        QCOMPARE(ids(m_http->get(QStringLiteral("/api/v1/tickets?q=Sort%20"), m_admin)),
            (QList<qint64> { c, b, a }));
        QCOMPARE(m_http
                     ->patch(path(a),
                         { { QStringLiteral("subject"), QStringLiteral("Sort normal, touched") } }, m_admin)
                     .status,
            200);
        QCOMPARE(order(QStringLiteral("-updated_at")).first(), a);

        for (const QString &bad : { QStringLiteral("sort=password_hash"),
                 QStringLiteral("sort=priority;drop"), QStringLiteral("status=bogus"),
                 QStringLiteral("status=open,bogus"), QStringLiteral("priority=critical"),
                 QStringLiteral("assigned_to=someone"), QStringLiteral("assigned_to=-3"),
                 QStringLiteral("overdue=maybe"), QStringLiteral("customer_id=x") }) {
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/tickets?") + bad, m_admin);
            QVERIFY2(r.status == 422, qPrintable(bad + QStringLiteral(": ") + describe(r)));
            QCOMPARE(r.code(), QStringLiteral("invalid_query"));
        }
    }

    void agentSeesOwnAndUnassignedOnly()
    {
        const qint64 mine
            = createId(QStringLiteral("Agent view mine"), { { QStringLiteral("assigned_to"), m_agentAId } });
        const qint64 theirs = createId(
            QStringLiteral("Agent view theirs"), { { QStringLiteral("assigned_to"), m_agentBId } });
        const qint64 nobody = createId(QStringLiteral("Agent view nobody"));

        const QList<qint64> seen
            = ids(m_http->get(QStringLiteral("/api/v1/tickets?limit=200&q=Agent%20view"), m_agentA));
        QVERIFY(seen.contains(mine));
        QVERIFY(seen.contains(nobody));
        QVERIFY(!seen.contains(theirs));
        // Even when asking for the other agent's tickets by name.
        QCOMPARE(ids(m_http->get(QStringLiteral("/api/v1/tickets?q=Agent%20view&assigned_to=")
                         + QString::number(m_agentBId),
                     m_agentA)),
            QList<qint64> {});
        QCOMPARE(m_http->get(path(mine), m_agentA).status, 200);
        QCOMPARE(m_http->get(path(nobody), m_agentA).status, 200);

        // Someone else's ticket does not exist for this agent: 404 everywhere, like an unknown id.
        const HttpResult other = m_http->get(path(theirs), m_agentA);
        QCOMPARE(other.status, 404);
        QCOMPARE(other.code(), QStringLiteral("not_found"));
        QCOMPARE(
            m_http->patch(path(theirs), { { QStringLiteral("status"), QStringLiteral("closed") } }, m_agentA)
                .status,
            404);
        QCOMPARE(m_http->get(path(theirs, QStringLiteral("/comments")), m_agentA).status, 404);
        QCOMPARE(m_http
                     ->post(path(theirs, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("hi") } }, m_agentA)
                     .status,
            404);
        QCOMPARE(m_http->get(path(theirs, QStringLiteral("/history")), m_agentA).status, 404);
        QCOMPARE(m_http->get(path(99999999), m_agentA).status, 404);
        QCOMPARE(m_http->get(path(99999999), m_admin).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets/abc"), m_admin).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets/99999999999999999999"), m_admin).status, 404);
        // Unchanged by the refused attempt.
        QCOMPARE(m_http->get(path(theirs), m_admin).json().value(QStringLiteral("status")).toString(),
            QStringLiteral("open"));
        // Supervisors see all.
        QCOMPARE(m_http->get(path(theirs), m_supervisor).status, 200);
    }

    void agentAssignsOnlyThemselvesOrNobody()
    {
        const qint64 id = createId(QStringLiteral("Self assign"));
        HttpResult r = m_http->patch(path(id), { { QStringLiteral("assigned_to"), m_agentBId } }, m_agentA);
        QCOMPARE(r.status, 403);
        r = m_http->post(QStringLiteral("/api/v1/tickets"),
            { { QStringLiteral("subject"), QStringLiteral("For B") },
                { QStringLiteral("assigned_to"), m_agentBId } },
            m_agentA);
        QCOMPARE(r.status, 403);
        r = m_http->patch(path(id), { { QStringLiteral("assigned_to"), m_agentAId } }, m_agentA);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("assigned_to")).toInteger(), m_agentAId);
        // Now it is A's: B no longer sees it.
        QCOMPARE(m_http->get(path(id), m_agentB).status, 404);
        r = m_http->patch(path(id), { { QStringLiteral("assigned_to"), QJsonValue() } }, m_agentA);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("assigned_to")).isNull());
        QCOMPARE(m_http->get(path(id), m_agentB).status, 200);
        // Supervisors assign anyone active; unknown users are 422.
        r = m_http->patch(path(id), { { QStringLiteral("assigned_to"), m_agentBId } }, m_supervisor);
        QCOMPARE(r.status, 200);
        r = m_http->patch(path(id), { { QStringLiteral("assigned_to"), 987654 } }, m_supervisor);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("invalid_assignee"));
    }

    void updateValidatesEnums()
    {
        const qint64 id = createId(QStringLiteral("Validate update"));
        for (const QJsonObject &bad : { QJsonObject { { QStringLiteral("status"), QStringLiteral("done") } },
                 QJsonObject { { QStringLiteral("priority"), QStringLiteral("p1") } },
                 QJsonObject { { QStringLiteral("status"), 1 } },
                 QJsonObject { { QStringLiteral("subject"), QStringLiteral("   ") } },
                 QJsonObject { { QStringLiteral("subject"), QJsonValue() } },
                 QJsonObject { { QStringLiteral("assigned_to"), QStringLiteral("me") } } }) {
            const HttpResult r = m_http->patch(path(id), bad, m_admin);
            QVERIFY2(
                r.status == 422, qPrintable(QString::fromUtf8(QJsonDocument(bad).toJson()) + describe(r)));
        }
        QCOMPARE(
            m_http->patch(path(99999999), { { QStringLiteral("status"), QStringLiteral("closed") } }, m_admin)
                .status,
            404);
        QCOMPARE(m_http
                     ->request("DELETE", path(id), {},
                         { { QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_admin.toLatin1() } })
                     .status,
            405);
        QCOMPARE(historyFields(id), QStringList { QStringLiteral("created") });
    }

    void updateRecordsHistoryForEachFieldAndTheSla()
    {
        const QJsonObject made = create({ { QStringLiteral("subject"), QStringLiteral("History") },
            { QStringLiteral("priority"), QStringLiteral("low") } });
        const qint64 id = made.value(QStringLiteral("id")).toInteger();
        const QDateTime created = timeOf(made, QStringLiteral("created_at"));
        HttpResult r = m_http->patch(path(id),
            { { QStringLiteral("status"), QStringLiteral("pending") },
                { QStringLiteral("priority"), QStringLiteral("high") },
                { QStringLiteral("subject"), QStringLiteral("History renamed") },
                { QStringLiteral("category"), QStringLiteral("loans") },
                { QStringLiteral("assigned_to"), m_agentAId } },
            m_supervisor);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        const QJsonObject t = r.json();
        QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(t.value(QStringLiteral("subject")).toString(), QStringLiteral("History renamed"));
        QCOMPARE(t.value(QStringLiteral("category")).toString(), QStringLiteral("loans"));
        QCOMPARE(t.value(QStringLiteral("assigned_to")).toInteger(), m_agentAId);
        // The SLA clock stays at creation; the new priority gives the new due time.
        QVERIFY(qAbs(created.secsTo(timeOf(t, QStringLiteral("due_at"))) - 4 * 3600) <= 1);
        QVERIFY(t.value(QStringLiteral("resolved_at")).isNull());

        const HttpResult history = m_http->get(path(id, QStringLiteral("/history")), m_admin);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json().value(QStringLiteral("total")).toInteger(), 7);
        QHash<QString, QJsonObject> byField;
        for (const QJsonValue &v : history.items())
            byField.insert(v.toObject().value(QStringLiteral("field")).toString(), v.toObject());
        for (const QString &f : { QStringLiteral("created"), QStringLiteral("status"),
                 QStringLiteral("priority"), QStringLiteral("subject"), QStringLiteral("category"),
                 QStringLiteral("assigned_to"), QStringLiteral("due_at") })
            QVERIFY2(byField.contains(f), qPrintable(f));
        QCOMPARE(byField.value(QStringLiteral("status")).value(QStringLiteral("old_value")).toString(),
            QStringLiteral("open"));
        QCOMPARE(byField.value(QStringLiteral("status")).value(QStringLiteral("new_value")).toString(),
            QStringLiteral("pending"));
        QCOMPARE(byField.value(QStringLiteral("priority")).value(QStringLiteral("old_value")).toString(),
            QStringLiteral("low"));
        QVERIFY(byField.value(QStringLiteral("assigned_to")).value(QStringLiteral("old_value")).isNull());
        QCOMPARE(byField.value(QStringLiteral("assigned_to")).value(QStringLiteral("new_value")).toString(),
            QString::number(m_agentAId));
        QCOMPARE(byField.value(QStringLiteral("status")).value(QStringLiteral("actor_id")).toInteger(),
            m_supervisorId);

        // Resolving sets resolved_at; reopening clears it; each is one more history row.
        r = m_http->patch(path(id), { { QStringLiteral("status"), QStringLiteral("resolved") } }, m_agentA);
        QCOMPARE(r.status, 200);
        QVERIFY(timeOf(r.json(), QStringLiteral("resolved_at")).isValid());
        r = m_http->patch(path(id), { { QStringLiteral("status"), QStringLiteral("open") } }, m_agentA);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("resolved_at")).isNull());
        // A change to the same value changes nothing and records nothing.
        r = m_http->patch(path(id), { { QStringLiteral("status"), QStringLiteral("open") } }, m_agentA);
        QCOMPARE(r.status, 200);
        const QStringList fields = historyFields(id);
        QCOMPARE(fields.count(QStringLiteral("status")), 3);
        QCOMPARE(fields.count(QStringLiteral("resolved_at")), 2);
        QCOMPARE(fields.size(), 7 + 4);
        // History pages like every list.
        const HttpResult page = m_http->get(path(id, QStringLiteral("/history?limit=2&offset=2")), m_admin);
        QCOMPARE(page.items().size(), 2);
        QCOMPARE(page.json().value(QStringLiteral("total")).toInteger(), 11);
    }

    void commentsAreAddedListedAndValidated()
    {
        const qint64 id
            = createId(QStringLiteral("Comments"), { { QStringLiteral("assigned_to"), m_agentAId } });
        HttpResult r = m_http->post(path(id, QStringLiteral("/comments")),
            { { QStringLiteral("body"), QStringLiteral("Called the customer back") } }, m_agentA);
        QVERIFY2(r.status == 201, qPrintable(describe(r)));
        QCOMPARE(
            r.json().value(QStringLiteral("body")).toString(), QStringLiteral("Called the customer back"));
        QCOMPARE(r.json().value(QStringLiteral("internal")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("author_id")).toInteger(), m_agentAId);
        QCOMPARE(r.json().value(QStringLiteral("ticket_id")).toInteger(), id);
        r = m_http->post(path(id, QStringLiteral("/comments/")),
            { { QStringLiteral("body"), QStringLiteral("Fraud team informed") },
                { QStringLiteral("internal"), true } },
            m_supervisor);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("internal")).toBool(), true);

        const HttpResult list = m_http->get(path(id, QStringLiteral("/comments")), m_agentA);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("total")).toInteger(), 2);
        QCOMPARE(list.items().at(0).toObject().value(QStringLiteral("body")).toString(),
            QStringLiteral("Called the customer back"));
        QCOMPARE(list.items().at(1).toObject().value(QStringLiteral("internal")).toBool(), true);
        QCOMPARE(
            m_http->get(path(id, QStringLiteral("/comments?limit=1&offset=1")), m_agentA).items().size(), 1);

        QCOMPARE(m_http
                     ->post(path(id, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("  ") } }, m_agentA)
                     .status,
            422);
        QCOMPARE(
            m_http->post(path(id, QStringLiteral("/comments")), { { QStringLiteral("body"), 42 } }, m_agentA)
                .status,
            422);
        QCOMPARE(m_http
                     ->post(path(id, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("x") },
                             { QStringLiteral("internal"), QStringLiteral("yes") } },
                         m_agentA)
                     .status,
            422);
        QCOMPARE(m_http
                     ->post(path(99999999, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("x") } }, m_admin)
                     .status,
            404);
        QCOMPARE(auditTotal(QStringLiteral("action=ticket.comment&limit=200")) >= 2, true);
    }

    void bulkAssignIsForSupervisors()
    {
        const qint64 a = createId(QStringLiteral("Bulk one"));
        const qint64 b = createId(QStringLiteral("Bulk two"));
        const QJsonObject body { { QStringLiteral("ids"), QJsonArray { a, b } },
            { QStringLiteral("user_id"), m_agentBId } };
        HttpResult r = m_http->post(QStringLiteral("/api/v1/tickets/bulk-assign"), body, m_agentA);
        QCOMPARE(r.status, 403);
        QCOMPARE(m_http->get(path(a), m_admin).json().value(QStringLiteral("assigned_to")).isNull(), true);

        r = m_http->post(QStringLiteral("/api/v1/tickets/bulk-assign"), body, m_supervisor);
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.items().size(), 2);
        for (qint64 id : { a, b }) {
            QCOMPARE(m_http->get(path(id), m_admin).json().value(QStringLiteral("assigned_to")).toInteger(),
                m_agentBId);
            QVERIFY(historyFields(id).contains(QStringLiteral("assigned_to")));
        }
        // All or nothing: one unknown id and nothing changes.
        r = m_http->post(QStringLiteral("/api/v1/tickets/bulk-assign/"),
            { { QStringLiteral("ids"), QJsonArray { a, 99999999 } },
                { QStringLiteral("user_id"), QJsonValue() } },
            m_supervisor);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("unknown_tickets"));
        QCOMPARE(m_http->get(path(a), m_admin).json().value(QStringLiteral("assigned_to")).toInteger(),
            m_agentBId);
        // null unassigns.
        r = m_http->post(QStringLiteral("/api/v1/tickets/bulk-assign"),
            { { QStringLiteral("ids"), QJsonArray { a } }, { QStringLiteral("user_id"), QJsonValue() } },
            m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(m_http->get(path(a), m_admin).json().value(QStringLiteral("assigned_to")).isNull());

        for (const QJsonObject &bad : { QJsonObject { { QStringLiteral("ids"), QJsonArray {} },
                                            { QStringLiteral("user_id"), m_agentBId } },
                 QJsonObject { { QStringLiteral("ids"), QJsonArray { QStringLiteral("1") } },
                     { QStringLiteral("user_id"), m_agentBId } },
                 QJsonObject { { QStringLiteral("ids"), QJsonArray { a } } },
                 QJsonObject {
                     { QStringLiteral("ids"), QJsonArray { a } }, { QStringLiteral("user_id"), 987654 } } }) {
            r = m_http->post(QStringLiteral("/api/v1/tickets/bulk-assign"), bad, m_supervisor);
            QVERIFY2(r.status == 422, qPrintable(describe(r)));
        }
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets/bulk-assign"), m_supervisor).status, 405);
    }

    void overdueIsFlaggedAndFiltered()
    {
        const qint64 late = createId(QStringLiteral("Overdue late"));
        const qint64 fine = createId(QStringLiteral("Overdue fine"));
        QString error;
        rawRows(
            QStringLiteral("UPDATE tickets SET due_at = '2020-01-01T00:00:00.000Z' WHERE id = %1").arg(late),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_http->get(path(late), m_admin).json().value(QStringLiteral("overdue")).toBool(), true);
        QCOMPARE(m_http->get(path(fine), m_admin).json().value(QStringLiteral("overdue")).toBool(), false);
        QCOMPARE(ids(m_http->get(QStringLiteral("/api/v1/tickets?q=Overdue&overdue=true"), m_admin)),
            QList<qint64> { late });
        QCOMPARE(ids(m_http->get(QStringLiteral("/api/v1/tickets?q=Overdue&overdue=false"), m_admin)),
            QList<qint64> { fine });
        const HttpResult list = m_http->get(QStringLiteral("/api/v1/tickets?q=Overdue&sort=due_at"), m_admin);
        QCOMPARE(list.items().first().toObject().value(QStringLiteral("overdue")).toBool(), true);
        // A resolved ticket is never overdue.
        const HttpResult resolved = m_http->patch(
            path(late), { { QStringLiteral("status"), QStringLiteral("resolved") } }, m_admin);
        QCOMPARE(resolved.json().value(QStringLiteral("overdue")).toBool(), false);
    }

    void changesAreAudited()
    {
        const qint64 createsBefore = auditTotal(QStringLiteral("action=ticket.create"));
        const qint64 updatesBefore = auditTotal(QStringLiteral("action=ticket.update"));
        const qint64 id = createId(QStringLiteral("Audited"));
        QCOMPARE(auditTotal(QStringLiteral("action=ticket.create")), createsBefore + 1);
        QCOMPARE(m_http->patch(path(id), { { QStringLiteral("status"), QStringLiteral("closed") } }, m_agentA)
                     .status,
            200);
        QCOMPARE(auditTotal(QStringLiteral("action=ticket.update")), updatesBefore + 1);
        const HttpResult audit = m_http->get(QStringLiteral("/api/v1/audit?action=ticket.update&actor=")
                + QString::number(m_agentAId) + QStringLiteral("&limit=200"),
            m_admin);
        bool found = false;
        for (const QJsonValue &v : audit.items()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("target_id")).toString() != QString::number(id))
                continue;
            found = true;
            QCOMPARE(e.value(QStringLiteral("target_type")).toString(), QStringLiteral("ticket"));
            const QJsonObject status
                = e.value(QStringLiteral("details")).toObject().value(QStringLiteral("status")).toObject();
            QCOMPARE(status.value(QStringLiteral("from")).toString(), QStringLiteral("open"));
            QCOMPARE(status.value(QStringLiteral("to")).toString(), QStringLiteral("closed"));
        }
        QVERIFY(found);
        // A refused change leaves no trace.
        QCOMPARE(m_http->patch(path(id), { { QStringLiteral("status"), QStringLiteral("nope") } }, m_agentA)
                     .status,
            422);
        QCOMPARE(auditTotal(QStringLiteral("action=ticket.update")), updatesBefore + 1);
    }

    void eventsCarryTheRoutingRule()
    {
        const QStringList last = rawRows(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"));
        QCOMPARE(last.size(), 1);
        const QString after = last.first();
        const qint64 open = createId(QStringLiteral("Events pool"));
        const qint64 mine
            = createId(QStringLiteral("Events mine"), { { QStringLiteral("assigned_to"), m_agentAId } });
        auto rows = [&](qint64 id) {
            QString error;
            const QStringList r
                = rawRows(QStringLiteral("SELECT type, visibility, COALESCE(assigned_to, 0) FROM events "
                                         "WHERE ticket_id = %1 ORDER BY id")
                              .arg(id),
                    &error);
            if (!error.isEmpty())
                qWarning("%s", qPrintable(error));
            return r;
        };
        QCOMPARE(rows(open), QStringList { QStringLiteral("ticket.created|staff|0") });
        QCOMPARE(rows(mine), QStringList { QStringLiteral("ticket.created|assigned|%1").arg(m_agentAId) });

        // Taken from the pool: everyone who saw it there hears it went.
        QCOMPARE(
            m_http->patch(path(open), { { QStringLiteral("assigned_to"), m_agentBId } }, m_supervisor).status,
            200);
        // Moved from B to A: both hear it.
        QCOMPARE(
            m_http->patch(path(open), { { QStringLiteral("assigned_to"), m_agentAId } }, m_supervisor).status,
            200);
        // A change on A's ticket: only A (and supervisors).
        QCOMPARE(
            m_http->patch(path(open), { { QStringLiteral("priority"), QStringLiteral("high") } }, m_agentA)
                .status,
            200);
        QCOMPARE(rows(open),
            (QStringList { QStringLiteral("ticket.created|staff|0"), QStringLiteral("ticket.updated|staff|0"),
                QStringLiteral("ticket.updated|assigned|%1").arg(m_agentAId),
                QStringLiteral("ticket.updated|assigned|%1").arg(m_agentBId),
                QStringLiteral("ticket.updated|assigned|%1").arg(m_agentAId) }));

        // The resync endpoint applies the rule: B does not get A's ticket events any more.
        const HttpResult forB
            = m_http->get(QStringLiteral("/api/v1/events?limit=200&after=") + after, m_agentB);
        QCOMPARE(forB.status, 200);
        int aboutMine = 0;
        for (const QJsonValue &v : forB.items()) {
            const QJsonObject data = v.toObject().value(QStringLiteral("data")).toObject();
            if (data.value(QStringLiteral("id")).toInteger() == mine
                && v.toObject().value(QStringLiteral("type")).toString().startsWith(QLatin1String("ticket.")))
                ++aboutMine;
        }
        QCOMPARE(aboutMine, 0);
        // The payload is the ticket as the API answers it.
        const HttpResult forA
            = m_http->get(QStringLiteral("/api/v1/events?limit=200&after=") + after, m_agentA);
        bool sawCreated = false;
        for (const QJsonValue &v : forA.items()) {
            const QJsonObject e = v.toObject();
            const QJsonObject data = e.value(QStringLiteral("data")).toObject();
            if (e.value(QStringLiteral("type")).toString() == QLatin1String("ticket.created")
                && data.value(QStringLiteral("id")).toInteger() == mine) {
                sawCreated = true;
                QCOMPARE(data.value(QStringLiteral("subject")).toString(), QStringLiteral("Events mine"));
                QCOMPARE(data.value(QStringLiteral("assigned_to")).toInteger(), m_agentAId);
                QVERIFY(data.contains(QStringLiteral("due_at")));
            }
        }
        QVERIFY(sawCreated);

        // A comment is a ticket.updated carrying the comment.
        QCOMPARE(m_http
                     ->post(path(mine, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("note") } }, m_agentA)
                     .status,
            201);
        QCOMPARE(rows(mine).last(), QStringLiteral("ticket.updated|assigned|%1").arg(m_agentAId));
    }

    void assignmentNotifiesTheAssignee()
    {
        auto notices = [&](qint64 userId, qint64 ticketId, const QString &type) {
            return rawRows(
                QStringLiteral("SELECT title FROM notifications WHERE user_id = %1 AND type = '%2' AND ")
                    .arg(userId)
                    .arg(type)
                + ticketOf(ticketId))
                .size();
        };
        const qint64 id = createId(QStringLiteral("Notify assignment"));
        QCOMPARE(
            m_http->patch(path(id), { { QStringLiteral("assigned_to"), m_agentBId } }, m_supervisor).status,
            200);
        QCOMPARE(notices(m_agentBId, id, QStringLiteral("assignment")), 1);
        // With its notification.created event, for B only.
        QVERIFY(
            !rawRows(QStringLiteral(
                         "SELECT id FROM events WHERE type = 'notification.created' AND visibility = 'user' "
                         "AND user_id = %1")
                         .arg(m_agentBId))
                 .isEmpty());
        // Taking a ticket yourself tells nobody.
        const qint64 own = createId(QStringLiteral("Notify self"));
        QCOMPARE(m_http->patch(path(own), { { QStringLiteral("assigned_to"), m_agentAId } }, m_agentA).status,
            200);
        QCOMPARE(notices(m_agentAId, own, QStringLiteral("assignment")), 0);
        // Created already assigned by someone else: told too.
        const qint64 made
            = createId(QStringLiteral("Notify create"), { { QStringLiteral("assigned_to"), m_agentAId } });
        QCOMPARE(notices(m_agentAId, made, QStringLiteral("assignment")), 1);
    }

    void slaBreachIsAnnouncedOnce()
    {
        auto notices = [&](qint64 userId, qint64 ticketId) {
            return rawRows(
                QStringLiteral("SELECT id FROM notifications WHERE user_id = %1 AND type = 'sla_breach' AND ")
                    .arg(userId)
                + ticketOf(ticketId))
                .size();
        };
        const qint64 assigned
            = createId(QStringLiteral("Breach assigned"), { { QStringLiteral("assigned_to"), m_agentAId } });
        const qint64 pool = createId(QStringLiteral("Breach pool"));
        const qint64 resolved = createId(QStringLiteral("Breach resolved"));
        QCOMPARE(
            m_http
                ->patch(path(resolved), { { QStringLiteral("status"), QStringLiteral("resolved") } }, m_admin)
                .status,
            200);
        QString error;
        rawRows(
            QStringLiteral("UPDATE tickets SET due_at = '2021-06-01T00:00:00.000Z' WHERE id IN (%1, %2, %3)")
                .arg(assigned)
                .arg(pool)
                .arg(resolved),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        SqlSession s = m_server->runtime().database().session();
        for (int run = 0; run < 2; ++run) {
            auto done = TicketNotifications::announceBreaches(s, QDateTime::currentDateTimeUtc());
            QVERIFY2(done, qPrintable(done.error().detail));
        }
        // The assignee hears about their ticket; supervisors and admins about the unassigned one;
        // once each, however often the job runs; a resolved ticket is not breached.
        QCOMPARE(notices(m_agentAId, assigned), 1);
        QCOMPARE(notices(m_supervisorId, assigned), 0);
        QCOMPARE(notices(m_supervisorId, pool), 1);
        QCOMPARE(notices(m_adminId, pool), 1);
        QCOMPARE(notices(m_agentAId, pool), 0);
        QCOMPARE(notices(m_supervisorId, resolved), 0);
        QCOMPARE(rawRows(QStringLiteral("SELECT id FROM tickets WHERE id = %1 AND sla_notified = %2")
                             .arg(assigned)
                             .arg(m_server->database().isPostgres() ? QStringLiteral("true")
                                                                    : QStringLiteral("1")))
                     .size(),
            1);
        // A new due time (priority change) may be breached again.
        QCOMPARE(m_http
                     ->patch(path(assigned), { { QStringLiteral("priority"), QStringLiteral("urgent") } },
                         m_agentA)
                     .status,
            200);
        QCOMPARE(rawRows(QStringLiteral("SELECT id FROM tickets WHERE id = %1 AND sla_notified = %2")
                             .arg(assigned)
                             .arg(m_server->database().isPostgres() ? QStringLiteral("false")
                                                                    : QStringLiteral("0")))
                     .size(),
            1);
    }

    void socketsHearTicketChangesAtOnce()
    {
        auto heard = [](const StaffSocketClient &c, const QString &type, qint64 ticketId) {
            for (const QJsonObject &m : c.messages)
                if (m.value(QStringLiteral("type")).toString() == type
                    && m.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toInteger()
                        == ticketId)
                    return true;
            return false;
        };
        StaffSocketClient a;
        StaffSocketClient b;
        QCOMPARE(a.open(m_server->baseUrl(), m_agentA), QString());
        QCOMPARE(b.open(m_server->baseUrl(), m_agentB), QString());
        // Well within the bus's safety timer (5 s on PostgreSQL, 30 s on SQLite): the routes kick it.
        const qint64 mine = createId(
            QStringLiteral("Socket mine"), { { QStringLiteral("assigned_to"), m_agentAId } }, m_supervisor);
        QVERIFY(QTest::qWaitFor([&] { return heard(a, QStringLiteral("ticket.created"), mine); }, 3000));
        const qint64 pool = createId(QStringLiteral("Socket pool"));
        QVERIFY(QTest::qWaitFor([&] { return heard(b, QStringLiteral("ticket.created"), pool); }, 3000));
        QCOMPARE(
            m_http->patch(path(pool), { { QStringLiteral("status"), QStringLiteral("pending") } }, m_agentB)
                .status,
            200);
        QVERIFY(QTest::qWaitFor([&] { return heard(b, QStringLiteral("ticket.updated"), pool); }, 3000));
        QCOMPARE(m_http
                     ->post(path(mine, QStringLiteral("/comments")),
                         { { QStringLiteral("body"), QStringLiteral("x") } }, m_agentA)
                     .status,
            201);
        QVERIFY(QTest::qWaitFor([&] { return heard(a, QStringLiteral("ticket.updated"), mine); }, 3000));
        // B never hears about A's ticket.
        QVERIFY(!heard(b, QStringLiteral("ticket.created"), mine));
        QVERIFY(!heard(b, QStringLiteral("ticket.updated"), mine));
    }

    void trailingSlashAndWithoutBothWork()
    {
        const qint64 id = createId(QStringLiteral("Slashes"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets"), m_admin).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/tickets/"), m_admin).status, 200);
        QCOMPARE(m_http->get(path(id, QStringLiteral("/")), m_admin).status, 200);
        QCOMPARE(m_http->get(path(id, QStringLiteral("/history/")), m_admin).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiTickets)
#include "tst_api_tickets.moc"
