#pragma once
// Tickets for staff (shared/API.md "tickets"): agents see and change only tickets assigned to them
// or to nobody (any other id is 404 for them) and may assign only to themselves or nobody;
// supervisors and admins see and change all, and may assign in bulk. Every change writes one
// history row per changed field, an audit entry and a ticket event, in one transaction.
// SLA: due_at = created_at + the system setting sla_hours[priority], recomputed when the priority
// changes; resolved_at is set when a ticket is resolved or closed and cleared when it is reopened.

#include "server/core/page.h"
#include "server/core/roles.h"
#include "server/storage/ticketstore.h"

#include <optional>

namespace joxai {

struct TicketListQuery
{
    TicketFilter filter; // as parsed from the query (sort key already checked)
    bool assignedToMe = false; // ?assigned_to=me
};

struct TicketInput
{
    QString subject;
    QString description;
    QString priority = QStringLiteral("normal");
    QString category;
    qint64 assignedTo = 0;
    qint64 customerId = 0;
    QString conversationId; // the conversation's UUID, or empty
};

struct TicketUpdate
{
    std::optional<QString> subject;
    std::optional<QString> status;
    std::optional<QString> priority;
    std::optional<QString> category;
    std::optional<qint64> assignedTo; // 0: nobody
};

class TicketService final
{
public:
    TicketService() = default;

    static const QStringList &statuses();
    static const QStringList &priorities();

    Result<Page<Ticket>> list(SqlSession &s, const Principal &who, TicketListQuery query) const;
    Result<Ticket> get(SqlSession &s, const Principal &who, qint64 id) const;
    Result<Ticket> create(SqlSession &s, const Principal &who, const TicketInput &input) const;
    Result<Ticket> update(SqlSession &s, const Principal &who, qint64 id, const TicketUpdate &changes) const;
    // Supervisors and admins: (re)assigns every listed ticket to `userId` (0: nobody), all or none.
    Result<QList<Ticket>> bulkAssign(
        SqlSession &s, const Principal &who, const QList<qint64> &ids, qint64 userId) const;

    Result<Page<TicketComment>> comments(
        SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const;
    Result<TicketComment> addComment(
        SqlSession &s, const Principal &who, qint64 id, const QString &body, bool internal) const;
    Result<Page<TicketHistoryEntry>> history(
        SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const;

    // created_at + the SLA hours of `priority` (system setting sla_hours).
    static Result<QDateTime> dueAt(SqlSession &s, const QDateTime &createdAt, const QString &priority);

private:
    // The ticket if `who` may see it; 404 otherwise.
    static Result<Ticket> visible(SqlSession &s, const Principal &who, qint64 id);
    static Status checkAssignee(SqlSession &s, const Principal &who, qint64 userId);
    // Applies `changes` to `before` inside the caller's transaction: history, audit, event.
    static Result<Ticket> apply(SqlSession &s, const Principal &who, const Ticket &before,
        const TicketUpdate &changes, const QString &via);
};

} // namespace joxai
