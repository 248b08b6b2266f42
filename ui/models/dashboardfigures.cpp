#include "ui/models/dashboardfigures.h"

#include "ui/models/conversationlistmodel.h"

#include <QJsonArray>
#include <QLocale>

namespace joxai::ui {

namespace {

std::optional<double> numberOrNothing(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

QMap<QString, qint64> counts(const QJsonObject &o)
{
    QMap<QString, qint64> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

// A raw number for the CSV: '.' as decimal point whatever the console's language, empty for null.
QByteArray raw(double v)
{
    return QByteArray::number(v, 'g', 12);
}

QByteArray raw(const std::optional<double> &v)
{
    return v ? raw(*v) : QByteArray();
}

} // namespace

DashboardFigures DashboardFigures::fromJson(const QJsonObject &o)
{
    DashboardFigures f;
    f.from = o.value(QStringLiteral("from")).toString();
    f.to = o.value(QStringLiteral("to")).toString();
    const QJsonObject c = o.value(QStringLiteral("conversations")).toObject();
    f.conversations = c.value(QStringLiteral("total")).toInteger();
    f.active = c.value(QStringLiteral("active")).toInteger();
    f.waiting = c.value(QStringLiteral("waiting")).toInteger();
    f.escalated = c.value(QStringLiteral("escalated")).toInteger();
    f.closed = c.value(QStringLiteral("closed")).toInteger();
    f.escalationRate = o.value(QStringLiteral("escalation_rate")).toDouble();
    f.containmentRate = o.value(QStringLiteral("containment_rate")).toDouble();
    f.firstResponseSeconds = numberOrNothing(o.value(QStringLiteral("avg_first_response_seconds")));
    f.resolutionSeconds = numberOrNothing(o.value(QStringLiteral("avg_resolution_seconds")));
    const QJsonObject csat = o.value(QStringLiteral("csat")).toObject();
    f.csatAverage = numberOrNothing(csat.value(QStringLiteral("average")));
    f.csatCount = csat.value(QStringLiteral("count")).toInteger();
    const QJsonObject tickets = o.value(QStringLiteral("tickets")).toObject();
    f.ticketsTotal = tickets.value(QStringLiteral("total")).toInteger();
    f.ticketsByStatus = counts(tickets.value(QStringLiteral("by_status")).toObject());
    f.ticketsByPriority = counts(tickets.value(QStringLiteral("by_priority")).toObject());
    f.messagesToday = o.value(QStringLiteral("messages_today")).toInteger();
    const QJsonObject ai = o.value(QStringLiteral("ai")).toObject();
    f.aiRequests = ai.value(QStringLiteral("requests")).toInteger();
    f.aiTokensIn = ai.value(QStringLiteral("tokens_in")).toInteger();
    f.aiTokensOut = ai.value(QStringLiteral("tokens_out")).toInteger();
    f.aiCostUsd = ai.value(QStringLiteral("estimated_cost_usd")).toDouble();
    f.aiCacheHits = ai.value(QStringLiteral("cache_hits")).toInteger();
    f.aiFallbacks = ai.value(QStringLiteral("fallbacks")).toInteger();
    const QJsonArray days = o.value(QStringLiteral("per_day")).toArray();
    for (const QJsonValue &v : days) {
        const QJsonObject d = v.toObject();
        DashboardDay day;
        day.date = QDate::fromString(d.value(QStringLiteral("date")).toString(), Qt::ISODate);
        day.conversations = d.value(QStringLiteral("conversations")).toInteger();
        day.escalations = d.value(QStringLiteral("escalations")).toInteger();
        day.closed = d.value(QStringLiteral("closed")).toInteger();
        if (day.date.isValid())
            f.perDay.append(day);
    }
    return f;
}

QList<DashboardDay> DashboardFigures::everyDay(const QDate &first, const QDate &last) const
{
    QMap<QDate, DashboardDay> known;
    for (const DashboardDay &d : perDay)
        known.insert(d.date, d);
    QList<DashboardDay> out;
    for (QDate d = first; d.isValid() && d <= last && out.size() <= 400; d = d.addDays(1)) {
        DashboardDay day = known.value(d);
        day.date = d;
        out.append(day);
    }
    return out;
}

QByteArray DashboardFigures::toCsv() const
{
    QByteArray csv = "metric,value\r\n";
    const auto line = [&csv](const char *metric, const QByteArray &value) {
        csv += QByteArray(metric) + ',' + value + "\r\n";
    };
    line("from", from.toUtf8());
    line("to", to.toUtf8());
    line("conversations", QByteArray::number(conversations));
    line("conversations_active", QByteArray::number(active));
    line("conversations_waiting", QByteArray::number(waiting));
    line("conversations_escalated", QByteArray::number(escalated));
    line("conversations_closed", QByteArray::number(closed));
    line("escalation_rate", raw(escalationRate));
    line("containment_rate", raw(containmentRate));
    line("avg_first_response_seconds", raw(firstResponseSeconds));
    line("avg_resolution_seconds", raw(resolutionSeconds));
    line("csat_average", raw(csatAverage));
    line("csat_count", QByteArray::number(csatCount));
    line("tickets", QByteArray::number(ticketsTotal));
    for (auto it = ticketsByStatus.begin(); it != ticketsByStatus.end(); ++it)
        csv += "tickets_" + it.key().toUtf8() + ',' + QByteArray::number(it.value()) + "\r\n";
    for (auto it = ticketsByPriority.begin(); it != ticketsByPriority.end(); ++it)
        csv += "tickets_priority_" + it.key().toUtf8() + ',' + QByteArray::number(it.value()) + "\r\n";
    line("messages_today", QByteArray::number(messagesToday));
    line("ai_requests", QByteArray::number(aiRequests));
    line("ai_tokens_in", QByteArray::number(aiTokensIn));
    line("ai_tokens_out", QByteArray::number(aiTokensOut));
    line("ai_estimated_cost_usd", raw(aiCostUsd));
    line("ai_cache_hits", QByteArray::number(aiCacheHits));
    line("ai_fallbacks", QByteArray::number(aiFallbacks));
    csv += "\r\ndate,conversations,escalations,closed\r\n";
    for (const DashboardDay &d : perDay)
        csv += d.date.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(d.conversations) + ','
             + QByteArray::number(d.escalations) + ',' + QByteArray::number(d.closed) + "\r\n";
    return csv;
}

QString DashboardFigures::percent(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

QString DashboardFigures::duration(const std::optional<double> &seconds)
{
    if (!seconds)
        return tr("–");
    const qint64 s = qint64(*seconds + 0.5);
    if (s >= 60 && s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return ConversationListModel::durationText(s);
}

QString DashboardFigures::money(double usd)
{
    return tr("$%1").arg(QLocale().toString(usd, 'f', usd < 1.0 ? 4 : 2));
}

QString DashboardFigures::count(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace joxai::ui
