#pragma once
// SQL for tickets. Today: opening one (escalations open tickets); the staff ticket API builds on it.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>

namespace joxai {

struct NewTicket
{
    QString subject;
    QString description;
    QString priority = QStringLiteral("normal"); // low | normal | high | urgent
    QString category;
    qint64 assignedTo = 0;
    qint64 customerId = 0;
    qint64 conversationId = 0; // internal id of the conversation
    qint64 createdBy = 0;      // 0: opened by the system (an escalation)
    QDateTime dueAt;
};

class TicketStore final
{
public:
    // Answers the new ticket's id.
    static Result<qint64> create(SqlSession &s, const NewTicket &t);
    // The open ticket of a conversation, if any (an escalation never opens a second one).
    static Result<qint64> openTicketOfConversation(SqlSession &s, qint64 conversationId);
};

} // namespace joxai
