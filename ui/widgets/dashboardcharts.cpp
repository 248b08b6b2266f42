#include "ui/widgets/dashboardcharts.h"

#include "ui/models/ticketsmodel.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace joxai::ui {

namespace {

// Calm colours that stay apart for the colour-blind (blue, orange).
const QColor kBlue(0x2b, 0x6c, 0xb0);
const QColor kOrange(0xd9, 0x7b, 0x29);

// A count axis from 0 with whole-number ticks.
QValueAxis *countAxis(qint64 highest)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, double(std::max<qint64>(highest, 4)));
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->applyNiceNumbers();
    axis->setMinorTickCount(0);
    return axis;
}

} // namespace

DashboardCharts::DashboardCharts(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardCharts"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    for (int i = 0; i < KindCount; ++i) {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundRoundness(6);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        auto *view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        m_views << view;
        grid->addWidget(view, i / 2, i % 2);
    }
    m_views.at(PerDay)->setObjectName(QStringLiteral("perDayChart"));
    m_views.at(TicketsByStatus)->setObjectName(QStringLiteral("ticketsChart"));
    m_views.at(Satisfaction)->setObjectName(QStringLiteral("csatChart"));
    m_views.at(AiUsage)->setObjectName(QStringLiteral("aiChart"));
}

DashboardCharts::~DashboardCharts() = default;

QChart *DashboardCharts::chart(Kind kind) const
{
    return m_views.at(kind)->chart();
}

QChart *DashboardCharts::reset(Kind kind, const QString &title)
{
    QChart *c = chart(kind);
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *a : axes) {
        c->removeAxis(a);
        delete a;
    }
    c->setTitle(title);
    return c;
}

void DashboardCharts::draw(const DashboardFigures &figures, const QDate &first, const QDate &last)
{
    drawPerDay(figures, first, last);
    drawTickets(figures);
    drawSatisfaction(figures);
    drawAi(figures);
}

void DashboardCharts::drawPerDay(const DashboardFigures &f, const QDate &first, const QDate &last)
{
    QChart *c = reset(PerDay, tr("Conversations and escalations per day"));
    auto *conversations = new QLineSeries;
    conversations->setName(tr("Conversations"));
    conversations->setColor(kBlue);
    auto *escalations = new QLineSeries;
    escalations->setName(tr("Escalations"));
    escalations->setColor(kOrange);
    qint64 highest = 0;
    const QList<DashboardDay> days = f.everyDay(first, last);
    for (const DashboardDay &d : days) {
        const qreal x = qreal(QDateTime(d.date, QTime(12, 0)).toMSecsSinceEpoch());
        conversations->append(x, qreal(d.conversations));
        escalations->append(x, qreal(d.escalations));
        highest = std::max(highest, d.conversations);
    }
    c->addSeries(conversations);
    c->addSeries(escalations);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd")); // the ISO order reads the same in every language
    x->setTickCount(std::min<int>(8, std::max<int>(2, int(days.size()))));
    if (!days.isEmpty())
        x->setRange(QDateTime(days.first().date, QTime(12, 0)), QDateTime(days.last().date, QTime(12, 0)));
    c->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = countAxis(highest);
    c->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {conversations, escalations}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void DashboardCharts::drawTickets(const DashboardFigures &f)
{
    QChart *c = reset(TicketsByStatus, tr("Tickets by status (%n in all)", nullptr, int(f.ticketsTotal)));
    auto *set = new QBarSet(tr("Tickets"));
    set->setColor(kBlue);
    QStringList names;
    qint64 highest = 0;
    for (const QString &status : TicketsModel::statuses()) {
        const qint64 n = f.ticketsByStatus.value(status);
        *set << qreal(n);
        names << TicketsModel::statusName(status);
        highest = std::max(highest, n);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    c->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = countAxis(highest + 1);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->hide();
}

void DashboardCharts::drawSatisfaction(const DashboardFigures &f)
{
    QChart *c = reset(Satisfaction, f.csatCount == 0 ? tr("Customer satisfaction (no ratings yet)")
                                                    : tr("Customer satisfaction (%n rating(s))", nullptr, int(f.csatCount)));
    auto *set = new QBarSet(tr("Average rating"));
    set->setColor(kOrange);
    *set << (f.csatAverage ? *f.csatAverage : 0.0);
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(f.csatAverage.has_value());
    series->setLabelsFormat(QStringLiteral("@value / 5"));
    c->addSeries(series);
    auto *x = new QValueAxis;
    x->setRange(0, 5);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(x, Qt::AlignBottom);
    auto *y = new QBarCategoryAxis;
    y->append(tr("Average"));
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->hide();
}

void DashboardCharts::drawAi(const DashboardFigures &f)
{
    QChart *c = reset(AiUsage, tr("Assistant usage (estimated cost %1)").arg(DashboardFigures::money(f.aiCostUsd)));
    auto *set = new QBarSet(tr("Calls"));
    set->setColor(kBlue);
    *set << qreal(f.aiRequests) << qreal(f.aiCacheHits) << qreal(f.aiFallbacks);
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append({tr("Answers"), tr("Cached"), tr("Fallbacks")});
    c->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = countAxis(std::max({f.aiRequests, f.aiCacheHits, f.aiFallbacks}) + 1);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    c->legend()->hide();
}

} // namespace joxai::ui
