#pragma once
// Dashboard (supervisors and admins; the API refuses agents and the sidebar leaves it out for
// them): key figures as tiles and four charts over a date range, from GET
// /api/v1/analytics/dashboard, and the same figures as CSV.

#include "ui/models/dashboardfigures.h"
#include "ui/pages/page.h"

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;

namespace joxai::ui {

class ApiClient;
class DashboardCharts;
class KpiTile;

class DashboardPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    enum Tile { Conversations, EscalationRate, Containment, FirstResponse, Resolution, Satisfaction, AiCost, TileCount };

    explicit DashboardPage(ApiClient &api, QWidget *parent = nullptr);
    ~DashboardPage() override;

    void refresh() override;
    void focusSearch() override;

    // Shows the days `from`..`to` (both included) and loads them.
    void setRange(const QDate &from, const QDate &to);
    QDate from() const;
    QDate to() const;
    bool isLoading() const { return m_loading; }
    bool hasFigures() const { return m_hasFigures; }
    const DashboardFigures &figures() const { return m_figures; }
    KpiTile *tile(Tile tile) const { return m_tiles.at(tile); }
    DashboardCharts *charts() const { return m_charts; }

    // Asks where to save, then writes the figures shown as CSV.
    void exportCsv();
    // Writes the figures shown to `path`; answers an empty string or the error in plain words.
    QString exportTo(const QString &path) const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    void applyPreset(int index);
    void showFigures(const DashboardFigures &f);
    void showError(const QString &text);

    ApiClient &m_api;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_error;
    QLabel *m_updated;
    QList<KpiTile *> m_tiles;
    DashboardCharts *m_charts;
    DashboardFigures m_figures;
    int m_generation = 0;
    bool m_loading = false;
    bool m_hasFigures = false;
    bool m_settingRange = false;
};

} // namespace joxai::ui
