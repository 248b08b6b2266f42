// The supervisors' dashboard on both databases, from conversations made through the public chat
// and the staff API: counts, escalation and containment rates, first response and resolution
// times, CSAT, tickets, AI usage, per day and per agent; roles and ranges checked.

#include "tests/support/chatcustomer.h"
#include "tests/support/testserver.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiAnalytics : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin, m_sue, m_alice;
    qint64 m_aliceId = 0;

    QJsonObject dashboard(const QString &query = {})
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/analytics/dashboard") + query, m_sue);
        return r.status == 200 ? r.json() : QJsonObject{{QStringLiteral("status"), r.status}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        m_sue = m_http->createStaff(m_admin, QStringLiteral("sue@bank.example"), QStringLiteral("supervisor"));
        m_alice = m_http->createStaff(m_admin, QStringLiteral("alice@bank.example"), QStringLiteral("agent"), &m_aliceId);

        // 1: answered by the assistant, rated 5, closed: contained.
        ChatCustomer contained(*m_http);
        QCOMPARE(contained.start().status, 201);
        QCOMPARE(contained.say(QStringLiteral("What are your opening hours?")).status, 200);
        QCOMPARE(contained.rate(5).status, 200);
        QCOMPARE(contained.close().status, 200);
        // 2: asks for a person, Alice answers and closes.
        ChatCustomer handed(*m_http);
        QCOMPARE(handed.start().status, 201);
        QCOMPARE(handed.escalate().status, 200);
        const QString path = QStringLiteral("/api/v1/conversations/") + handed.conversationId();
        QCOMPARE(m_http->post(path + QStringLiteral("/takeover"), {}, m_alice).status, 200);
        QCOMPARE(m_http->post(path + QStringLiteral("/messages"), {{QStringLiteral("body"), QStringLiteral("Hello, I'm Alice.")}}, m_alice).status, 201);
        QCOMPARE(m_http->post(path + QStringLiteral("/close"), {}, m_alice).status, 200);
        // 3: still open, rated 3.
        ChatCustomer open(*m_http);
        QCOMPARE(open.start().status, 201);
        QCOMPARE(open.rate(3).status, 200);
    }

    void dashboardCountsWhatHappened()
    {
        const QJsonObject d = dashboard();
        QVERIFY2(!d.contains(QStringLiteral("status")), "dashboard did not answer 200");
        const QJsonObject c = d.value(QStringLiteral("conversations")).toObject();
        QCOMPARE(c.value(QStringLiteral("total")).toInteger(), 3);
        QCOMPARE(c.value(QStringLiteral("escalated")).toInteger(), 1);
        QCOMPARE(c.value(QStringLiteral("closed")).toInteger(), 2);
        QCOMPARE(c.value(QStringLiteral("active")).toInteger(), 1);
        QCOMPARE(c.value(QStringLiteral("waiting")).toInteger(), 0);
        QVERIFY(qAbs(d.value(QStringLiteral("escalation_rate")).toDouble() - 1.0 / 3.0) < 1e-9);
        QCOMPARE(d.value(QStringLiteral("containment_rate")).toDouble(), 0.5);
        QVERIFY(d.value(QStringLiteral("avg_first_response_seconds")).isDouble());
        QVERIFY(d.value(QStringLiteral("avg_first_response_seconds")).toDouble() >= 0);
        QVERIFY(d.value(QStringLiteral("avg_resolution_seconds")).isDouble());
        const QJsonObject csat = d.value(QStringLiteral("csat")).toObject();
        QCOMPARE(csat.value(QStringLiteral("average")).toDouble(), 4.0);
        QCOMPARE(csat.value(QStringLiteral("count")).toInteger(), 2);
        const QJsonObject tickets = d.value(QStringLiteral("tickets")).toObject();
        QCOMPARE(tickets.value(QStringLiteral("total")).toInteger(), 1);
        QCOMPARE(tickets.value(QStringLiteral("by_status")).toObject().value(QStringLiteral("open")).toInteger(), 1);
        QCOMPARE(tickets.value(QStringLiteral("by_priority")).toObject().value(QStringLiteral("normal")).toInteger(), 1);
        const QJsonObject ai = d.value(QStringLiteral("ai")).toObject();
        QCOMPARE(ai.value(QStringLiteral("requests")).toInteger(), 1);
        QCOMPARE(ai.value(QStringLiteral("fallbacks")).toInteger(), 0);
        QVERIFY(d.value(QStringLiteral("messages_today")).toInteger() >= 8);
        const QJsonArray days = d.value(QStringLiteral("per_day")).toArray();
        QCOMPARE(days.size(), 1);
        QCOMPARE(days.first().toObject().value(QStringLiteral("date")).toString(),
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QCOMPARE(days.first().toObject().value(QStringLiteral("conversations")).toInteger(), 3);
        bool sawAlice = false;
        for (const QJsonValue &v : d.value(QStringLiteral("per_agent")).toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(QStringLiteral("user_id")).toInteger() != m_aliceId)
                continue;
            sawAlice = true;
            QCOMPARE(a.value(QStringLiteral("closed_conversations")).toInteger(), 1);
            QCOMPARE(a.value(QStringLiteral("messages")).toInteger(), 1);
            QCOMPARE(a.value(QStringLiteral("open_conversations")).toInteger(), 0);
        }
        QVERIFY(sawAlice);
    }

    void aRangeOutsideTheDataIsEmpty()
    {
        const QJsonObject d = dashboard(QStringLiteral("?from=2020-01-01&to=2020-01-31"));
        QCOMPARE(d.value(QStringLiteral("conversations")).toObject().value(QStringLiteral("total")).toInteger(), 0);
        QCOMPARE(d.value(QStringLiteral("escalation_rate")).toDouble(), 0.0);
        QVERIFY(d.value(QStringLiteral("avg_resolution_seconds")).isNull());
        QCOMPARE(d.value(QStringLiteral("per_day")).toArray().size(), 0);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(dashboard(QStringLiteral("?from=%1&to=%1").arg(today)).value(QStringLiteral("conversations")).toObject()
                     .value(QStringLiteral("total")).toInteger(), 3);
    }

    void onlySupervisorsAndAdminsWithAValidRange()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/analytics/dashboard"), m_alice).status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/analytics/dashboard"), m_admin).status, 200);
        for (const QString &q : {QStringLiteral("?from=yesterday"), QStringLiteral("?to=2026-13-01"),
                                 QStringLiteral("?from=2026-02-01&to=2026-01-01"), QStringLiteral("?from=2020-01-01&to=2026-01-01"),
                                 QStringLiteral("?from=2026-01-01T10:00:00")})
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/analytics/dashboard") + q, m_sue).status, 422);
    }

    // Last: it adds a conversation. The server keeps a range's answer for
    // JOXAI_DASHBOARD_CACHE_SECONDS (5 by default): the same range read again at once is the
    // answer computed before, and the new conversation shows once the window has passed.
    void aRangeIsReusedForAFewSecondsThenFresh()
    {
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const QString range = QStringLiteral("?from=%1&to=%1").arg(today);
        auto total = [&] {
            return dashboard(range).value(QStringLiteral("conversations")).toObject().value(QStringLiteral("total")).toInteger(-1);
        };
        QElapsedTimer since;
        since.start();
        const qint64 before = total();
        QVERIFY(before >= 3);
        ChatCustomer another(*m_http);
        QCOMPARE(another.start().status, 201);
        const qint64 again = total();
        if (since.elapsed() < 4000) // on a machine so slow that the window passed, only the freshness below is checked
            QCOMPARE(again, before);
        QTRY_COMPARE_WITH_TIMEOUT(total(), before + 1, 15000);
    }
};

QTEST_GUILESS_MAIN(TestApiAnalytics)
#include "tst_api_analytics.moc"
