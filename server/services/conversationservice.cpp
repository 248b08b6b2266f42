#include "server/services/conversationservice.h"

#include "server/assistant/assistanttexts.h"
#include "server/assistant/redactor.h"
#include "server/services/audittrail.h"
#include "server/services/chatevents.h"
#include "server/services/chatservice.h"
#include "server/storage/mailoutboxstore.h"
#include "server/storage/notificationstore.h"
#include "server/storage/ticketstore.h"
#include "server/storage/userstore.h"

namespace joxai {

namespace {

Error notFound()
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("conversation_not_found"), QStringLiteral("No such conversation."));
}

Error closed()
{
    return Error::make(ErrorKind::Conflict, QStringLiteral("conversation_closed"), QStringLiteral("This conversation is closed."));
}

bool isSupervisor(const Principal &who)
{
    return atLeast(who.role, Role::Supervisor);
}

QJsonObject change(const Conversation &before, const Conversation &after)
{
    return {{QStringLiteral("status"), after.status},
            {QStringLiteral("previous_status"), before.status},
            {QStringLiteral("assigned_to"), after.assignedTo > 0 ? QJsonValue(after.assignedTo) : QJsonValue()},
            {QStringLiteral("previous_assigned_to"), before.assignedTo > 0 ? QJsonValue(before.assignedTo) : QJsonValue()}};
}

Result<ChatMessage> systemMessage(SqlSession &s, const Conversation &c, const QString &text)
{
    ChatMessage m;
    m.conversationId = c.id;
    m.sender = QStringLiteral("system");
    m.body = text;
    auto stored = ConversationStore::addMessage(s, m);
    if (!stored)
        return stored.error();
    if (auto e = ChatEvents::messageCreated(s, c, stored.value()); !e)
        return e.error();
    return stored;
}

QString staffName(const Principal &who)
{
    return who.fullName.isEmpty() ? who.email.section(QLatin1Char('@'), 0, 0) : who.fullName.section(QLatin1Char(' '), 0, 0);
}

} // namespace

Result<Conversation> ConversationService::visible(SqlSession &s, const Principal &who, const QString &publicId)
{
    if (!ChatService::isConversationId(publicId))
        return notFound();
    auto found = ConversationStore::byPublicId(s, publicId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    const Conversation &c = found->value();
    if (!isSupervisor(who) && c.assignedTo != 0 && c.assignedTo != who.userId)
        return notFound();
    return c;
}

Result<Conversation> ConversationService::owned(SqlSession &s, const Principal &who, const QString &publicId)
{
    auto c = visible(s, who, publicId);
    if (!c)
        return c;
    if (c->assignedTo != who.userId && !isSupervisor(who))
        return Error::make(ErrorKind::Conflict, QStringLiteral("not_owner"),
                           QStringLiteral("Take the conversation over first."));
    return c;
}

Result<Page<Conversation>> ConversationService::list(SqlSession &s, const Principal &who, ConversationFilter filter) const
{
    if (!isSupervisor(who))
        filter.onlyVisibleTo = who.userId;
    return ConversationStore::list(s, filter);
}

Result<StaffConversation> ConversationService::detail(SqlSession &s, const Principal &who, const QString &publicId) const
{
    auto c = visible(s, who, publicId);
    if (!c)
        return c.error();
    auto messages = ConversationStore::messagesAfter(s, c->id, 0, true, PageRequest{5000, 0});
    if (!messages)
        return messages.error();
    auto ticket = TicketStore::openTicketOfConversation(s, c->id);
    if (!ticket)
        return ticket.error();
    return StaffConversation{c.value(), messages->items, ticket.value()};
}

Result<Conversation> ConversationService::takeOver(SqlSession &s, const Principal &who, const QString &publicId) const
{
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        // Looked up for everyone: of two agents racing for it, the late one learns it was taken
        // (409), whether or not the first one's commit is already visible.
        Principal anyone = who;
        anyone.role = Role::Supervisor;
        auto c = visible(s, anyone, publicId);
        if (!c)
            return c.error();
        if (c->status == QLatin1String("closed"))
            return closed();
        auto claimed = ConversationStore::claim(s, c->id, who.userId);
        if (!claimed)
            return claimed.error();
        if (!claimed.value())
            return Error::make(ErrorKind::Conflict, QStringLiteral("already_assigned"),
                               QStringLiteral("Someone else has already taken this conversation."));
        const Conversation before = c.value();
        Conversation after = before;
        after.status = QStringLiteral("agent");
        after.assignedTo = who.userId;
        if (before.assignedTo == who.userId && before.status == QLatin1String("agent"))
            return after; // already theirs: nothing changes
        if (auto e = ChatEvents::conversationUpdated(s, before, after); !e)
            return e.error();
        if (auto m = systemMessage(s, after, AssistantTexts::agentJoined(after.language, staffName(who))); !m)
            return m.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("conversation.takeover"), QStringLiteral("conversation"),
                                        after.publicId, change(before, after));
            !a)
            return a.error();
        return after;
    });
}

