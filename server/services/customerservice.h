#pragma once
// Customers for staff (shared/API.md "customers"): every staff member may read, supervisors and
// admins may write, only admins may export, erase and put a customer on legal hold. Every read of
// a customer's data (the record, their conversations, searches) and every export is audited.
// Erasure anonymises the customer and their conversations but keeps the rows analytics count and
// the (append-only) audit log; it is refused with 409 legal_hold while the customer is on hold.
// The retention job anonymises closed conversations older than the system setting retention_days,
// except those of customers on legal hold.

#include "server/core/page.h"
#include "server/core/roles.h"
#include "server/storage/customerstore.h"

#include <QJsonObject>

namespace joxai {

class CustomerService final
{
public:
    CustomerService() = default;

    Result<Page<Customer>> list(SqlSession &s, const Principal &who, const CustomerFilter &filter) const;
    Result<Customer> get(SqlSession &s, const Principal &who, qint64 id) const;
    Result<Customer> create(SqlSession &s, const Principal &who, const NewCustomer &customer) const;
    Result<Customer> update(
        SqlSession &s, const Principal &who, qint64 id, const CustomerChanges &changes) const;
    Result<Page<CustomerConversation>> conversations(
        SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const;
    // {"exported_at","customer","conversations":[…with "messages"],"tickets":[…with "comments"]}
    Result<QJsonObject> exportData(SqlSession &s, const Principal &who, qint64 id) const;
    Result<Customer> erase(SqlSession &s, const Principal &who, qint64 id) const;
    Result<Customer> setLegalHold(
        SqlSession &s, const Principal &who, qint64 id, bool on, const QString &reason) const;

    // The daily retention job (no signed-in actor; audited as "retention.apply" when it changed
    // anything). Answers what it anonymised.
    static Result<AnonymisedCounts> applyRetention(SqlSession &s, const QDateTime &now);

    static QJsonObject customerJson(const Customer &c);
    static QJsonObject conversationJson(const CustomerConversation &c);

private:
    static Result<Customer> find(SqlSession &s, qint64 id);
};

} // namespace joxai
