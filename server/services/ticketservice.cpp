#include "server/services/ticketservice.h"

#include "server/services/audittrail.h"
#include "server/services/settingsservice.h"
#include "server/services/ticketevents.h"
#include "server/services/ticketnotifications.h"
#include "server/storage/conversationstore.h"
#include "server/storage/customerstore.h"
#include "server/storage/userstore.h"

#include <QJsonArray>
#include <QUuid>

namespace joxai {

namespace {

constexpr int kDefaultSlaHours = 24;

Error validation(const QString &code, const QString &field, const QString &problem, const QString &detail)
{
    Error e = Error::make(ErrorKind::Validation, code, detail);
    e.fields = QJsonObject { { field, problem } };
    return e;
}

QString idText(qint64 id)
{
    return id > 0 ? QString::number(id) : QString();
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? SqlSession::isoTime(t) : QString();
}

bool isDone(const QString &status)
{
    return status == QLatin1String("resolved") || status == QLatin1String("closed");
}

} // namespace

const QStringList &TicketService::statuses()
{
    static const QStringList values { QStringLiteral("open"), QStringLiteral("pending"),
        QStringLiteral("resolved"), QStringLiteral("closed") };
    return values;
}

const QStringList &TicketService::priorities()
{
    static const QStringList values { QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
        QStringLiteral("urgent") };
    return values;
}

Result<QDateTime> TicketService::dueAt(SqlSession &s, const QDateTime &createdAt, const QString &priority)
{
    auto hours = SettingsService::systemValue(s, QStringLiteral("sla_hours"));
    if (!hours)
        return hours.error();
    const int h = hours->toObject().value(priority).toInt(kDefaultSlaHours);
    return createdAt.toUTC().addSecs(qint64(h) * 3600);
}

Result<Ticket> TicketService::visible(SqlSession &s, const Principal &who, qint64 id)
{
    auto found = TicketStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("Ticket"));
    const Ticket &t = **found;
    // Agents may not even learn that someone else's ticket exists.
    if (!atLeast(who.role, Role::Supervisor) && t.assignedTo != 0 && t.assignedTo != who.userId)
        return Error::notFound(QStringLiteral("Ticket"));
    return t;
}

Status TicketService::checkAssignee(SqlSession &s, const Principal &who, qint64 userId)
{
    if (userId == 0)
        return success();
    if (!atLeast(who.role, Role::Supervisor) && userId != who.userId)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("Agents may assign tickets only to themselves or to nobody."));
    auto user = UserStore::byId(s, userId);
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->isActive)
        return validation(QStringLiteral("invalid_assignee"), QStringLiteral("assigned_to"),
            QStringLiteral("must be the id of an active staff member"),
            QStringLiteral("The assignee is not an active staff member."));
    return success();
}

Result<Page<Ticket>> TicketService::list(SqlSession &s, const Principal &who, TicketListQuery query) const
{
    TicketFilter &f = query.filter;
    if (query.assignedToMe) {
        f.assigned = TicketFilter::Assigned::User;
        f.assignedTo = who.userId;
    }
    if (!atLeast(who.role, Role::Supervisor))
        f.onlyVisibleTo = who.userId;
    if (!f.now.isValid())
        f.now = QDateTime::currentDateTimeUtc();
    return TicketStore::list(s, f);
}

Result<Ticket> TicketService::get(SqlSession &s, const Principal &who, qint64 id) const
{
    return visible(s, who, id);
}

