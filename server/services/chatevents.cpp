#include "server/services/chatevents.h"

#include "server/storage/sqlsession.h"

namespace joxai {

namespace {

bool waitingForAnyone(const Conversation &c)
{
    return c.status == QLatin1String("waiting") && c.assignedTo == 0;
}

Event about(const Conversation &c, const QString &type, bool alsoAllStaff)
{
    Event e;
    e.type = type;
    e.conversationId = c.publicId;
    e.assignedTo = c.assignedTo;
    if (alsoAllStaff || waitingForAnyone(c))
        e.visibility = Event::Visibility::Staff;
    else if (c.assignedTo > 0)
        e.visibility = Event::Visibility::Assigned;
    else
        e.visibility = Event::Visibility::Supervisors;
    return e;
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue();
}

} // namespace

QJsonObject ChatEvents::conversationSummary(const Conversation &c)
{
    return {{QStringLiteral("conversation_id"), c.publicId},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("assigned_to"), idOrNull(c.assignedTo)},
            {QStringLiteral("customer_name"), c.customerName.isEmpty() ? QJsonValue() : QJsonValue(c.customerName)},
            {QStringLiteral("language"), c.language},
            {QStringLiteral("verified"), c.verified},
            {QStringLiteral("priority"), c.priority}};
}

QJsonObject ChatEvents::messageJson(const ChatMessage &m, const QString &conversationId, bool withInternal)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("conversation_id"), conversationId},
                  {QStringLiteral("sender"), m.sender},
                  {QStringLiteral("body"), m.body},
                  {QStringLiteral("created_at"), SqlSession::isoTime(m.createdAt)}};
    if (!m.sources.isEmpty())
        o.insert(QStringLiteral("sources"), m.sources);
    if (withInternal) {
        o.insert(QStringLiteral("internal"), m.internal);
        o.insert(QStringLiteral("author_id"), idOrNull(m.authorId));
    }
    return o;
}

Result<Event> ChatEvents::conversationCreated(SqlSession &s, const Conversation &c)
{
    Event e = about(c, QStringLiteral("conversation.created"), false);
    e.data = conversationSummary(c);
    return EventStore::append(s, e);
}

Result<Event> ChatEvents::conversationUpdated(SqlSession &s, const Conversation &before, const Conversation &after)
{
    Event e = about(after, QStringLiteral("conversation.updated"), waitingForAnyone(before));
    e.data = conversationSummary(after);
    return EventStore::append(s, e);
}

Result<Event> ChatEvents::conversationEscalated(SqlSession &s, const Conversation &c, qint64 ticketId)
{
    Event e = about(c, QStringLiteral("conversation.escalated"), true);
    e.data = conversationSummary(c);
    e.data.insert(QStringLiteral("reason"), c.escalationReason);
    e.data.insert(QStringLiteral("ticket_id"), idOrNull(ticketId));
    return EventStore::append(s, e);
}

Result<Event> ChatEvents::messageCreated(SqlSession &s, const Conversation &c, const ChatMessage &m)
{
    Event e = about(c, QStringLiteral("message.created"), false);
    e.data = messageJson(m, c.publicId, true);
    return EventStore::append(s, e);
}

Result<Event> ChatEvents::typing(SqlSession &s, const Conversation &c, const QString &from, qint64 userId)
{
    Event e = about(c, QStringLiteral("typing"), false);
    e.data = {{QStringLiteral("conversation_id"), c.publicId},
              {QStringLiteral("from"), from},
              {QStringLiteral("user_id"), idOrNull(userId)}};
    return EventStore::append(s, e);
}

Result<Event> ChatEvents::ticketCreated(SqlSession &s, const Conversation &c, qint64 ticketId, const QString &subject,
                                        const QString &priority)
{
    Event e;
    e.type = QStringLiteral("ticket.created");
    e.conversationId = c.publicId;
    e.ticketId = ticketId;
    e.visibility = Event::Visibility::Staff; // unassigned: any agent may pick it up
    e.data = {{QStringLiteral("id"), ticketId},
              {QStringLiteral("subject"), subject},
              {QStringLiteral("priority"), priority},
              {QStringLiteral("status"), QStringLiteral("open")},
              {QStringLiteral("assigned_to"), QJsonValue()},
              {QStringLiteral("conversation_id"), c.publicId}};
    return EventStore::append(s, e);
}

} // namespace joxai