Result<Conversation> ConversationService::assign(SqlSession &s, const Principal &who, const QString &publicId,
                                                 qint64 userId) const
{
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        auto c = isSupervisor(who) ? visible(s, who, publicId) : owned(s, who, publicId);
        if (!c)
            return c.error();
        if (c->status == QLatin1String("closed"))
            return closed();
        auto target = UserStore::byId(s, userId);
        if (!target)
            return target.error();
        if (!target->has_value() || !target->value().isActive) {
            Error e = Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
                                  QStringLiteral("Assign to an active staff member."));
            e.fields = QJsonObject{{QStringLiteral("user_id"), QStringLiteral("no active staff member with this id")}};
            return e;
        }
        const Conversation before = c.value();
        Conversation after = before;
        after.assignedTo = userId;
        after.status = QStringLiteral("agent");
        if (auto u = ConversationStore::update(s, after); !u)
            return u.error();
        if (auto e = ChatEvents::conversationUpdated(s, before, after); !e)
            return e.error();
        if (userId != who.userId) {
            Notification n;
            n.userId = userId;
            n.type = QStringLiteral("assignment");
            n.title = QStringLiteral("A conversation was assigned to you");
            n.body = QStringLiteral("%1 assigned you a conversation%2.")
                         .arg(who.fullName.isEmpty() ? who.email : who.fullName,
                              after.customerName.isEmpty() ? QString() : QStringLiteral(" with ") + after.customerName);
            n.data = {{QStringLiteral("conversation_id"), after.publicId}};
            if (auto created = NotificationStore::create(s, n); !created)
                return created.error();
            // …and by e-mail, through the outbox in this same transaction.
            auto queued = MailOutboxStore::enqueue(
                s, target->value().email, QStringLiteral("[JoxAI] ") + n.title,
                n.body + QStringLiteral("\n\nConversation: %1\nPriority: %2\n").arg(after.publicId, after.priority),
                after.id);
            if (!queued)
                return queued.error();
        }
        if (auto m = systemMessage(s, after, AssistantTexts::agentJoined(after.language,
                                                                         target->value().fullName.section(QLatin1Char(' '), 0, 0)));
            !m)
            return m.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("conversation.assign"), QStringLiteral("conversation"),
                                        after.publicId, change(before, after));
            !a)
            return a.error();
        return after;
    });
}

Result<Conversation> ConversationService::release(SqlSession &s, const Principal &who, const QString &publicId) const
{
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        auto c = owned(s, who, publicId);
        if (!c)
            return c.error();
        if (c->status == QLatin1String("closed"))
            return closed();
        const Conversation before = c.value();
        Conversation after = before;
        after.assignedTo = 0;
        after.status = QStringLiteral("bot");
        after.unansweredStreak = 0;
        if (auto u = ConversationStore::update(s, after); !u)
            return u.error();
        // Announced to everyone who saw it before (its owner) and to supervisors.
        Conversation announced = after;
        announced.assignedTo = before.assignedTo;
        if (auto e = ChatEvents::conversationUpdated(s, before, announced); !e)
            return e.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("conversation.release"), QStringLiteral("conversation"),
                                        after.publicId, change(before, after));
            !a)
            return a.error();
        return after;
    });
}

Result<ChatMessage> ConversationService::postMessage(SqlSession &s, const Principal &who, const QString &publicId,
                                                     const QString &body, bool internal) const
{
    return s.transaction<ChatMessage>([&]() -> Result<ChatMessage> {
        auto c = internal ? visible(s, who, publicId) : owned(s, who, publicId);
        if (!c)
            return c.error();
        if (!internal && c->status == QLatin1String("closed"))
            return closed();
        ChatMessage m;
        m.conversationId = c->id;
        m.sender = QStringLiteral("agent");
        m.authorId = who.userId;
        m.body = Redactor::mask(body);
        m.internal = internal;
        auto stored = ConversationStore::addMessage(s, m);
        if (!stored)
            return stored.error();
        if (!internal && !c->firstResponseAt.isValid()) {
            Conversation updated = c.value();
            updated.firstResponseAt = stored->createdAt;
            if (auto u = ConversationStore::update(s, updated); !u)
                return u.error();
        }
        if (auto e = ChatEvents::messageCreated(s, c.value(), stored.value()); !e)
            return e.error();
        return stored;
    });
}

Status ConversationService::typing(SqlSession &s, const Principal &who, const QString &publicId) const
{
    auto c = owned(s, who, publicId);
    if (!c)
        return c.error();
    auto e = ChatEvents::typing(s, c.value(), QStringLiteral("agent"), who.userId);
    if (!e)
        return e.error();
    return success();
}

Result<Conversation> ConversationService::close(SqlSession &s, const Principal &who, const QString &publicId) const
{
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        auto c = isSupervisor(who) ? visible(s, who, publicId) : owned(s, who, publicId);
        if (!c)
            return c.error();
        if (c->status == QLatin1String("closed"))
            return c.value();
        const Conversation before = c.value();
        Conversation after = before;
        after.status = QStringLiteral("closed");
        after.closedAt = QDateTime::currentDateTimeUtc();
        if (auto u = ConversationStore::update(s, after); !u)
            return u.error();
        if (auto e = ChatEvents::conversationUpdated(s, before, after); !e)
            return e.error();
        if (auto m = systemMessage(s, after, AssistantTexts::closedNotice(after.language)); !m)
            return m.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("conversation.close"), QStringLiteral("conversation"),
                                        after.publicId, change(before, after));
            !a)
            return a.error();
        return after;
    });
}

} // namespace joxai
