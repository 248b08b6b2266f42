#pragma once
// The JSON of tickets, comments and history entries (answers and event payloads share it), and the
// ticket events of shared/API.md with the routing rule applied: an assigned ticket is seen by its
// assignee (and supervisors and admins), an unassigned one by all staff.

#include "server/storage/eventstore.h"
#include "server/storage/ticketstore.h"

#include <QJsonObject>

namespace joxai {

class TicketEvents final
{
public:
    static QJsonObject ticketJson(const Ticket &t, const QDateTime &now);
    static QJsonObject commentJson(const TicketComment &c);
    static QJsonObject historyJson(const TicketHistoryEntry &h);

    static Result<Event> created(SqlSession &s, const Ticket &t, const QDateTime &now);
    // `before` is the ticket's state before the change: a ticket leaving the unassigned pool is
    // announced to all staff (it disappears from their pool), and one moving from one assignee to
    // another is also announced to the one it left. `extra` is merged into the data (a comment).
    static Result<Event> updated(SqlSession &s, const Ticket &before, const Ticket &after,
        const QDateTime &now, const QJsonObject &extra = {});
};

} // namespace joxai
