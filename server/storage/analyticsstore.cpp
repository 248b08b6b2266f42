#include "server/storage/analyticsstore.h"

#include "server/storage/statementcache.h"

#include <QJsonArray>

#include <cmath>

namespace joxai {

namespace {

// Seconds from `start` to `end`, and the UTC day of `ts`, as each dialect writes them.
QString secondsBetween(const SqlSession &s, const QString &start, const QString &end)
{
    return s.isPostgres() ? QStringLiteral("EXTRACT(EPOCH FROM (%2 - %1))").arg(start, end)
                          : QStringLiteral("((julianday(%2) - julianday(%1)) * 86400.0)").arg(start, end);
}

QString dayOf(const SqlSession &s, const QString &ts)
{
    // A date cast groups far faster than to_char over a year of rows.
    return s.isPostgres() ? QStringLiteral("CAST(%1 AT TIME ZONE 'UTC' AS date)").arg(ts)
                          : QStringLiteral("substr(%1, 1, 10)").arg(ts);
}

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

QJsonValue numberOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(std::round(v.toDouble() * 10.0) / 10.0);
}

} // namespace

Result<QJsonObject> AnalyticsStore::dashboard(SqlSession &s, const QDateTime &from, const QDateTime &to)
{
    const QVariantList range{s.time(from), s.time(to)};
    auto c = conversations(s, range);
    if (!c)
        return c.error();
    auto t = tickets(s, range);
    if (!t)
        return t.error();
    auto a = ai(s, range);
    if (!a)
        return a.error();
    auto days = perDay(s, range);
    if (!days)
        return days.error();
    auto agents = perAgent(s, range);
    if (!agents)
        return agents.error();
    const QDateTime today(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
    qint64 messagesToday = 0;
    auto counted = StatementCache::run(s, QStringLiteral("SELECT COUNT(*) FROM messages WHERE created_at >= ?"), {s.time(today)},
                                       [&](QSqlQuery &q) {
        if (q.next())
            messagesToday = q.value(0).toLongLong();
    });
    if (!counted)
        return counted.error();
    QJsonObject out = c.value();
    out.insert(QStringLiteral("from"), SqlSession::isoTime(from));
    out.insert(QStringLiteral("to"), SqlSession::isoTime(to));
    out.insert(QStringLiteral("tickets"), t.value());
    out.insert(QStringLiteral("ai"), a.value());
    out.insert(QStringLiteral("per_day"), days.value());
    out.insert(QStringLiteral("per_agent"), agents.value());
    out.insert(QStringLiteral("messages_today"), messagesToday);
    return out;
}

Result<QJsonObject> AnalyticsStore::conversations(SqlSession &s, const QVariantList &range)
{
    const QString sql = QStringLiteral(
        "SELECT COUNT(*), "
        "SUM(CASE WHEN status <> 'closed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN escalated_at IS NOT NULL THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status = 'closed' AND escalated_at IS NULL AND assigned_to IS NULL "
        "AND first_response_at IS NULL THEN 1 ELSE 0 END), "
        "AVG(CASE WHEN first_response_at IS NOT NULL AND escalated_at IS NOT NULL THEN %1 END), "
        "AVG(CASE WHEN closed_at IS NOT NULL THEN %2 END), "
        "AVG(rating), COUNT(rating) "
        "FROM conversations WHERE created_at >= ? AND created_at < ?")
        .arg(secondsBetween(s, QStringLiteral("escalated_at"), QStringLiteral("first_response_at")),
             secondsBetween(s, QStringLiteral("created_at"), QStringLiteral("closed_at")));
    QJsonObject out;
    auto ran = StatementCache::run(s, sql, range, [&](QSqlQuery &q) {
        if (!q.next())
            return;
        const qint64 total = q.value(0).toLongLong();
        const qint64 escalated = q.value(3).toLongLong();
        const qint64 closed = q.value(4).toLongLong();
        const qint64 contained = q.value(5).toLongLong();
        out = QJsonObject{
            {QStringLiteral("conversations"), QJsonObject{{QStringLiteral("total"), total},
                                                          {QStringLiteral("active"), q.value(1).toLongLong()},
                                                          {QStringLiteral("waiting"), q.value(2).toLongLong()},
                                                          {QStringLiteral("escalated"), escalated},
                                                          {QStringLiteral("closed"), closed}}},
            {QStringLiteral("escalation_rate"), ratio(escalated, total)},
            {QStringLiteral("containment_rate"), ratio(contained, closed)},
            {QStringLiteral("avg_first_response_seconds"), numberOrNull(q.value(6))},
            {QStringLiteral("avg_resolution_seconds"), numberOrNull(q.value(7))},
            {QStringLiteral("csat"), QJsonObject{{QStringLiteral("average"), numberOrNull(q.value(8))},
                                                 {QStringLiteral("count"), q.value(9).toLongLong()}}}};
    });
    if (!ran)
        return ran.error();
    if (out.isEmpty())
        return Error::internal();
    return out;
}

Result<QJsonObject> AnalyticsStore::tickets(SqlSession &s, const QVariantList &range)
{
    QJsonObject byStatus{{QStringLiteral("open"), 0}, {QStringLiteral("pending"), 0},
                         {QStringLiteral("resolved"), 0}, {QStringLiteral("closed"), 0}};
    QJsonObject byPriority{{QStringLiteral("low"), 0}, {QStringLiteral("normal"), 0},
                           {QStringLiteral("high"), 0}, {QStringLiteral("urgent"), 0}};
    qint64 total = 0;
    auto ran = StatementCache::run(s, QStringLiteral("SELECT status, priority, COUNT(*) FROM tickets WHERE created_at >= ? AND "
                                                     "created_at < ? GROUP BY status, priority"),
                                   range, [&](QSqlQuery &q) {
        while (q.next()) {
            const qint64 n = q.value(2).toLongLong();
            byStatus.insert(q.value(0).toString(), byStatus.value(q.value(0).toString()).toInteger() + n);
            byPriority.insert(q.value(1).toString(), byPriority.value(q.value(1).toString()).toInteger() + n);
            total += n;
        }
    });
    if (!ran)
        return ran.error();
    return QJsonObject{{QStringLiteral("total"), total},
                       {QStringLiteral("by_status"), byStatus},
                       {QStringLiteral("by_priority"), byPriority}};
}

Result<QJsonObject> AnalyticsStore::ai(SqlSession &s, const QVariantList &range)
{
    QJsonObject out;
    auto ran = StatementCache::run(s, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(tokens_in), 0), COALESCE(SUM(tokens_out), 0), "
                                                     "COALESCE(SUM(cost_usd), 0), SUM(CASE WHEN cache_hit THEN 1 ELSE 0 END), "
                                                     "SUM(CASE WHEN fallback THEN 1 ELSE 0 END) "
                                                     "FROM ai_usage WHERE created_at >= ? AND created_at < ?"),
                                   range, [&](QSqlQuery &q) {
        if (q.next())
            out = QJsonObject{{QStringLiteral("requests"), q.value(0).toLongLong()},
                              {QStringLiteral("tokens_in"), q.value(1).toLongLong()},
                              {QStringLiteral("tokens_out"), q.value(2).toLongLong()},
                              {QStringLiteral("estimated_cost_usd"), std::round(q.value(3).toDouble() * 10000.0) / 10000.0},
                              {QStringLiteral("cache_hits"), q.value(4).toLongLong()},
                              {QStringLiteral("fallbacks"), q.value(5).toLongLong()}};
    });
    if (!ran)
        return ran.error();
    if (out.isEmpty())
        return Error::internal();
    return out;
}

