#include "server/services/customerservice.h"

#include "server/services/audittrail.h"
#include "server/services/settingsservice.h"
#include "server/services/ticketevents.h"
#include "server/storage/ticketstore.h"

#include <QJsonArray>

namespace joxai {

namespace {

constexpr int kDefaultRetentionDays = 365;
constexpr int kExportCommentLimit = 100000;

Status require(const Principal &who, Role minimum, const QString &what)
{
    if (atLeast(who.role, minimum))
        return success();
    return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
        QStringLiteral("Your role does not allow you to %1.").arg(what));
}

QJsonValue textOrNull(const QString &text)
{
    return text.isNull() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(SqlSession::isoTime(t)) : QJsonValue();
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue();
}

// Which fields a change touches: audit entries name them but never hold the personal data itself,
// since the audit log outlives an erasure.
QJsonArray changedFields(const CustomerChanges &c)
{
    QJsonArray fields;
    if (c.name)
        fields.append(QStringLiteral("name"));
    if (c.email)
        fields.append(QStringLiteral("email"));
    if (c.phone)
        fields.append(QStringLiteral("phone"));
    if (c.externalRef)
        fields.append(QStringLiteral("external_ref"));
    return fields;
}

QJsonObject countsJson(const AnonymisedCounts &c)
{
    return { { QStringLiteral("conversations"), c.conversations }, { QStringLiteral("messages"), c.messages },
        { QStringLiteral("tickets"), c.tickets } };
}

} // namespace

QJsonObject CustomerService::customerJson(const Customer &c)
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("name"), c.name },
        { QStringLiteral("email"), textOrNull(c.email) }, { QStringLiteral("phone"), textOrNull(c.phone) },
        { QStringLiteral("external_ref"), textOrNull(c.externalRef) },
        { QStringLiteral("legal_hold"), c.legalHold },
        { QStringLiteral("legal_hold_reason"), textOrNull(c.legalHoldReason) },
        { QStringLiteral("anonymized_at"), timeOrNull(c.anonymizedAt) },
        { QStringLiteral("created_at"), timeOrNull(c.createdAt) },
        { QStringLiteral("updated_at"), timeOrNull(c.updatedAt) } };
}

QJsonObject CustomerService::conversationJson(const CustomerConversation &c)
{
    return { { QStringLiteral("conversation_id"), c.publicId }, { QStringLiteral("status"), c.status },
        { QStringLiteral("assigned_to"), idOrNull(c.assignedTo) }, { QStringLiteral("verified"), c.verified },
        { QStringLiteral("language"), c.language },
        { QStringLiteral("rating"), c.rating > 0 ? QJsonValue(c.rating) : QJsonValue() },
        { QStringLiteral("created_at"), timeOrNull(c.createdAt) },
        { QStringLiteral("closed_at"), timeOrNull(c.closedAt) },
        { QStringLiteral("anonymized_at"), timeOrNull(c.anonymizedAt) } };
}

Result<Customer> CustomerService::find(SqlSession &s, qint64 id)
{
    auto found = CustomerStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("Customer"));
    return **found;
}

Result<Page<Customer>> CustomerService::list(
    SqlSession &s, const Principal &who, const CustomerFilter &filter) const
{
    auto page = CustomerStore::list(s, filter);
    if (!page)
        return page;
    // The search text itself may be personal data: only the fact and the number of results.
    if (auto a
        = AuditTrail::record(s, who, QStringLiteral("customer.search"), QStringLiteral("customer"), QString(),
            { { QStringLiteral("results"), qint64(page->items.size()) },
                { QStringLiteral("total"), page->total } });
        !a)
        return a.error();
    return page;
}

Result<Customer> CustomerService::get(SqlSession &s, const Principal &who, qint64 id) const
{
    auto c = find(s, id);
    if (!c)
        return c;
    if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.read"), QStringLiteral("customer"),
            QString::number(id), { { QStringLiteral("view"), QStringLiteral("record") } });
        !a)
        return a.error();
    return c;
}

