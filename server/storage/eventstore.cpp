#include "server/storage/eventstore.h"

#include "server/storage/statementcache.h"

#include <QJsonDocument>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral(
    "id, type, conversation_id, ticket_id, user_id, assigned_to, visibility, payload, created_at");

Event::Visibility parseVisibility(const QString &name)
{
    if (name == QLatin1String("staff"))
        return Event::Visibility::Staff;
    if (name == QLatin1String("user"))
        return Event::Visibility::User;
    if (name == QLatin1String("supervisors"))
        return Event::Visibility::Supervisors;
    return Event::Visibility::Assigned;
}

Event readEvent(const QSqlQuery &q)
{
    Event e;
    e.id = q.value(0).toLongLong();
    e.type = q.value(1).toString();
    e.conversationId = q.value(2).toString();
    e.ticketId = q.value(3).toLongLong();
    e.userId = q.value(4).toLongLong();
    e.assignedTo = q.value(5).toLongLong();
    e.visibility = parseVisibility(q.value(6).toString());
    e.data = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    e.createdAt = SqlSession::readTime(q.value(8));
    return e;
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

// The SQL form of Event::visibleTo, for resync queries.
QString visibilityFilter(qint64 userId, Role role, QVariantList &values)
{
    if (atLeast(role, Role::Supervisor)) {
        values << userId;
        return QStringLiteral("(visibility <> 'user' OR user_id = ?)");
    }
    values << userId << userId;
    return QStringLiteral("(visibility = 'staff' OR (visibility = 'assigned' AND assigned_to = ?) "
                          "OR (visibility = 'user' AND user_id = ?))");
}

} // namespace

QString Event::visibilityName(Visibility v)
{
    switch (v) {
    case Visibility::Staff: return QStringLiteral("staff");
    case Visibility::User: return QStringLiteral("user");
    case Visibility::Supervisors: return QStringLiteral("supervisors");
    case Visibility::Assigned: break;
    }
    return QStringLiteral("assigned");
}

bool Event::visibleTo(qint64 who, Role role) const
{
    if (visibility == Visibility::User)
        return userId == who;
    if (atLeast(role, Role::Supervisor))
        return true;
    if (visibility == Visibility::Staff)
        return true;
    return visibility == Visibility::Assigned && assignedTo == who && who > 0;
}

QJsonObject Event::envelope() const
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("id"), id},
            {QStringLiteral("at"), SqlSession::isoTime(createdAt)},
            {QStringLiteral("data"), data}};
}

Result<Event> EventStore::append(SqlSession &s, Event e)
{
    // Every state change writes one: statements kept prepared (StatementCache).
    static const QString insertSql = QStringLiteral(
        "INSERT INTO events (type, conversation_id, ticket_id, user_id, assigned_to, visibility, payload) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id, created_at");
    static const QString notifySql = QStringLiteral("SELECT pg_notify('joxai_events', ?)");
    bool inserted = false;
    auto row = StatementCache::run(s, insertSql,
                                   {e.type, e.conversationId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                                       : QVariant(e.conversationId),
                                    idOrNull(e.ticketId), idOrNull(e.userId), idOrNull(e.assignedTo),
                                    Event::visibilityName(e.visibility),
                                    QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact))},
                                   [&](QSqlQuery &q) {
        if (!q.next())
            return;
        inserted = true;
        e.id = q.value(0).toLongLong();
        e.createdAt = SqlSession::readTime(q.value(1));
    });
    if (!row)
        return row.error();
    if (!inserted)
        return Error::internal();
    if (s.isPostgres()) {
        auto notified = StatementCache::run(s, notifySql, {QString::number(e.id)}, [](QSqlQuery &) {});
        if (!notified)
            return notified.error();
    }
    return e;
}

Result<std::optional<Event>> EventStore::byId(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Event>();
    return std::optional<Event>(readEvent(q.value()));
}

Result<Page<Event>> EventStore::visibleAfter(SqlSession &s, qint64 afterId, qint64 userId, Role role,
                                             const PageRequest &page)
{
    QVariantList values{afterId};
    const QString where = QStringLiteral(" WHERE id > ? AND ") + visibilityFilter(userId, role, values);
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM events") + where, values);
    if (!total)
        return total.error();
    values << page.limit << page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events") + where
                        + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
                    values);
    if (!q)
        return q.error();
    Page<Event> result;
    result.total = total->value_or(QVariant(0)).toLongLong();
    result.limit = page.limit;
    result.offset = page.offset;
    while (q->next())
        result.items << readEvent(q.value());
    return result;
}

Result<QList<Event>> EventStore::allAfter(SqlSession &s, qint64 afterId, int limit)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM events WHERE id > ? ORDER BY id LIMIT ?"),
                    {afterId, limit});
    if (!q)
        return q.error();
    QList<Event> events;
    while (q->next())
        events << readEvent(q.value());
    return events;
}

Result<qint64> EventStore::latestId(SqlSession &s)
{
    auto id = s.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"));
    if (!id)
        return id.error();
    return id->value_or(QVariant(0)).toLongLong();
}

Result<qint64> EventStore::pruneBefore(SqlSession &s, const QDateTime &before)
{
    auto q = s.exec(QStringLiteral("DELETE FROM events WHERE created_at < ?"), {s.time(before)});
    if (!q)
        return q.error();
    return qint64(q->numRowsAffected());
}

} // namespace joxai
