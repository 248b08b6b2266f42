#include "server/storage/ticketstore.h"

namespace joxai {

namespace {

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

Result<qint64> TicketStore::create(SqlSession &s, const NewTicket &t)
{
    return s.insert(QStringLiteral("INSERT INTO tickets (subject, description, status, priority, category, "
                                   "assigned_to, customer_id, conversation_id, created_by, due_at) "
                                   "VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                    {SqlSession::text(t.subject), SqlSession::text(t.description), t.priority,
                     SqlSession::text(t.category), idOrNull(t.assignedTo), idOrNull(t.customerId),
                     idOrNull(t.conversationId), idOrNull(t.createdBy), s.time(t.dueAt)});
}

Result<qint64> TicketStore::openTicketOfConversation(SqlSession &s, qint64 conversationId)
{
    auto id = s.scalar(QStringLiteral("SELECT id FROM tickets WHERE conversation_id = ? AND status IN "
                                      "('open', 'pending') ORDER BY id DESC LIMIT 1"),
                       {conversationId});
    if (!id)
        return id.error();
    return id->has_value() ? id->value().toLongLong() : qint64(0);
}

} // namespace joxai
