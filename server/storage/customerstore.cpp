#include "server/storage/customerstore.h"

#include <QJsonDocument>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral("id, name, email, phone, external_ref, legal_hold, "
                                        "legal_hold_reason, anonymized_at, created_at, updated_at");

const QString kErasedName = QStringLiteral("Erased customer");
const QString kErasedText = QStringLiteral("[erased]");
const QString kNameSeparator = QStringLiteral(" \u2014 "); // " — ", as EscalationService writes subjects

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString nullableText(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

Customer readCustomer(const QSqlQuery &q)
{
    Customer c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.email = nullableText(q.value(2));
    c.phone = nullableText(q.value(3));
    c.externalRef = nullableText(q.value(4));
    c.legalHold = q.value(5).toBool();
    c.legalHoldReason = nullableText(q.value(6));
    c.anonymizedAt = SqlSession::readTime(q.value(7));
    c.createdAt = SqlSession::readTime(q.value(8));
    c.updatedAt = SqlSession::readTime(q.value(9));
    return c;
}

Error refTaken(Error e)
{
    if (e.kind == ErrorKind::Conflict) {
        e.code = QStringLiteral("external_ref_taken");
        e.detail = QStringLiteral("Another customer already has this external reference.");
        e.fields = QJsonObject { { QStringLiteral("external_ref"), QStringLiteral("is already in use") } };
    }
    return e;
}

} // namespace

bool CustomerChanges::isEmpty() const
{
    return !name && !email && !phone && !externalRef;
}

Result<qint64> CustomerStore::findOrCreateByRef(
    SqlSession &s, const QString &externalRef, const QString &name, const QString &email)
{
    auto existing
        = s.scalar(QStringLiteral("SELECT id FROM customers WHERE external_ref = ?"), { externalRef });
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return existing->value().toLongLong();
    auto created
        = s.insert(QStringLiteral("INSERT INTO customers (name, email, external_ref) VALUES (?, ?, ?) "
                                  "ON CONFLICT (external_ref) DO NOTHING RETURNING id"),
            { SqlSession::text(name),
                email.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(email), externalRef });
    if (created)
        return created;
    // Another request created it between our two statements: read it again.
    auto again = s.scalar(QStringLiteral("SELECT id FROM customers WHERE external_ref = ?"), { externalRef });
    if (!again)
        return again.error();
    if (!again->has_value())
        return created.error();
    return again->value().toLongLong();
}

Result<std::optional<Customer>> CustomerStore::byId(SqlSession &s, qint64 id)
{
    auto q = s.exec(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM customers WHERE id = ?"), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Customer>();
    return std::optional<Customer>(readCustomer(q.value()));
}

Result<Page<Customer>> CustomerStore::list(SqlSession &s, const CustomerFilter &f)
{
    QString where;
    QVariantList values;
    if (!f.search.isEmpty()) {
        where
            = QStringLiteral(" WHERE lower(name) LIKE ? ESCAPE '\\' OR lower(email) LIKE ? ESCAPE '\\' "
                             "OR lower(phone) LIKE ? ESCAPE '\\' OR lower(external_ref) LIKE ? ESCAPE '\\'");
        const QString like = SqlSession::containsPattern(f.search);
        values << like << like << like << like;
    }
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM customers") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << f.page.limit << f.page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM customers") + where
            + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"),
        pageValues);
    if (!q)
        return q.error();
    Page<Customer> page;
    page.total = total->value_or(QVariant(0)).toLongLong();
    page.limit = f.page.limit;
    page.offset = f.page.offset;
    while (q->next())
        page.items << readCustomer(q.value());
    return page;
}

Result<Customer> CustomerStore::create(SqlSession &s, const NewCustomer &c)
{
    auto id = s.insert(
        QStringLiteral("INSERT INTO customers (name, email, phone, external_ref) VALUES (?, ?, ?, ?) "
                       "RETURNING id"),
        { SqlSession::text(c.name), textOrNull(c.email), textOrNull(c.phone), textOrNull(c.externalRef) });
    if (!id)
        return refTaken(id.error());
    auto made = byId(s, id.value());
    if (!made)
        return made.error();
    if (!made->has_value())
        return Error::internal();
    return **made;
}

