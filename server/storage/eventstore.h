#pragma once
// SQL for the event log that feeds real-time delivery and resync (GET /api/v1/events?after=).
// Every state change writes its event in the same transaction as the change, so an event exists
// exactly when the change does, and its id (monotonic) orders delivery.

#include "server/core/roles.h"
#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QJsonObject>

namespace joxai {

struct Event
{
    enum class Visibility { Staff, Assigned, User, Supervisors };

    qint64 id = 0;
    QString type;            // "conversation.updated", "notification.created", ...
    QString conversationId;  // public UUID, when the event is about a conversation
    qint64 ticketId = 0;
    qint64 userId = 0;       // the one user a Visibility::User event is for
    qint64 assignedTo = 0;   // the assignee a Visibility::Assigned event is for (0: nobody)
    Visibility visibility = Visibility::Assigned;
    QJsonObject data;
    QDateTime createdAt;

    // shared/API.md's routing rule: agents see their own assignments, work waiting for anyone
    // and their own notifications; supervisors and admins see everything but other people's
    // notifications.
    bool visibleTo(qint64 userId, Role role) const;
    // {"type","id","at","data"}: the envelope sockets and /events carry.
    QJsonObject envelope() const;

    static QString visibilityName(Visibility v);
};

class EventStore final
{
public:
    // Inserts the event and answers it with its id and time. On PostgreSQL it also NOTIFYs
    // joxai_events, which reaches every instance when the transaction commits.
    static Result<Event> append(SqlSession &s, Event event);
    static Result<std::optional<Event>> byId(SqlSession &s, qint64 id);
    // The caller's events after `afterId`, oldest first (the same rule as Event::visibleTo).
    static Result<Page<Event>> visibleAfter(SqlSession &s, qint64 afterId, qint64 userId, Role role,
                                            const PageRequest &page);
    // Every event after `afterId`, oldest first, at most `limit` (for the bus, which routes them).
    static Result<QList<Event>> allAfter(SqlSession &s, qint64 afterId, int limit);
    static Result<qint64> latestId(SqlSession &s);
    // Deletes events older than `before`; answers how many.
    static Result<qint64> pruneBefore(SqlSession &s, const QDateTime &before);
};

} // namespace joxai
