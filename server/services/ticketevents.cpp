#include "server/services/ticketevents.h"

namespace joxai {

namespace {

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue();
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(SqlSession::isoTime(t)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

Event ticketEvent(const QString &type, const Ticket &t, qint64 audience, const QJsonObject &data)
{
    Event e;
    e.type = type;
    e.ticketId = t.id;
    e.conversationId = t.conversationPublicId;
    e.data = data;
    if (audience > 0) {
        e.visibility = Event::Visibility::Assigned;
        e.assignedTo = audience;
    } else {
        e.visibility = Event::Visibility::Staff;
    }
    return e;
}

} // namespace

QJsonObject TicketEvents::ticketJson(const Ticket &t, const QDateTime &now)
{
    return { { QStringLiteral("id"), t.id }, { QStringLiteral("subject"), t.subject },
        { QStringLiteral("description"), t.description }, { QStringLiteral("status"), t.status },
        { QStringLiteral("priority"), t.priority }, { QStringLiteral("category"), t.category },
        { QStringLiteral("assigned_to"), idOrNull(t.assignedTo) },
        { QStringLiteral("customer_id"), idOrNull(t.customerId) },
        { QStringLiteral("conversation_id"),
            t.conversationPublicId.isEmpty() ? QJsonValue() : QJsonValue(t.conversationPublicId) },
        { QStringLiteral("created_by"), idOrNull(t.createdBy) },
        { QStringLiteral("due_at"), timeOrNull(t.dueAt) }, { QStringLiteral("overdue"), t.overdueAt(now) },
        { QStringLiteral("resolved_at"), timeOrNull(t.resolvedAt) },
        { QStringLiteral("created_at"), timeOrNull(t.createdAt) },
        { QStringLiteral("updated_at"), timeOrNull(t.updatedAt) } };
}

QJsonObject TicketEvents::commentJson(const TicketComment &c)
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("ticket_id"), c.ticketId },
        { QStringLiteral("author_id"), idOrNull(c.authorId) }, { QStringLiteral("body"), c.body },
        { QStringLiteral("internal"), c.internal },
        { QStringLiteral("created_at"), timeOrNull(c.createdAt) } };
}

QJsonObject TicketEvents::historyJson(const TicketHistoryEntry &h)
{
    return { { QStringLiteral("id"), h.id }, { QStringLiteral("ticket_id"), h.ticketId },
        { QStringLiteral("actor_id"), idOrNull(h.actorId) }, { QStringLiteral("field"), h.field },
        { QStringLiteral("old_value"), textOrNull(h.oldValue) },
        { QStringLiteral("new_value"), textOrNull(h.newValue) },
        { QStringLiteral("created_at"), timeOrNull(h.createdAt) } };
}

Result<Event> TicketEvents::created(SqlSession &s, const Ticket &t, const QDateTime &now)
{
    return EventStore::append(
        s, ticketEvent(QStringLiteral("ticket.created"), t, t.assignedTo, ticketJson(t, now)));
}

Result<Event> TicketEvents::updated(
    SqlSession &s, const Ticket &before, const Ticket &after, const QDateTime &now, const QJsonObject &extra)
{
    QJsonObject data = ticketJson(after, now);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        data.insert(it.key(), it.value());
    const qint64 audience = before.assignedTo == 0 ? 0 : after.assignedTo;
    auto event = EventStore::append(s, ticketEvent(QStringLiteral("ticket.updated"), after, audience, data));
    if (!event)
        return event;
    if (before.assignedTo > 0 && after.assignedTo > 0 && before.assignedTo != after.assignedTo) {
        auto left = EventStore::append(
            s, ticketEvent(QStringLiteral("ticket.updated"), after, before.assignedTo, data));
        if (!left)
            return left;
    }
    return event;
}

} // namespace joxai
