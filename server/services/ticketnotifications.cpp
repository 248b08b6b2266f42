#include "server/services/ticketnotifications.h"

#include "server/services/ticketevents.h"
#include "server/storage/mailoutboxstore.h"
#include "server/storage/notificationstore.h"
#include "server/storage/userstore.h"

namespace joxai {

namespace {

constexpr int kBreachBatch = 200;

QJsonObject ticketData(const Ticket &t)
{
    QJsonObject data { { QStringLiteral("ticket_id"), t.id }, { QStringLiteral("priority"), t.priority },
        { QStringLiteral("due_at"),
            t.dueAt.isValid() ? QJsonValue(SqlSession::isoTime(t.dueAt)) : QJsonValue() } };
    if (!t.conversationPublicId.isEmpty())
        data.insert(QStringLiteral("conversation_id"), t.conversationPublicId);
    return data;
}

Status notify(SqlSession &s, qint64 userId, const QString &type, const QString &title, const Ticket &t)
{
    Notification n;
    n.userId = userId;
    n.type = type;
    n.title = title;
    n.body = t.subject;
    n.data = ticketData(t);
    auto made = NotificationStore::create(s, n);
    if (!made)
        return made.error();
    return success();
}

} // namespace

Status TicketNotifications::assigned(SqlSession &s, const Principal &who, const Ticket &ticket)
{
    if (ticket.assignedTo <= 0 || ticket.assignedTo == who.userId)
        return success();
    const QString title = QStringLiteral("Ticket #%1 was assigned to you").arg(ticket.id);
    if (auto n = notify(s, ticket.assignedTo, QStringLiteral("assignment"), title, ticket); !n)
        return n;
    // The assignee hears by e-mail too (through the outbox, in this same transaction).
    auto assignee = UserStore::byId(s, ticket.assignedTo);
    if (!assignee)
        return assignee.error();
    if (!assignee->has_value() || !(*assignee)->isActive)
        return success();
    QString body = QStringLiteral("%1 assigned you ticket #%2.\n\nSubject: %3\nPriority: %4\n")
                       .arg(who.fullName.isEmpty() ? who.email : who.fullName)
                       .arg(ticket.id)
                       .arg(ticket.subject, ticket.priority);
    if (ticket.dueAt.isValid())
        body += QStringLiteral("Due: %1\n").arg(SqlSession::isoTime(ticket.dueAt));
    if (!ticket.conversationPublicId.isEmpty())
        body += QStringLiteral("Conversation: %1\n").arg(ticket.conversationPublicId);
    auto queued = MailOutboxStore::enqueue(s, (*assignee)->email,
                                           QStringLiteral("[JoxAI] ") + title + QStringLiteral(": ") + ticket.subject, body);
    if (!queued)
        return queued.error();
    return success();
}

Result<int> TicketNotifications::announceBreaches(SqlSession &s, const QDateTime &now)
{
    auto due = TicketStore::breachedUnnoticed(s, now, kBreachBatch);
    if (!due)
        return due.error();
    int announced = 0;
    for (const Ticket &t : due.value()) {
        // One transaction per ticket, and the flag decides: of several instances, one announces.
        auto done = s.transaction<bool>([&]() -> Result<bool> {
            auto won = TicketStore::markSlaNotified(s, t.id);
            if (!won || !won.value())
                return won;
            QList<qint64> recipients;
            bool assigneeActive = false;
            if (t.assignedTo > 0) {
                auto user = UserStore::byId(s, t.assignedTo);
                if (!user)
                    return user.error();
                assigneeActive = user->has_value() && (*user)->isActive;
            }
            if (assigneeActive) {
                recipients << t.assignedTo;
            } else {
                auto supervisors = NotificationStore::supervisors(s);
                if (!supervisors)
                    return supervisors.error();
                for (const NotificationStore::Recipient &r : supervisors.value())
                    recipients << r.userId;
            }
            const QString title = QStringLiteral("Ticket #%1 is past its due time").arg(t.id);
            for (qint64 userId : recipients)
                if (auto n = notify(s, userId, QStringLiteral("sla_breach"), title, t); !n)
                    return n.error();
            // Consoles refresh the ticket's overdue flag.
            if (auto e = TicketEvents::updated(s, t, t, now); !e)
                return e.error();
            return true;
        });
        if (!done)
            return done.error();
        if (done.value())
            ++announced;
    }
    return announced;
}

} // namespace joxai
