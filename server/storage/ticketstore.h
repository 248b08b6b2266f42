#pragma once
// SQL for tickets, their comments and their history (one row per changed field). Escalations open
// tickets with create(); the staff ticket API (TicketService) uses the rest.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace joxai {

struct Ticket
{
    qint64 id = 0;
    QString subject;
    QString description;
    QString status = QStringLiteral("open"); // open | pending | resolved | closed
    QString priority = QStringLiteral("normal"); // low | normal | high | urgent
    QString category;
    qint64 assignedTo = 0;
    qint64 customerId = 0;
    qint64 conversationId = 0; // internal id of the conversation
    QString conversationPublicId; // its UUID, as answers carry it
    qint64 createdBy = 0;
    QDateTime dueAt;
    bool slaNotified = false;
    QDateTime resolvedAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    // Open or pending, and past its due time.
    bool overdueAt(const QDateTime &now) const;
};

struct NewTicket
{
    QString subject;
    QString description;
    QString priority = QStringLiteral("normal"); // low | normal | high | urgent
    QString category;
    qint64 assignedTo = 0;
    qint64 customerId = 0;
    qint64 conversationId = 0; // internal id of the conversation
    qint64 createdBy = 0; // 0: opened by the system (an escalation)
    QDateTime dueAt;
    QDateTime createdAt; // invalid: now, as the database sees it
};

// Only the fields set are written; updated_at always moves.
struct TicketChanges
{
    std::optional<QString> subject;
    std::optional<QString> status;
    std::optional<QString> priority;
    std::optional<QString> category;
    std::optional<qint64> assignedTo; // 0: nobody
    std::optional<QDateTime> dueAt;
    std::optional<QDateTime> resolvedAt; // invalid: NULL

    bool isEmpty() const;
};

struct TicketFilter
{
    enum class Assigned { Any, Nobody, User };

    QStringList statuses;
    QStringList priorities;
    Assigned assigned = Assigned::Any;
    qint64 assignedTo = 0; // with Assigned::User
    qint64 onlyVisibleTo = 0; // > 0: only tickets of this user or of nobody (agents)
    qint64 customerId = 0;
    std::optional<bool> overdue;
    QString search; // subject or description contains
    QString sort; // one of TicketStore::sortKeys(); empty: newest first
    QDateTime now; // for `overdue`
    PageRequest page;
};

struct TicketComment
{
    qint64 id = 0;
    qint64 ticketId = 0;
    qint64 authorId = 0;
    QString body;
    bool internal = false;
    QDateTime createdAt;
};

struct TicketHistoryEntry
{
    qint64 id = 0;
    qint64 ticketId = 0;
    qint64 actorId = 0; // 0: the system
    QString field;
    QString oldValue; // null when there was none
    QString newValue;
    QDateTime createdAt;
};

class TicketStore final
{
public:
    // Answers the new ticket's id.
    static Result<qint64> create(SqlSession &s, const NewTicket &t);
    // The open ticket of a conversation, if any (an escalation never opens a second one).
    static Result<qint64> openTicketOfConversation(SqlSession &s, qint64 conversationId);

    static Result<std::optional<Ticket>> byId(SqlSession &s, qint64 id);
    static Result<Page<Ticket>> list(SqlSession &s, const TicketFilter &filter);
    // The sort keys list() takes: created_at, updated_at, due_at, priority (by rank: low first),
    // status, subject, id, each also with a leading '-' for descending order.
    static const QStringList &sortKeys();
    // False when no ticket has that id.
    static Result<bool> update(SqlSession &s, qint64 id, const TicketChanges &changes);
    // Bumps updated_at (a comment was added).
    static Status touch(SqlSession &s, qint64 id);
    // Open or pending tickets past their due time whose breach nobody was told about yet, the
    // longest overdue first, at most `limit`.
    static Result<QList<Ticket>> breachedUnnoticed(SqlSession &s, const QDateTime &now, int limit);
    // Records that the breach was announced; false when another instance did it first.
    static Result<bool> markSlaNotified(SqlSession &s, qint64 id);
    // Every ticket of a customer: theirs by customer_id or opened from one of their conversations.
    static Result<QList<Ticket>> ofCustomer(SqlSession &s, qint64 customerId);

    static Result<TicketComment> addComment(SqlSession &s, const TicketComment &comment);
    static Result<Page<TicketComment>> comments(SqlSession &s, qint64 ticketId, const PageRequest &page);

    // `oldValue`/`newValue` null QStrings are stored as NULL.
    static Status addHistory(SqlSession &s, qint64 ticketId, qint64 actorId, const QString &field,
        const QString &oldValue, const QString &newValue);
    static Result<Page<TicketHistoryEntry>> history(SqlSession &s, qint64 ticketId, const PageRequest &page);
};

} // namespace joxai
