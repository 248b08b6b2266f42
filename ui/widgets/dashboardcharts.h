#pragma once
// The Dashboard's four charts (Qt Charts): conversations and escalations per day, tickets by
// status, customer satisfaction, and the assistant's usage and cost. Each is redrawn from the
// same DashboardFigures the tiles show.

#include "ui/models/dashboardfigures.h"

#include <QWidget>

class QChart;
class QChartView;

namespace joxai::ui {

class DashboardCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardCharts)

public:
    enum Kind { PerDay, TicketsByStatus, Satisfaction, AiUsage, KindCount };

    explicit DashboardCharts(QWidget *parent = nullptr);
    ~DashboardCharts() override;

    // Redraws every chart; `first`..`last` is the range shown on the per-day axis.
    void draw(const DashboardFigures &figures, const QDate &first, const QDate &last);
    QChart *chart(Kind kind) const;

private:
    void drawPerDay(const DashboardFigures &f, const QDate &first, const QDate &last);
    void drawTickets(const DashboardFigures &f);
    void drawSatisfaction(const DashboardFigures &f);
    void drawAi(const DashboardFigures &f);
    // Empties a chart and gives it a title, ready for new series and axes.
    QChart *reset(Kind kind, const QString &title);

    QList<QChartView *> m_views;
};

} // namespace joxai::ui
