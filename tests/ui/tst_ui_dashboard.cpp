// The Dashboard against a real server: after customers have chatted (some handed to a person,
// one closed and rated) and tickets were opened, a supervisor signs in and reads the dashboard
// first; every tile shows exactly what GET /api/v1/analytics/dashboard answers for the range,
// the charts carry the same numbers, the CSV export holds them, and another range reloads. An
// agent has no dashboard and the page says the server's refusal plainly.

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/liveevents.h"
#include "ui/models/dashboardfigures.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/mainwindow.h"
#include "ui/widgets/dashboardcharts.h"
#include "ui/widgets/kpitile.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiDashboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    std::vector<std::unique_ptr<ChatCustomer>> m_customers;

    std::unique_ptr<ApiClient> client(const QString &email)
    {
        return signedInClient(m_server->baseUrl(), email, QLatin1String(HttpClient::kStaffPassword));
    }

    QJsonObject serverFigures(const QDate &from, const QDate &to)
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/analytics/dashboard?from=%1&to=%2")
                                             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)), m_admin);
        return r.status == 200 ? r.json() : QJsonObject();
    }

    static QDate today() { return QDateTime::currentDateTimeUtc().date(); }

private Q_SLOTS:
    void initTestCase()
    {
        withoutKeychain();
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent")).isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor")).isEmpty());

        // Four customers: two hand over to a person, one leaves after the assistant answered and
        // rates it 4, one is still with the assistant.
        for (int i = 0; i < 4; ++i) {
            auto c = std::make_unique<ChatCustomer>(*m_http);
            QCOMPARE(c->start(QStringLiteral("en"), {{QStringLiteral("customer_name"), QStringLiteral("Customer %1").arg(i)}}).status, 201);
            QCOMPARE(c->say(QStringLiteral("What are your opening hours?")).status, 200);
            if (i < 2)
                QCOMPARE(c->escalate(QStringLiteral("I want to talk to a person")).status, 200);
            m_customers.push_back(std::move(c));
        }
        QCOMPARE(m_customers.at(2)->close().status, 200);
        QCOMPARE(m_customers.at(2)->rate(4).status, 200);
        // Tickets: the two escalations opened one each; one more by hand, then resolved.
        const HttpResult t = m_http->post(QStringLiteral("/api/v1/tickets/"), {{QStringLiteral("subject"), QStringLiteral("Card replacement")}}, m_admin);
        QCOMPARE(t.status, 201);
        QCOMPARE(m_http->patch(QStringLiteral("/api/v1/tickets/%1").arg(t.json().value(QStringLiteral("id")).toInteger()),
                               {{QStringLiteral("status"), QStringLiteral("resolved")}}, m_admin).status, 200);
    }

    void supervisorReadsTheServersFigures()
    {
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The dashboard is the supervisor's first page and loads at once.
        QCOMPARE(window.sidebarTitles().first(), QStringLiteral("Dashboard"));
        auto *page = qobject_cast<DashboardPage *>(window.currentPage());
        QVERIFY(page);
        QVERIFY(QTest::qWaitFor([&] { return page->hasFigures() && !page->isLoading(); }, 15000));
        QCOMPARE(page->from(), today().addDays(-29));
        QCOMPARE(page->to(), today());

        const QJsonObject api30 = serverFigures(page->from(), page->to());
        QVERIFY(!api30.isEmpty());
        const QJsonObject conv = api30.value(QStringLiteral("conversations")).toObject();
        // What was seeded, as the server counts it…
        QCOMPARE(conv.value(QStringLiteral("total")).toInteger(), 4);
        QCOMPARE(conv.value(QStringLiteral("escalated")).toInteger(), 2);
        // …is what the tiles say.
        const QLocale locale;
        QCOMPARE(page->tile(DashboardPage::Conversations)->value(), locale.toString(conv.value(QStringLiteral("total")).toInteger()));
        QCOMPARE(page->tile(DashboardPage::Conversations)->note(),
                 QStringLiteral("%1 escalated · %2 waiting now").arg(conv.value(QStringLiteral("escalated")).toInteger())
                     .arg(conv.value(QStringLiteral("waiting")).toInteger()));
        QCOMPARE(api30.value(QStringLiteral("escalation_rate")).toDouble(), 0.5);
        QCOMPARE(page->tile(DashboardPage::EscalationRate)->value(), QStringLiteral("50.0 %"));
        QCOMPARE(page->tile(DashboardPage::Containment)->value(),
                 DashboardFigures::percent(api30.value(QStringLiteral("containment_rate")).toDouble()));
        const QJsonObject csat = api30.value(QStringLiteral("csat")).toObject();
        QCOMPARE(csat.value(QStringLiteral("average")).toDouble(), 4.0);
        QCOMPARE(page->tile(DashboardPage::Satisfaction)->value(), QStringLiteral("4.0 / 5"));
        QVERIFY2(page->tile(DashboardPage::Satisfaction)->note().startsWith(QStringLiteral("1 rating")),
                 qPrintable(page->tile(DashboardPage::Satisfaction)->note()));
        const QJsonValue firstResponse = api30.value(QStringLiteral("avg_first_response_seconds"));
        QCOMPARE(page->tile(DashboardPage::FirstResponse)->value(),
                 firstResponse.isNull() ? QStringLiteral("–") : DashboardFigures::duration(firstResponse.toDouble()));
        QCOMPARE(page->tile(DashboardPage::Resolution)->value(),
                 DashboardFigures::duration(api30.value(QStringLiteral("avg_resolution_seconds")).toDouble()));
        const QJsonObject ai = api30.value(QStringLiteral("ai")).toObject();
        QCOMPARE(page->tile(DashboardPage::AiCost)->value(), DashboardFigures::money(ai.value(QStringLiteral("estimated_cost_usd")).toDouble()));
        QCOMPARE(page->tile(DashboardPage::AiCost)->note(),
                 QStringLiteral("%1 answers · %2 tokens").arg(locale.toString(ai.value(QStringLiteral("requests")).toInteger()),
                     locale.toString(ai.value(QStringLiteral("tokens_in")).toInteger() + ai.value(QStringLiteral("tokens_out")).toInteger())));

        // The charts carry the same numbers: per day (every day of the range, zeros included)…
        QChart *perDay = page->charts()->chart(DashboardCharts::PerDay);
        QCOMPARE(perDay->series().size(), 2);
        auto *conversations = qobject_cast<QLineSeries *>(perDay->series().at(0));
        auto *escalations = qobject_cast<QLineSeries *>(perDay->series().at(1));
        QCOMPARE(conversations->count(), 30);
        qreal sumConversations = 0, sumEscalations = 0;
        for (const QPointF &p : conversations->points())
            sumConversations += p.y();
        for (const QPointF &p : escalations->points())
            sumEscalations += p.y();
        QCOMPARE(sumConversations, 4.0);
        QCOMPARE(sumEscalations, 2.0);
        QCOMPARE(conversations->points().last().y(), 4.0); // all of them today
        // …tickets by status…
        const QJsonObject byStatus = api30.value(QStringLiteral("tickets")).toObject().value(QStringLiteral("by_status")).toObject();
        QCOMPARE(byStatus.value(QStringLiteral("open")).toInteger(), 2);
        QCOMPARE(byStatus.value(QStringLiteral("resolved")).toInteger(), 1);
        auto *tickets = qobject_cast<QBarSeries *>(page->charts()->chart(DashboardCharts::TicketsByStatus)->series().first());
        QBarSet *ticketSet = tickets->barSets().first();
        QCOMPARE(ticketSet->count(), 4);
        QCOMPARE(ticketSet->at(0), qreal(byStatus.value(QStringLiteral("open")).toInteger()));
        QCOMPARE(ticketSet->at(1), qreal(byStatus.value(QStringLiteral("pending")).toInteger()));
        QCOMPARE(ticketSet->at(2), qreal(byStatus.value(QStringLiteral("resolved")).toInteger()));
        QCOMPARE(ticketSet->at(3), qreal(byStatus.value(QStringLiteral("closed")).toInteger()));
        // …satisfaction and the assistant's usage.
        auto *satisfaction = qobject_cast<QHorizontalBarSeries *>(page->charts()->chart(DashboardCharts::Satisfaction)->series().first());
        QCOMPARE(satisfaction->barSets().first()->at(0), 4.0);
        auto *aiSeries = qobject_cast<QBarSeries *>(page->charts()->chart(DashboardCharts::AiUsage)->series().first());
        QCOMPARE(aiSeries->barSets().first()->at(0), qreal(ai.value(QStringLiteral("requests")).toInteger()));
        QVERIFY(page->charts()->chart(DashboardCharts::AiUsage)->title().contains(
            DashboardFigures::money(ai.value(QStringLiteral("estimated_cost_usd")).toDouble())));

        // The CSV holds the figures shown, as raw numbers.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dashboard.csv"));
        QCOMPARE(page->exportTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.first().trimmed(), QByteArray("metric,value"));
        QVERIFY2(csv.contains("\r\nconversations,4\r\n"), csv.constData());
        QVERIFY(csv.contains("\r\nconversations_escalated,2\r\n"));
        QVERIFY(csv.contains("\r\nescalation_rate,0.5\r\n"));
        QVERIFY(csv.contains("\r\ncsat_average,4\r\n"));
        QVERIFY(csv.contains("\r\ntickets_open,2\r\n"));
        QVERIFY(csv.contains(QByteArray("\r\nai_requests," + QByteArray::number(ai.value(QStringLiteral("requests")).toInteger()) + "\r\n")));
        QVERIFY(csv.contains("\r\ndate,conversations,escalations,closed\r\n"));
        QVERIFY(csv.contains(QByteArray("\r\n" + today().toString(Qt::ISODate).toUtf8() + ",4,2,1\r\n")));
        // A folder that does not exist is said plainly.
        QVERIFY(page->exportTo(dir.filePath(QStringLiteral("missing/dashboard.csv"))).startsWith(QStringLiteral("The file")));

        // Another range: the days before today hold nothing, and the tiles follow.
        page->setRange(today().addDays(-10), today().addDays(-1));
        QVERIFY(QTest::qWaitFor([&] { return !page->isLoading() && page->figures().conversations == 0; }, 15000));
        QCOMPARE(page->tile(DashboardPage::Conversations)->value(), QStringLiteral("0"));
        QCOMPARE(page->tile(DashboardPage::Satisfaction)->value(), QStringLiteral("–"));
        QCOMPARE(qobject_cast<QLineSeries *>(page->charts()->chart(DashboardCharts::PerDay)->series().at(0))->count(), 10);
        QCOMPARE(serverFigures(page->from(), page->to()).value(QStringLiteral("conversations")).toObject()
                     .value(QStringLiteral("total")).toInteger(), 0);
    }

    void agentHasNoDashboardAndTheRefusalIsPlain()
    {
        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        QVERIFY(!window.sidebarTitles().contains(QStringLiteral("Dashboard")));
        QVERIFY(!window.page(PageId::Dashboard));
        // The page itself, were it shown, tells the server's answer instead of empty figures.
        DashboardPage page(*api);
        page.show();
        QSignalSpy failed(&page, &DashboardPage::loadFailed);
        page.activate();
        QVERIFY(failed.wait(10000) || !failed.isEmpty());
        QVERIFY(!page.hasFigures());
        auto *error = page.findChild<QLabel *>(QStringLiteral("dashboardError"));
        QVERIFY(error->isVisible());
        QVERIFY2(!error->text().isEmpty() && !error->text().contains(QLatin1Char('{')), qPrintable(error->text()));
    }
};

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
