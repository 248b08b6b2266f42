#pragma once
// The figures of GET /api/v1/analytics/dashboard (server/api/CHANGELOG.md "analytics dashboard"),
// read once into plain values the Dashboard page shows and exports, so the tiles, the charts and
// the CSV all say the same thing.

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace joxai::ui {

struct DashboardDay
{
    QDate date;
    qint64 conversations = 0;
    qint64 escalations = 0;
    qint64 closed = 0;
};

struct DashboardFigures
{
    Q_DECLARE_TR_FUNCTIONS(DashboardFigures)

public:
    QString from; // the range the server applied, as it said it
    QString to;
    qint64 conversations = 0;
    qint64 active = 0;
    qint64 waiting = 0;
    qint64 escalated = 0;
    qint64 closed = 0;
    double escalationRate = 0;  // 0..1
    double containmentRate = 0; // 0..1
    std::optional<double> firstResponseSeconds; // null: nothing qualified
    std::optional<double> resolutionSeconds;
    std::optional<double> csatAverage;
    qint64 csatCount = 0;
    qint64 ticketsTotal = 0;
    QMap<QString, qint64> ticketsByStatus; // open, pending, resolved, closed
    QMap<QString, qint64> ticketsByPriority;
    qint64 messagesToday = 0;
    qint64 aiRequests = 0;
    qint64 aiTokensIn = 0;
    qint64 aiTokensOut = 0;
    double aiCostUsd = 0;
    qint64 aiCacheHits = 0;
    qint64 aiFallbacks = 0;
    QList<DashboardDay> perDay; // only days with conversations, as the server sends them

    static DashboardFigures fromJson(const QJsonObject &o);
    // Every day from `first` to `last` (inclusive), the days without conversations as zeros.
    QList<DashboardDay> everyDay(const QDate &first, const QDate &last) const;
    // The figures as CSV: "metric,value" lines, then the per-day table.
    QByteArray toCsv() const;

    // How the page writes figures (in the console's language).
    static QString percent(double fraction);
    static QString duration(const std::optional<double> &seconds);
    static QString money(double usd);
    static QString count(qint64 n);
};

} // namespace joxai::ui