Result<std::optional<Customer>> CustomerStore::update(SqlSession &s, qint64 id, const CustomerChanges &c)
{
    QString set = QStringLiteral("updated_at = ") + s.nowSql();
    QVariantList values;
    if (c.name) {
        set += QStringLiteral(", name = ?");
        values << SqlSession::text(*c.name);
    }
    if (c.email) {
        set += QStringLiteral(", email = ?");
        values << textOrNull(*c.email);
    }
    if (c.phone) {
        set += QStringLiteral(", phone = ?");
        values << textOrNull(*c.phone);
    }
    if (c.externalRef) {
        set += QStringLiteral(", external_ref = ?");
        values << textOrNull(*c.externalRef);
    }
    values << id;
    auto q = s.exec(QStringLiteral("UPDATE customers SET ") + set + QStringLiteral(" WHERE id = ?"), values);
    if (!q)
        return refTaken(q.error());
    if (q->numRowsAffected() == 0)
        return std::optional<Customer>();
    return byId(s, id);
}

Status CustomerStore::setLegalHold(SqlSession &s, qint64 id, bool on, const QString &reason)
{
    auto q
        = s.exec(QStringLiteral("UPDATE customers SET legal_hold = ?, legal_hold_reason = ?, updated_at = ")
                + s.nowSql() + QStringLiteral(" WHERE id = ?"),
            { on, on ? textOrNull(reason) : QVariant(QMetaType::fromType<QString>()), id });
    if (!q)
        return q.error();
    return success();
}

Result<Page<CustomerConversation>> CustomerStore::conversations(
    SqlSession &s, qint64 customerId, const PageRequest &page)
{
    auto total = s.scalar(
        QStringLiteral("SELECT COUNT(*) FROM conversations WHERE customer_id = ?"), { customerId });
    if (!total)
        return total.error();
    auto q = s.exec(
        QStringLiteral("SELECT id, public_id, status, assigned_to, verified, rating, rating_comment, "
                       "language, created_at, closed_at, anonymized_at, customer_name, customer_email FROM "
                       "conversations "
                       "WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"),
        { customerId, page.limit, page.offset });
    if (!q)
        return q.error();
    Page<CustomerConversation> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next()) {
        CustomerConversation c;
        c.id = q->value(0).toLongLong();
        c.publicId = q->value(1).toString();
        c.status = q->value(2).toString();
        c.assignedTo = q->value(3).toLongLong();
        c.verified = q->value(4).toBool();
        c.rating = q->value(5).toInt();
        c.ratingComment = nullableText(q->value(6));
        c.language = q->value(7).toString();
        c.createdAt = SqlSession::readTime(q->value(8));
        c.closedAt = SqlSession::readTime(q->value(9));
        c.anonymizedAt = SqlSession::readTime(q->value(10));
        c.customerName = nullableText(q->value(11));
        c.customerEmail = nullableText(q->value(12));
        out.items << c;
    }
    return out;
}

Result<QList<ChatMessage>> CustomerStore::messagesOf(SqlSession &s, qint64 customerId)
{
    auto q
        = s.exec(QStringLiteral("SELECT m.id, m.conversation_id, m.sender, m.author_id, m.body, m.internal, "
                                "m.sources, m.created_at FROM messages m JOIN conversations c "
                                "ON c.id = m.conversation_id WHERE c.customer_id = ? "
                                "ORDER BY m.conversation_id, m.id"),
            { customerId });
    if (!q)
        return q.error();
    QList<ChatMessage> out;
    while (q->next()) {
        ChatMessage m;
        m.id = q->value(0).toLongLong();
        m.conversationId = q->value(1).toLongLong();
        m.sender = q->value(2).toString();
        m.authorId = q->value(3).toLongLong();
        m.body = q->value(4).toString();
        m.internal = q->value(5).toBool();
        if (!q->value(6).isNull())
            m.sources = QJsonDocument::fromJson(q->value(6).toString().toUtf8()).array();
        m.createdAt = SqlSession::readTime(q->value(7));
        out << m;
    }
    return out;
}