Result<Ticket> TicketService::create(SqlSession &s, const Principal &who, const TicketInput &input) const
{
    if (!priorities().contains(input.priority))
        return validation(QStringLiteral("validation_error"), QStringLiteral("priority"),
            QStringLiteral("must be one of: ") + priorities().join(QStringLiteral(", ")),
            QStringLiteral("The priority is not one of low, normal, high, urgent."));
    return s.transaction<Ticket>([&]() -> Result<Ticket> {
        if (auto ok = checkAssignee(s, who, input.assignedTo); !ok)
            return ok.error();
        NewTicket t;
        t.subject = input.subject;
        t.description = input.description;
        t.priority = input.priority;
        t.category = input.category;
        t.assignedTo = input.assignedTo;
        t.customerId = input.customerId;
        t.createdBy = who.userId;
        if (!input.conversationId.isEmpty()) {
            const QUuid uuid = QUuid::fromString(input.conversationId);
            std::optional<Conversation> conversation;
            if (!uuid.isNull()) {
                auto found = ConversationStore::byPublicId(s, uuid.toString(QUuid::WithoutBraces));
                if (!found)
                    return found.error();
                conversation = found.value();
            }
            if (!conversation)
                return validation(QStringLiteral("invalid_conversation"), QStringLiteral("conversation_id"),
                    QStringLiteral("must be the id of a conversation"),
                    QStringLiteral("No conversation has this conversation_id."));
            t.conversationId = conversation->id;
            if (t.customerId == 0)
                t.customerId = conversation->customerId;
        }
        if (input.customerId > 0) {
            auto customer = CustomerStore::byId(s, input.customerId);
            if (!customer)
                return customer.error();
            if (!customer->has_value())
                return validation(QStringLiteral("invalid_customer"), QStringLiteral("customer_id"),
                    QStringLiteral("must be the id of a customer"),
                    QStringLiteral("No customer has this customer_id."));
        }
        // The SLA clock starts at created_at: both come from the same instant.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        t.createdAt = now;
        auto due = dueAt(s, now, t.priority);
        if (!due)
            return due.error();
        t.dueAt = due.value();
        auto id = TicketStore::create(s, t);
        if (!id)
            return id.error();
        auto made = TicketStore::byId(s, id.value());
        if (!made)
            return made.error();
        if (!made->has_value())
            return Error::internal();
        const Ticket ticket = **made;
        if (auto h = TicketStore::addHistory(
                s, ticket.id, who.userId, QStringLiteral("created"), QString(), ticket.status);
            !h)
            return h.error();
        QJsonObject details { { QStringLiteral("priority"), ticket.priority },
            { QStringLiteral("status"), ticket.status } };
        if (ticket.assignedTo > 0)
            details.insert(QStringLiteral("assigned_to"), ticket.assignedTo);
        if (auto a = AuditTrail::record(s, who, QStringLiteral("ticket.create"), QStringLiteral("ticket"),
                QString::number(ticket.id), details);
            !a)
            return a.error();
        if (auto e = TicketEvents::created(s, ticket, now); !e)
            return e.error();
        if (auto n = TicketNotifications::assigned(s, who, ticket); !n)
            return n.error();
        return ticket;
    });
}

Result<Ticket> TicketService::apply(SqlSession &s, const Principal &who, const Ticket &before,
    const TicketUpdate &changes, const QString &via)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TicketChanges c;
    if (changes.subject && *changes.subject != before.subject)
        c.subject = changes.subject;
    if (changes.status && *changes.status != before.status)
        c.status = changes.status;
    if (changes.priority && *changes.priority != before.priority)
        c.priority = changes.priority;
    if (changes.category && *changes.category != before.category)
        c.category = changes.category;
    if (changes.assignedTo && *changes.assignedTo != before.assignedTo) {
        if (auto ok = checkAssignee(s, who, *changes.assignedTo); !ok)
            return ok.error();
        c.assignedTo = changes.assignedTo;
    }
    if (c.isEmpty())
        return before;
    if (c.priority) {
        auto due = dueAt(s, before.createdAt, *c.priority);
        if (!due)
            return due.error();
        if (due.value() != before.dueAt)
            c.dueAt = due.value();
    }
    if (c.status) {
        if (isDone(*c.status) && !before.resolvedAt.isValid())
            c.resolvedAt = now;
        else if (!isDone(*c.status) && before.resolvedAt.isValid())
            c.resolvedAt = QDateTime();
    }
    auto updated = TicketStore::update(s, before.id, c);
    if (!updated)
        return updated.error();
    if (!updated.value())
        return Error::notFound(QStringLiteral("Ticket"));

    // One history row per changed field, and the same in the audit entry.
    QJsonObject details;
    auto record = [&](const QString &field, const QString &from, const QString &to) -> Status {
        details.insert(field,
            QJsonObject { { QStringLiteral("from"), from.isNull() ? QJsonValue() : QJsonValue(from) },
                { QStringLiteral("to"), to.isNull() ? QJsonValue() : QJsonValue(to) } });
        return TicketStore::addHistory(s, before.id, who.userId, field, from, to);
    };
    QList<Status> written;
    if (c.subject)
        written << record(QStringLiteral("subject"), before.subject, *c.subject);
    if (c.status)
        written << record(QStringLiteral("status"), before.status, *c.status);
    if (c.priority)
        written << record(QStringLiteral("priority"), before.priority, *c.priority);
    if (c.category)
        written << record(QStringLiteral("category"), before.category, *c.category);
    if (c.assignedTo)
        written << record(QStringLiteral("assigned_to"), idText(before.assignedTo), idText(*c.assignedTo));
    if (c.dueAt)
        written << record(QStringLiteral("due_at"), timeText(before.dueAt), timeText(*c.dueAt));
    if (c.resolvedAt)
        written << record(
            QStringLiteral("resolved_at"), timeText(before.resolvedAt), timeText(*c.resolvedAt));
    for (const Status &w : written)
        if (!w)
            return w.error();
    if (!via.isEmpty())
        details.insert(QStringLiteral("via"), via);
    if (auto a = AuditTrail::record(s, who, QStringLiteral("ticket.update"), QStringLiteral("ticket"),
            QString::number(before.id), details);
        !a)
        return a.error();

    auto after = TicketStore::byId(s, before.id);
    if (!after)
        return after.error();
    if (!after->has_value())
        return Error::internal();
    if (auto e = TicketEvents::updated(s, before, **after, now); !e)
        return e.error();
    if (c.assignedTo) {
        if (auto n = TicketNotifications::assigned(s, who, **after); !n)
            return n.error();
    }
    return **after;
}

