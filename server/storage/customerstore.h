#pragma once
// SQL for customers: the link a verified chat makes to a known customer (by the bank's own
// reference), the staff customer API (search, create, update, their conversations, export), legal
// hold, erasure, and the retention job's anonymisation of old closed conversations.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/conversationstore.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>

#include <optional>

namespace joxai {

struct Customer
{
    qint64 id = 0;
    QString name;
    QString email; // null when unknown
    QString phone; // null when unknown
    QString externalRef; // null when unknown
    bool legalHold = false;
    QString legalHoldReason;
    QDateTime anonymizedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct NewCustomer
{
    QString name;
    QString email; // empty: NULL (likewise phone and externalRef)
    QString phone;
    QString externalRef;
};

// Set fields are written; an empty string clears an optional field (NULL).
struct CustomerChanges
{
    std::optional<QString> name;
    std::optional<QString> email;
    std::optional<QString> phone;
    std::optional<QString> externalRef;

    bool isEmpty() const;
};

struct CustomerFilter
{
    QString search; // name, e-mail, phone or external reference contains
    PageRequest page;
};

// A conversation as a customer's record lists it.
struct CustomerConversation
{
    qint64 id = 0; // internal
    QString publicId; // the UUID answers carry
    QString status;
    qint64 assignedTo = 0;
    bool verified = false;
    int rating = 0;
    QString ratingComment;
    QString language;
    QString customerName; // as the chat was started with (null once anonymised)
    QString customerEmail;
    QDateTime createdAt;
    QDateTime closedAt;
    QDateTime anonymizedAt;
};

// What an erasure or the retention job changed.
struct AnonymisedCounts
{
    qint64 conversations = 0;
    qint64 messages = 0;
    qint64 tickets = 0;
};

class CustomerStore final
{
public:
    // The customer with this external reference, created (with the name and e-mail given) when
    // the bank vouches for someone we have not seen yet. Answers the customer's id.
    static Result<qint64> findOrCreateByRef(
        SqlSession &s, const QString &externalRef, const QString &name, const QString &email);

    static Result<std::optional<Customer>> byId(SqlSession &s, qint64 id);
    static Result<Page<Customer>> list(SqlSession &s, const CustomerFilter &filter);
    // Conflict "external_ref_taken" when the reference belongs to another customer.
    static Result<Customer> create(SqlSession &s, const NewCustomer &customer);
    static Result<std::optional<Customer>> update(SqlSession &s, qint64 id, const CustomerChanges &changes);
    static Status setLegalHold(SqlSession &s, qint64 id, bool on, const QString &reason);

    static Result<Page<CustomerConversation>> conversations(
        SqlSession &s, qint64 customerId, const PageRequest &page);
    // Every message of the customer's conversations (internal notes included), by conversation and id.
    static Result<QList<ChatMessage>> messagesOf(SqlSession &s, qint64 customerId);

    // Erasure: name "Erased customer", e-mail, phone and reference removed, anonymized_at set;
    // every conversation of the customer anonymised (see anonymiseConversations).
    static Result<AnonymisedCounts> erase(SqlSession &s, qint64 id, const QDateTime &now);
    // Retention: closed conversations that closed before `closedBefore`, not anonymised yet,
    // whose customer (if any) is not on legal hold, are anonymised.
    static Result<AnonymisedCounts> anonymiseClosedBefore(
        SqlSession &s, const QDateTime &closedBefore, const QDateTime &now);

private:
    // Anonymises the conversations `whereSql` selects (a condition on conversations c): their
    // customer_name, customer_email, metadata and rating comment go, the bodies of the customer's
    // messages become "[erased]", the descriptions of tickets opened from them (which quote the
    // chat) become "[erased]", and their events (which quote names and messages) are dropped.
    // Rows, statuses, timestamps and ratings stay, so the figures of analytics stay.
    static Result<AnonymisedCounts> anonymiseConversations(
        SqlSession &s, const QString &whereSql, const QVariantList &values, const QDateTime &now);
};

} // namespace joxai
