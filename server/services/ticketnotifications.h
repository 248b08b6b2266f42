#pragma once
// The notifications tickets cause (shared/API.md "notifications"): an assignment tells the new
// assignee (unless they assigned themselves), and a ticket past its due time tells its assignee —
// or, while nobody has it, every active supervisor and admin — once per due time.
// Written in the caller's transaction, each with its notification.created event.

#include "server/core/roles.h"
#include "server/storage/ticketstore.h"

namespace joxai {

class TicketNotifications final
{
public:
    static Status assigned(SqlSession &s, const Principal &who, const Ticket &ticket);
    // The SLA job: announces every breach not announced yet; answers how many tickets.
    static Result<int> announceBreaches(SqlSession &s, const QDateTime &now);
};

} // namespace joxai