Result<AnonymisedCounts> CustomerStore::anonymiseConversations(
    SqlSession &s, const QString &whereSql, const QVariantList &values, const QDateTime &now)
{
    const QString chosen = QStringLiteral("SELECT c.id FROM conversations c WHERE ") + whereSql;
    AnonymisedCounts counts;

    // Order matters: tickets read the names before the conversations lose them, and the
    // conversations (whose condition may test anonymized_at) change last.
    auto messages
        = s.exec(QStringLiteral("UPDATE messages SET body = ? WHERE sender = 'customer' AND body <> ? "
                                "AND conversation_id IN (")
                + chosen + QLatin1Char(')'),
            QVariantList { kErasedText, kErasedText } + values);
    if (!messages)
        return messages.error();
    counts.messages = messages->numRowsAffected();

    // Escalations name the customer at the end of the subject: "Lost or stolen card — Name".
    auto tickets = s.exec(
        QStringLiteral("UPDATE tickets SET description = ?, subject = COALESCE(REPLACE(subject, ? || "
                       "NULLIF((SELECT c2.customer_name FROM conversations c2 WHERE c2.id = "
                       "tickets.conversation_id), ''), ?), subject) WHERE conversation_id IN (")
            + chosen + QLatin1Char(')'),
        QVariantList { kErasedText, kNameSeparator, QString(kNameSeparator + kErasedName) } + values);
    if (!tickets)
        return tickets.error();
    counts.tickets = tickets->numRowsAffected();

    // Staff notes and ticket comments about them, mails quoting them, notifications naming them.
    auto notes = s.exec(QStringLiteral("UPDATE messages SET body = ? WHERE internal = ? AND body <> ? "
                                       "AND conversation_id IN (")
                            + chosen + QLatin1Char(')'),
                        QVariantList{kErasedText, true, kErasedText} + values);
    if (!notes)
        return notes.error();
    counts.messages += notes->numRowsAffected();
    auto comments = s.exec(QStringLiteral("UPDATE ticket_comments SET body = ? WHERE body <> ? AND ticket_id IN "
                                          "(SELECT t.id FROM tickets t WHERE t.conversation_id IN (")
                               + chosen + QStringLiteral("))"),
                           QVariantList{kErasedText, kErasedText} + values);
    if (!comments)
        return comments.error();
    auto mails = s.exec(QStringLiteral("DELETE FROM mail_outbox WHERE conversation_id IN (") + chosen + QLatin1Char(')'),
                        values);
    if (!mails)
        return mails.error();
    const QString aboutConversation = s.isPostgres() ? QStringLiteral("data->>'conversation_id'")
                                                     : QStringLiteral("json_extract(data, '$.conversation_id')");
    auto notices = s.exec(QStringLiteral("UPDATE notifications SET title = REPLACE(title, n.name, ?), "
                                         "body = REPLACE(body, n.name, ?) FROM "
                                         "(SELECT CAST(c.public_id AS TEXT) AS pid, c.customer_name AS name FROM conversations c "
                                         "WHERE c.customer_name IS NOT NULL AND c.customer_name <> '' AND c.id IN (")
                              + chosen + QStringLiteral(")) n WHERE ") + aboutConversation + QStringLiteral(" = n.pid"),
                          QVariantList{kErasedName, kErasedName} + values);
    if (!notices)
        return notices.error();

    auto events = s.exec(QStringLiteral("DELETE FROM events WHERE conversation_id IN "
                                        "(SELECT c.public_id FROM conversations c WHERE ")
            + whereSql + QLatin1Char(')'),
        values);
    if (!events)
        return events.error();

    auto conversations
        = s.exec(QStringLiteral("UPDATE conversations SET customer_name = NULL, customer_email = NULL, "
                                "metadata = '{}', rating_comment = NULL, anonymized_at = ?, updated_at = ")
                + s.nowSql() + QStringLiteral(" WHERE id IN (") + chosen + QLatin1Char(')'),
            QVariantList { s.time(now) } + values);
    if (!conversations)
        return conversations.error();
    counts.conversations = conversations->numRowsAffected();
    return counts;
}

Result<AnonymisedCounts> CustomerStore::erase(SqlSession &s, qint64 id, const QDateTime &now)
{
    auto counts = anonymiseConversations(s, QStringLiteral("c.customer_id = ?"), { id }, now);
    if (!counts)
        return counts;
    // Tickets of the customer not opened from a chat may name them too.
    auto tickets
        = s.exec(QStringLiteral("UPDATE tickets SET subject = COALESCE(REPLACE(subject, ? || "
                                "NULLIF((SELECT name FROM customers WHERE id = ?), ''), ?), subject) "
                                "WHERE customer_id = ?"),
            { kNameSeparator, id, QString(kNameSeparator + kErasedName), id });
    if (!tickets)
        return tickets.error();
    auto q = s.exec(
        QStringLiteral("UPDATE customers SET name = ?, email = NULL, phone = NULL, external_ref = NULL, "
                       "anonymized_at = ?, updated_at = ")
            + s.nowSql() + QStringLiteral(" WHERE id = ?"),
        { kErasedName, s.time(now), id });
    if (!q)
        return q.error();
    return counts;
}

Result<AnonymisedCounts> CustomerStore::anonymiseClosedBefore(
    SqlSession &s, const QDateTime &closedBefore, const QDateTime &now)
{
    return anonymiseConversations(s,
        QStringLiteral(
            "c.status = 'closed' AND c.anonymized_at IS NULL AND COALESCE(c.closed_at, c.updated_at) < ? "
            "AND (c.customer_id IS NULL OR c.customer_id NOT IN "
            "(SELECT id FROM customers WHERE legal_hold = ?))"),
        { s.time(closedBefore), true }, now);
}

} // namespace joxai
