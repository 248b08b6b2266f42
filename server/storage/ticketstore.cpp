#include "server/storage/ticketstore.h"

#include "server/storage/statementcache.h"

namespace joxai {

namespace {

// Times as text on both databases: SqlSession::readTime parses it directly, where QPSQL's own
// timestamptz conversion (QDateTime::fromString, then a time-spec conversion) was ~11 % of a
// ticket page's server time.
const QString kColumns = QStringLiteral(
    "t.id, t.subject, t.description, t.status, t.priority, t.category, t.assigned_to, t.customer_id, "
    "t.conversation_id, c.public_id, t.created_by, CAST(t.due_at AS text), t.sla_notified, "
    "CAST(t.resolved_at AS text), CAST(t.created_at AS text), CAST(t.updated_at AS text)");
const QString kFrom = QStringLiteral(" FROM tickets t LEFT JOIN conversations c ON c.id = t.conversation_id");

// Priority by rank, so "priority" sorts low → urgent and "-priority" urgent first.
const QString kPriorityRank = QStringLiteral(
    "CASE t.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END");

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant textOrNull(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

Ticket readTicket(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.subject = q.value(1).toString();
    t.description = q.value(2).toString();
    t.status = q.value(3).toString();
    t.priority = q.value(4).toString();
    t.category = q.value(5).toString();
    t.assignedTo = q.value(6).toLongLong();
    t.customerId = q.value(7).toLongLong();
    t.conversationId = q.value(8).toLongLong();
    t.conversationPublicId = q.value(9).toString();
    t.createdBy = q.value(10).toLongLong();
    t.dueAt = SqlSession::readTime(q.value(11));
    t.slaNotified = q.value(12).toBool();
    t.resolvedAt = SqlSession::readTime(q.value(13));
    t.createdAt = SqlSession::readTime(q.value(14));
    t.updatedAt = SqlSession::readTime(q.value(15));
    return t;
}

TicketComment readComment(const QSqlQuery &q)
{
    TicketComment c;
    c.id = q.value(0).toLongLong();
    c.ticketId = q.value(1).toLongLong();
    c.authorId = q.value(2).toLongLong();
    c.body = q.value(3).toString();
    c.internal = q.value(4).toBool();
    c.createdAt = SqlSession::readTime(q.value(5));
    return c;
}

QString orderBy(const QString &sort)
{
    const bool descending = sort.startsWith(QLatin1Char('-'));
    const QString key = descending ? sort.mid(1) : sort;
    const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString expr;
    if (key == QLatin1String("priority"))
        expr = kPriorityRank + dir;
    else if (key == QLatin1String("due_at"))
        expr = QStringLiteral("(t.due_at IS NULL) ASC, t.due_at") + dir; // tickets without a due time last
    else if (key == QLatin1String("subject"))
        expr = QStringLiteral("lower(t.subject)") + dir;
    else if (key.isEmpty())
        return QStringLiteral(" ORDER BY t.created_at DESC, t.id DESC");
    else
        expr = QStringLiteral("t.") + key + dir; // key is one of sortKeys(), checked by the caller
    return QStringLiteral(" ORDER BY ") + expr + QStringLiteral(", t.id") + dir;
}

} // namespace

bool Ticket::overdueAt(const QDateTime &now) const
{
    return (status == QLatin1String("open") || status == QLatin1String("pending")) && dueAt.isValid()
        && dueAt < now;
}

bool TicketChanges::isEmpty() const
{
    return !subject && !status && !priority && !category && !assignedTo && !dueAt && !resolvedAt;
}

Result<qint64> TicketStore::create(SqlSession &s, const NewTicket &t)
{
    return s.insert(
        QStringLiteral("INSERT INTO tickets (subject, description, status, priority, category, "
                       "assigned_to, customer_id, conversation_id, created_by, due_at, created_at, "
                       "updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, COALESCE(?, ")
            + s.nowSql() + QStringLiteral("), COALESCE(?, ") + s.nowSql() + QStringLiteral(")) RETURNING id"),
        { SqlSession::text(t.subject), SqlSession::text(t.description), t.priority,
            SqlSession::text(t.category), idOrNull(t.assignedTo), idOrNull(t.customerId),
            idOrNull(t.conversationId), idOrNull(t.createdBy), s.time(t.dueAt), s.time(t.createdAt),
            s.time(t.createdAt) });
}

Result<qint64> TicketStore::openTicketOfConversation(SqlSession &s, qint64 conversationId)
{
    auto id = s.scalar(QStringLiteral("SELECT id FROM tickets WHERE conversation_id = ? AND status IN "
                                      "('open', 'pending') ORDER BY id DESC LIMIT 1"),
        { conversationId });
    if (!id)
        return id.error();
    return id->has_value() ? id->value().toLongLong() : qint64(0);
}

Result<std::optional<Ticket>> TicketStore::byId(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE t.id = ?"), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q.value()));
}

const QStringList &TicketStore::sortKeys()
{
    static const QStringList keys = [] {
        const QStringList base { QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("due_at"), QStringLiteral("priority"), QStringLiteral("status"),
            QStringLiteral("subject"), QStringLiteral("id") };
        QStringList all = base;
        for (const QString &k : base)
            all << QLatin1Char('-') + k;
        return all;
    }();
    return keys;
}

Result<Page<Ticket>> TicketStore::list(SqlSession &s, const TicketFilter &f)
{
    if (!f.sort.isEmpty() && !sortKeys().contains(f.sort))
        return Error::internal(); // the service checks the key; never build SQL from anything else
    QString where = QStringLiteral(" WHERE 1=1");
    QVariantList values;
    if (!f.statuses.isEmpty()) {
        where += QStringLiteral(" AND t.status IN (") + SqlSession::bindMarkers(f.statuses.size())
            + QLatin1Char(')');
        for (const QString &v : f.statuses)
            values << v;
    }
    if (!f.priorities.isEmpty()) {
        where += QStringLiteral(" AND t.priority IN (") + SqlSession::bindMarkers(f.priorities.size())
            + QLatin1Char(')');
        for (const QString &v : f.priorities)
            values << v;
    }
    if (f.assigned == TicketFilter::Assigned::Nobody) {
        where += QStringLiteral(" AND t.assigned_to IS NULL");
    } else if (f.assigned == TicketFilter::Assigned::User) {
        where += QStringLiteral(" AND t.assigned_to = ?");
        values << f.assignedTo;
    }
    if (f.onlyVisibleTo > 0) {
        where += QStringLiteral(" AND (t.assigned_to IS NULL OR t.assigned_to = ?)");
        values << f.onlyVisibleTo;
    }
    if (f.customerId > 0) {
        where += QStringLiteral(" AND t.customer_id = ?");
        values << f.customerId;
    }
    if (f.overdue) {
        const QString overdue
            = QStringLiteral("(t.status IN ('open', 'pending') AND t.due_at IS NOT NULL AND t.due_at < ?)");
        where += *f.overdue ? QStringLiteral(" AND ") + overdue : QStringLiteral(" AND NOT ") + overdue;
        values << s.time(f.now.isValid() ? f.now : QDateTime::currentDateTimeUtc());
    }
    if (!f.search.isEmpty()) {
        where += QStringLiteral(
            " AND (lower(t.subject) LIKE ? ESCAPE '\\' OR lower(t.description) LIKE ? ESCAPE '\\')");
        const QString like = SqlSession::containsPattern(f.search);
        values << like << like;
    }
    // The console's queue asks for this all day, in a handful of shapes: kept prepared.
    Page<Ticket> page;
    page.limit = f.page.limit;
    page.offset = f.page.offset;
    auto counted = StatementCache::run(
        s, QStringLiteral("SELECT COUNT(*) FROM tickets t") + where, values, [&](QSqlQuery &q) {
            if (q.next())
                page.total = q.value(0).toLongLong();
        });
    if (!counted)
        return counted.error();
    QVariantList pageValues = values;
    pageValues << f.page.limit << f.page.offset;
    auto listed = StatementCache::run(s,
        QStringLiteral("SELECT ") + kColumns + kFrom + where + orderBy(f.sort)
            + QStringLiteral(" LIMIT ? OFFSET ?"),
        pageValues, [&](QSqlQuery &q) {
            while (q.next())
                page.items << readTicket(q);
        });
    if (!listed)
        return listed.error();
    return page;
}

Result<bool> TicketStore::update(SqlSession &s, qint64 id, const TicketChanges &c)
{
    QString set = QStringLiteral("updated_at = ") + s.nowSql();
    QVariantList values;
    if (c.subject) {
        set += QStringLiteral(", subject = ?");
        values << SqlSession::text(*c.subject);
    }
    if (c.status) {
        set += QStringLiteral(", status = ?");
        values << *c.status;
    }
    if (c.priority) {
        set += QStringLiteral(", priority = ?");
        values << *c.priority;
    }
    if (c.category) {
        set += QStringLiteral(", category = ?");
        values << SqlSession::text(*c.category);
    }
    if (c.assignedTo) {
        set += QStringLiteral(", assigned_to = ?");
        values << idOrNull(*c.assignedTo);
    }
    if (c.dueAt) {
        // A new due time may be breached again: the SLA notice is due again too.
        set += QStringLiteral(", due_at = ?, sla_notified = ?");
        values << s.time(*c.dueAt) << false;
    }
    if (c.resolvedAt) {
        set += QStringLiteral(", resolved_at = ?");
        values << s.time(*c.resolvedAt);
    }
    values << id;
    auto q = s.exec(QStringLiteral("UPDATE tickets SET ") + set + QStringLiteral(" WHERE id = ?"), values);
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Status TicketStore::touch(SqlSession &s, qint64 id)
{
    auto q = s.exec(
        QStringLiteral("UPDATE tickets SET updated_at = ") + s.nowSql() + QStringLiteral(" WHERE id = ?"),
        { id });
    if (!q)
        return q.error();
    return success();
}

Result<QList<Ticket>> TicketStore::breachedUnnoticed(SqlSession &s, const QDateTime &now, int limit)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + kFrom
            + QStringLiteral(
                " WHERE t.status IN ('open', 'pending') AND t.due_at IS NOT NULL AND t.due_at < ? "
                "AND t.sla_notified = ? ORDER BY t.due_at, t.id LIMIT ?"),
        { s.time(now), false, limit });
    if (!q)
        return q.error();
    QList<Ticket> out;
    while (q->next())
        out << readTicket(q.value());
    return out;
}

Result<bool> TicketStore::markSlaNotified(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("UPDATE tickets SET sla_notified = ? WHERE id = ? AND sla_notified = ?"),
        { true, id, false });
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<QList<Ticket>> TicketStore::ofCustomer(SqlSession &s, qint64 customerId)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + kFrom
            + QStringLiteral(" WHERE t.customer_id = ? OR t.conversation_id IN "
                             "(SELECT id FROM conversations WHERE customer_id = ?) ORDER BY t.id"),
        { customerId, customerId });
    if (!q)
        return q.error();
    QList<Ticket> out;
    while (q->next())
        out << readTicket(q.value());
    return out;
}

