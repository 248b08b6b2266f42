#pragma once
// Hands a conversation to people: status `waiting` (keeping an assignee who already has it),
// the customer told so in their language, a ticket opened with a summary of the conversation and
// a due time from the SLA setting, and the events of shared/API.md. Called inside the caller's
// transaction; it never opens a second ticket for a conversation that has an open one.

#include "server/storage/conversationstore.h"

namespace joxai {

struct Escalation
{
    Conversation conversation;
    ChatMessage notice; // the system message to the customer
    qint64 ticketId = 0;
};

class EscalationService final
{
public:
    // `reason`: customer_request, card_lost, fraud, dispute, complaint, unanswered, negative_sentiment.
    Result<Escalation> escalate(SqlSession &s, Conversation conversation, const QString &reason,
                                const QString &priority, const QString &customerNote = {}) const;

    static QString higherPriority(const QString &a, const QString &b);
    static QString reasonTitle(const QString &reason);

private:
    static Result<QString> summary(SqlSession &s, const Conversation &c, const QString &customerNote);
    static Result<QDateTime> dueAt(SqlSession &s, const QString &priority);
    static Status tellSupervisors(SqlSession &s, const Conversation &c, qint64 ticketId, const QString &subject,
                                  const QString &summary);
};

} // namespace joxai