Result<Customer> CustomerService::create(
    SqlSession &s, const Principal &who, const NewCustomer &customer) const
{
    if (auto ok = require(who, Role::Supervisor, QStringLiteral("create customers")); !ok)
        return ok.error();
    return s.transaction<Customer>([&]() -> Result<Customer> {
        auto made = CustomerStore::create(s, customer);
        if (!made)
            return made;
        CustomerChanges given;
        given.name = customer.name;
        if (!customer.email.isEmpty())
            given.email = customer.email;
        if (!customer.phone.isEmpty())
            given.phone = customer.phone;
        if (!customer.externalRef.isEmpty())
            given.externalRef = customer.externalRef;
        if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.create"), QStringLiteral("customer"),
                QString::number(made->id), { { QStringLiteral("fields"), changedFields(given) } });
            !a)
            return a.error();
        return made;
    });
}

Result<Customer> CustomerService::update(
    SqlSession &s, const Principal &who, qint64 id, const CustomerChanges &changes) const
{
    if (auto ok = require(who, Role::Supervisor, QStringLiteral("change customers")); !ok)
        return ok.error();
    return s.transaction<Customer>([&]() -> Result<Customer> {
        auto before = find(s, id);
        if (!before)
            return before;
        if (before->anonymizedAt.isValid())
            return Error::make(ErrorKind::Conflict, QStringLiteral("customer_erased"),
                QStringLiteral("This customer's personal data was erased; the record cannot change."));
        if (changes.isEmpty())
            return before;
        auto after = CustomerStore::update(s, id, changes);
        if (!after)
            return after.error();
        if (!after->has_value())
            return Error::notFound(QStringLiteral("Customer"));
        if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.update"), QStringLiteral("customer"),
                QString::number(id), { { QStringLiteral("fields"), changedFields(changes) } });
            !a)
            return a.error();
        return **after;
    });
}

Result<Page<CustomerConversation>> CustomerService::conversations(
    SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const
{
    if (auto c = find(s, id); !c)
        return c.error();
    auto list = CustomerStore::conversations(s, id, page);
    if (!list)
        return list;
    if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.read"), QStringLiteral("customer"),
            QString::number(id), { { QStringLiteral("view"), QStringLiteral("conversations") } });
        !a)
        return a.error();
    return list;
}

Result<QJsonObject> CustomerService::exportData(SqlSession &s, const Principal &who, qint64 id) const
{
    if (auto ok = require(who, Role::Admin, QStringLiteral("export customer data")); !ok)
        return ok.error();
    auto customer = find(s, id);
    if (!customer)
        return customer.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    auto conversations = CustomerStore::conversations(s, id, { 1000000, 0 });
    if (!conversations)
        return conversations.error();
    auto messages = CustomerStore::messagesOf(s, id);
    if (!messages)
        return messages.error();
    QHash<qint64, QJsonArray> byConversation;
    for (const ChatMessage &m : messages.value()) {
        QJsonObject o { { QStringLiteral("id"), m.id }, { QStringLiteral("sender"), m.sender },
            { QStringLiteral("author_id"), idOrNull(m.authorId) }, { QStringLiteral("body"), m.body },
            { QStringLiteral("internal"), m.internal },
            { QStringLiteral("created_at"), timeOrNull(m.createdAt) } };
        if (!m.sources.isEmpty())
            o.insert(QStringLiteral("sources"), m.sources);
        byConversation[m.conversationId].append(o);
    }
    QJsonArray conversationsJson;
    for (const CustomerConversation &c : conversations->items) {
        QJsonObject o = conversationJson(c);
        o.insert(QStringLiteral("customer_name"), textOrNull(c.customerName));
        o.insert(QStringLiteral("customer_email"), textOrNull(c.customerEmail));
        o.insert(QStringLiteral("rating_comment"), textOrNull(c.ratingComment));
        o.insert(QStringLiteral("messages"), byConversation.value(c.id));
        conversationsJson.append(o);
    }

    auto tickets = TicketStore::ofCustomer(s, id);
    if (!tickets)
        return tickets.error();
    QJsonArray ticketsJson;
    for (const Ticket &t : tickets.value()) {
        auto comments = TicketStore::comments(s, t.id, { kExportCommentLimit, 0 });
        if (!comments)
            return comments.error();
        QJsonArray commentsJson;
        for (const TicketComment &c : comments->items)
            commentsJson.append(TicketEvents::commentJson(c));
        QJsonObject o = TicketEvents::ticketJson(t, now);
        o.insert(QStringLiteral("comments"), commentsJson);
        ticketsJson.append(o);
    }

    if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.export"), QStringLiteral("customer"),
            QString::number(id),
            { { QStringLiteral("conversations"), conversationsJson.size() },
                { QStringLiteral("tickets"), ticketsJson.size() } });
        !a)
        return a.error();
    return QJsonObject { { QStringLiteral("exported_at"), SqlSession::isoTime(now) },
        { QStringLiteral("customer"), customerJson(customer.value()) },
        { QStringLiteral("conversations"), conversationsJson }, { QStringLiteral("tickets"), ticketsJson } };
}