Result<QJsonArray> AnalyticsStore::perDay(SqlSession &s, const QVariantList &range)
{
    const QString day = dayOf(s, QStringLiteral("created_at"));
    QJsonArray days;
    auto ran = StatementCache::run(s, QStringLiteral("SELECT %1 AS day, COUNT(*), SUM(CASE WHEN escalated_at IS NOT NULL THEN 1 ELSE 0 END), "
                                                     "SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) FROM conversations "
                                                     "WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1").arg(day),
                                   range, [&](QSqlQuery &q) {
        while (q.next()) // a PostgreSQL date or SQLite text: both read as YYYY-MM-DD
            days.append(QJsonObject{{QStringLiteral("date"), q.value(0).toString()},
                                    {QStringLiteral("conversations"), q.value(1).toLongLong()},
                                    {QStringLiteral("escalations"), q.value(2).toLongLong()},
                                    {QStringLiteral("closed"), q.value(3).toLongLong()}});
    });
    if (!ran)
        return ran.error();
    return days;
}

Result<QJsonArray> AnalyticsStore::perAgent(SqlSession &s, const QVariantList &range)
{
    QVariantList values = range;
    values << range;
    QJsonArray agents;
    auto ran = StatementCache::run(s, QStringLiteral(
                        "SELECT u.id, u.email, u.full_name, "
                        "(SELECT COUNT(*) FROM conversations c WHERE c.assigned_to = u.id AND c.status <> 'closed'), "
                        "(SELECT COUNT(*) FROM conversations c WHERE c.assigned_to = u.id AND c.status = 'closed' "
                        " AND c.created_at >= ? AND c.created_at < ?), "
                        "(SELECT COUNT(*) FROM messages m WHERE m.author_id = u.id AND m.internal = ? "
                        " AND m.created_at >= ? AND m.created_at < ?), "
                        "(SELECT COUNT(*) FROM tickets t WHERE t.assigned_to = u.id AND t.status IN ('open', 'pending')) "
                        "FROM users u WHERE u.is_active = ? ORDER BY u.id"),
                    {range[0], range[1], false, range[0], range[1], true}, [&](QSqlQuery &q) {
        while (q.next())
            agents.append(QJsonObject{{QStringLiteral("user_id"), q.value(0).toLongLong()},
                                      {QStringLiteral("email"), q.value(1).toString()},
                                      {QStringLiteral("full_name"), q.value(2).toString()},
                                      {QStringLiteral("open_conversations"), q.value(3).toLongLong()},
                                      {QStringLiteral("closed_conversations"), q.value(4).toLongLong()},
                                      {QStringLiteral("messages"), q.value(5).toLongLong()},
                                      {QStringLiteral("open_tickets"), q.value(6).toLongLong()}});
    });
    if (!ran)
        return ran.error();
    return agents;
}

} // namespace joxai