Result<TicketComment> TicketStore::addComment(SqlSession &s, const TicketComment &comment)
{
    auto q = s.exec(QStringLiteral("INSERT INTO ticket_comments (ticket_id, author_id, body, internal) "
                                   "VALUES (?, ?, ?, ?) RETURNING id, created_at"),
        { comment.ticketId, idOrNull(comment.authorId), SqlSession::text(comment.body), comment.internal });
    if (!q)
        return q.error();
    if (!q->next())
        return Error::internal();
    TicketComment made = comment;
    made.id = q->value(0).toLongLong();
    made.createdAt = SqlSession::readTime(q->value(1));
    return made;
}

Result<Page<TicketComment>> TicketStore::comments(SqlSession &s, qint64 ticketId, const PageRequest &page)
{
    auto total
        = s.scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = ?"), { ticketId });
    if (!total)
        return total.error();
    auto q = s.exec(
        QStringLiteral("SELECT id, ticket_id, author_id, body, internal, created_at FROM ticket_comments "
                       "WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?"),
        { ticketId, page.limit, page.offset });
    if (!q)
        return q.error();
    Page<TicketComment> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next())
        out.items << readComment(q.value());
    return out;
}

Status TicketStore::addHistory(SqlSession &s, qint64 ticketId, qint64 actorId, const QString &field,
    const QString &oldValue, const QString &newValue)
{
    auto q = s.exec(
        QStringLiteral("INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value) "
                       "VALUES (?, ?, ?, ?, ?)"),
        { ticketId, idOrNull(actorId), field, textOrNull(oldValue), textOrNull(newValue) });
    if (!q)
        return q.error();
    return success();
}

Result<Page<TicketHistoryEntry>> TicketStore::history(SqlSession &s, qint64 ticketId, const PageRequest &page)
{
    auto total
        = s.scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ?"), { ticketId });
    if (!total)
        return total.error();
    auto q = s.exec(QStringLiteral("SELECT id, ticket_id, actor_id, field, old_value, new_value, created_at "
                                   "FROM ticket_history WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?"),
        { ticketId, page.limit, page.offset });
    if (!q)
        return q.error();
    Page<TicketHistoryEntry> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next()) {
        TicketHistoryEntry h;
        h.id = q->value(0).toLongLong();
        h.ticketId = q->value(1).toLongLong();
        h.actorId = q->value(2).toLongLong();
        h.field = q->value(3).toString();
        h.oldValue = q->value(4).isNull() ? QString() : q->value(4).toString();
        h.newValue = q->value(5).isNull() ? QString() : q->value(5).toString();
        h.createdAt = SqlSession::readTime(q->value(6));
        out.items << h;
    }
    return out;
}

} // namespace joxai