Result<Ticket> TicketService::update(
    SqlSession &s, const Principal &who, qint64 id, const TicketUpdate &changes) const
{
    if (changes.status && !statuses().contains(*changes.status))
        return validation(QStringLiteral("validation_error"), QStringLiteral("status"),
            QStringLiteral("must be one of: ") + statuses().join(QStringLiteral(", ")),
            QStringLiteral("The status is not one of open, pending, resolved, closed."));
    if (changes.priority && !priorities().contains(*changes.priority))
        return validation(QStringLiteral("validation_error"), QStringLiteral("priority"),
            QStringLiteral("must be one of: ") + priorities().join(QStringLiteral(", ")),
            QStringLiteral("The priority is not one of low, normal, high, urgent."));
    return s.transaction<Ticket>([&]() -> Result<Ticket> {
        auto before = visible(s, who, id);
        if (!before)
            return before.error();
        return apply(s, who, before.value(), changes, QString());
    });
}

Result<QList<Ticket>> TicketService::bulkAssign(
    SqlSession &s, const Principal &who, const QList<qint64> &ids, qint64 userId) const
{
    if (!atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and administrators may assign tickets in bulk."));
    return s.transaction<QList<Ticket>>([&]() -> Result<QList<Ticket>> {
        if (auto ok = checkAssignee(s, who, userId); !ok)
            return ok.error();
        QList<Ticket> found;
        QJsonArray missing;
        for (qint64 id : ids) {
            auto t = TicketStore::byId(s, id);
            if (!t)
                return t.error();
            if (t->has_value())
                found << **t;
            else
                missing.append(id);
        }
        if (!missing.isEmpty()) {
            Error e = validation(QStringLiteral("unknown_tickets"), QStringLiteral("ids"),
                QStringLiteral("lists tickets that do not exist"),
                QStringLiteral("Some of the tickets do not exist; nothing was assigned."));
            e.fields.insert(QStringLiteral("missing"), missing);
            return e;
        }
        TicketUpdate change;
        change.assignedTo = userId;
        QList<Ticket> out;
        for (const Ticket &t : found) {
            auto after = apply(s, who, t, change, QStringLiteral("bulk-assign"));
            if (!after)
                return after.error();
            out << after.value();
        }
        return out;
    });
}

Result<Page<TicketComment>> TicketService::comments(
    SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const
{
    if (auto t = visible(s, who, id); !t)
        return t.error();
    return TicketStore::comments(s, id, page);
}

Result<TicketComment> TicketService::addComment(
    SqlSession &s, const Principal &who, qint64 id, const QString &body, bool internal) const
{
    return s.transaction<TicketComment>([&]() -> Result<TicketComment> {
        auto before = visible(s, who, id);
        if (!before)
            return before.error();
        TicketComment c;
        c.ticketId = id;
        c.authorId = who.userId;
        c.body = body;
        c.internal = internal;
        auto made = TicketStore::addComment(s, c);
        if (!made)
            return made.error();
        if (auto r = TicketStore::touch(s, id); !r)
            return r.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("ticket.comment"), QStringLiteral("ticket"),
                QString::number(id),
                { { QStringLiteral("comment_id"), made->id }, { QStringLiteral("internal"), internal } });
            !a)
            return a.error();
        auto after = TicketStore::byId(s, id);
        if (!after)
            return after.error();
        if (!after->has_value())
            return Error::internal();
        if (auto e = TicketEvents::updated(s, before.value(), **after, QDateTime::currentDateTimeUtc(),
                { { QStringLiteral("comment"), TicketEvents::commentJson(made.value()) } });
            !e)
            return e.error();
        return made.value();
    });
}

Result<Page<TicketHistoryEntry>> TicketService::history(
    SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const
{
    if (auto t = visible(s, who, id); !t)
        return t.error();
    return TicketStore::history(s, id, page);
}

} // namespace joxai
