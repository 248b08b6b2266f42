#include "server/services/escalationservice.h"

#include "server/assistant/assistanttexts.h"
#include "server/services/audittrail.h"
#include "server/services/chatevents.h"
#include "server/services/settingsservice.h"
#include "server/storage/mailoutboxstore.h"
#include "server/storage/notificationstore.h"
#include "server/storage/ticketstore.h"

#include <QJsonObject>

namespace joxai {

namespace {

constexpr int kSummaryMessages = 8;
constexpr int kSummaryLineLength = 300;

int rank(const QString &priority)
{
    static const QStringList order{QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high"),
                                   QStringLiteral("urgent")};
    return int(order.indexOf(priority));
}

} // namespace

QString EscalationService::higherPriority(const QString &a, const QString &b)
{
    return rank(b) > rank(a) ? b : a;
}

QString EscalationService::reasonTitle(const QString &reason)
{
    static const QHash<QString, QString> titles{
        {QStringLiteral("customer_request"), QStringLiteral("Customer asked for a person")},
        {QStringLiteral("card_lost"), QStringLiteral("Lost or stolen card")},
        {QStringLiteral("fraud"), QStringLiteral("Suspected fraud")},
        {QStringLiteral("dispute"), QStringLiteral("Transaction dispute")},
        {QStringLiteral("complaint"), QStringLiteral("Complaint")},
        {QStringLiteral("unanswered"), QStringLiteral("The assistant could not answer")},
        {QStringLiteral("negative_sentiment"), QStringLiteral("Unhappy customer")},
    };
    return titles.value(reason, QStringLiteral("Escalated conversation"));
}

Result<Escalation> EscalationService::escalate(SqlSession &s, Conversation c, const QString &reason,
                                               const QString &priority, const QString &customerNote) const
{
    const Conversation before = c;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Someone who already has the conversation keeps it; otherwise it waits for anyone.
    c.status = c.assignedTo > 0 && c.status == QLatin1String("agent") ? QStringLiteral("agent")
                                                                       : QStringLiteral("waiting");
    if (!c.escalatedAt.isValid())
        c.escalatedAt = now;
    c.escalationReason = reason;
    c.priority = higherPriority(c.priority, priority);
    c.closedAt = QDateTime();
    c.unansweredStreak = 0;
    if (auto updated = ConversationStore::update(s, c); !updated)
        return updated.error();

    ChatMessage notice;
    notice.conversationId = c.id;
    notice.sender = QStringLiteral("system");
    notice.body = AssistantTexts::escalationNotice(c.language);
    auto stored = ConversationStore::addMessage(s, notice);
    if (!stored)
        return stored.error();

    auto open = TicketStore::openTicketOfConversation(s, c.id);
    if (!open)
        return open.error();
    qint64 ticketId = open.value();
    if (ticketId == 0) {
        auto description = summary(s, c, customerNote);
        if (!description)
            return description.error();
        auto due = dueAt(s, c.priority);
        if (!due)
            return due.error();
        NewTicket t;
        t.subject = reasonTitle(reason) + (c.customerName.isEmpty() ? QString() : QStringLiteral(" — ") + c.customerName);
        t.description = description.value();
        t.priority = c.priority;
        t.category = reason;
        t.customerId = c.customerId;
        t.conversationId = c.id;
        t.dueAt = due.value();
        auto created = TicketStore::create(s, t);
        if (!created)
            return created.error();
        ticketId = created.value();
        // The same trail a ticket made by staff leaves: its history starts, the audit log says who.
        if (auto h = TicketStore::addHistory(s, ticketId, 0, QStringLiteral("created"), QString(), QStringLiteral("open")); !h)
            return h.error();
        if (auto a = AuditTrail::recordSystem(s, QStringLiteral("ticket.create"), QStringLiteral("ticket"),
                                              QString::number(ticketId),
                                              {{QStringLiteral("source"), QStringLiteral("escalation")},
                                               {QStringLiteral("conversation_id"), c.publicId},
                                               {QStringLiteral("reason"), reason},
                                               {QStringLiteral("priority"), t.priority},
                                               {QStringLiteral("status"), QStringLiteral("open")}});
            !a)
            return a.error();
        if (auto e = ChatEvents::ticketCreated(s, c, ticketId, t.subject, t.priority); !e)
            return e.error();
        if (auto told = tellSupervisors(s, c, ticketId, t.subject, t.description); !told)
            return told.error();
    }
    if (auto e = ChatEvents::conversationEscalated(s, c, ticketId); !e)
        return e.error();
    if (auto e = ChatEvents::conversationUpdated(s, before, c); !e)
        return e.error();
    if (auto e = ChatEvents::messageCreated(s, c, stored.value()); !e)
        return e.error();
    return Escalation{c, stored.value(), ticketId};
}

Result<QString> EscalationService::summary(SqlSession &s, const Conversation &c, const QString &customerNote)
{
    auto recent = ConversationStore::recentMessages(s, c.id, kSummaryMessages);
    if (!recent)
        return recent.error();
    QString text = QStringLiteral("Escalated from the chat (%1, language %2, %3).\n")
                       .arg(reasonTitle(c.escalationReason), c.language,
                            c.verified ? QStringLiteral("verified customer") : QStringLiteral("anonymous customer"));
    if (!customerNote.isEmpty())
        text += QStringLiteral("Customer's note: ") + customerNote + QLatin1Char('\n');
    text += QStringLiteral("\nLast messages:\n");
    for (const ChatMessage &m : recent.value()) {
        if (m.sender == QLatin1String("system"))
            continue;
        QString line = m.body.simplified();
        if (line.size() > kSummaryLineLength)
            line = line.left(kSummaryLineLength) + QStringLiteral("…");
        text += QStringLiteral("- ") + m.sender + QStringLiteral(": ") + line + QLatin1Char('\n');
    }
    return text;
}

Status EscalationService::tellSupervisors(SqlSession &s, const Conversation &c, qint64 ticketId,
                                         const QString &subject, const QString &summary)
{
    auto people = NotificationStore::supervisors(s);
    if (!people)
        return people.error();
    for (const NotificationStore::Recipient &person : people.value()) {
        Notification n;
        n.userId = person.userId;
        n.type = QStringLiteral("escalation");
        n.title = subject;
        n.body = QStringLiteral("A conversation is waiting for a person (%1 priority).").arg(c.priority);
        n.data = {{QStringLiteral("conversation_id"), c.publicId}, {QStringLiteral("ticket_id"), ticketId}};
        if (auto created = NotificationStore::create(s, n); !created)
            return created.error();
        // The outbox keeps the alert until SMTP takes it (or forever, with no SMTP configured).
        if (auto queued = MailOutboxStore::enqueue(s, person.email, QStringLiteral("[JoxAI] Escalation: ") + subject,
                                                   summary + QStringLiteral("\nTicket #%1, conversation %2.\n")
                                                                 .arg(ticketId).arg(c.publicId),
                                                   c.id);
            !queued)
            return queued.error();
    }
    return success();
}

Result<QDateTime> EscalationService::dueAt(SqlSession &s, const QString &priority)
{
    auto hours = SettingsService::systemValue(s, QStringLiteral("sla_hours"));
    if (!hours)
        return hours.error();
    const int h = hours->toObject().value(priority).toInt(24);
    return QDateTime::currentDateTimeUtc().addSecs(qint64(h) * 3600);
}

} // namespace joxai