Result<Customer> CustomerService::erase(SqlSession &s, const Principal &who, qint64 id) const
{
    if (auto ok = require(who, Role::Admin, QStringLiteral("erase customer data")); !ok)
        return ok.error();
    return s.transaction<Customer>([&]() -> Result<Customer> {
        auto before = find(s, id);
        if (!before)
            return before;
        if (before->legalHold)
            return Error::make(ErrorKind::Conflict, QStringLiteral("legal_hold"),
                QStringLiteral("This customer is on legal hold; their data cannot be erased."));
        auto counts = CustomerStore::erase(s, id, QDateTime::currentDateTimeUtc());
        if (!counts)
            return counts.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.erase"), QStringLiteral("customer"),
                QString::number(id), countsJson(counts.value()));
            !a)
            return a.error();
        return find(s, id);
    });
}

Result<Customer> CustomerService::setLegalHold(
    SqlSession &s, const Principal &who, qint64 id, bool on, const QString &reason) const
{
    if (auto ok = require(who, Role::Admin, QStringLiteral("place or lift a legal hold")); !ok)
        return ok.error();
    if (on && reason.trimmed().isEmpty()) {
        Error e = Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
            QStringLiteral("A legal hold needs a reason."));
        e.fields
            = QJsonObject { { QStringLiteral("reason"), QStringLiteral("is required when on is true") } };
        return e;
    }
    return s.transaction<Customer>([&]() -> Result<Customer> {
        auto before = find(s, id);
        if (!before)
            return before;
        if (auto r = CustomerStore::setLegalHold(s, id, on, reason.trimmed()); !r)
            return r.error();
        QJsonObject details { { QStringLiteral("on"), on }, { QStringLiteral("was_on"), before->legalHold } };
        if (on)
            details.insert(QStringLiteral("reason"), reason.trimmed());
        if (auto a = AuditTrail::record(s, who, QStringLiteral("customer.legal_hold"),
                QStringLiteral("customer"), QString::number(id), details);
            !a)
            return a.error();
        return find(s, id);
    });
}

Result<AnonymisedCounts> CustomerService::applyRetention(SqlSession &s, const QDateTime &now)
{
    auto days = SettingsService::systemValue(s, QStringLiteral("retention_days"));
    if (!days)
        return days.error();
    const int retentionDays = days->toInt(kDefaultRetentionDays);
    const QDateTime cutoff = now.toUTC().addDays(-retentionDays);
    return s.transaction<AnonymisedCounts>([&]() -> Result<AnonymisedCounts> {
        auto counts = CustomerStore::anonymiseClosedBefore(s, cutoff, now);
        if (!counts)
            return counts;
        if (counts->conversations > 0) {
            QJsonObject details = countsJson(counts.value());
            details.insert(QStringLiteral("retention_days"), retentionDays);
            details.insert(QStringLiteral("closed_before"), SqlSession::isoTime(cutoff));
            if (auto a = AuditTrail::recordAnonymous(
                    s, QStringLiteral("system"), QString(), QStringLiteral("retention.apply"), details);
                !a)
                return a.error();
        }
        return counts;
    });
}

} // namespace joxai
