#include "server/storage/conversationstore.h"

#include "server/storage/statementcache.h"

#include <QJsonDocument>

namespace joxai {

namespace {

const QString kConversationColumns = QStringLiteral(
    "id, public_id, session_token_hash, customer_id, customer_name, customer_email, language, status, "
    "assigned_to, verified, metadata, ai_fallback, unanswered_streak, escalation_reason, priority, "
    "escalated_at, first_response_at, closed_at, rating, rating_comment, created_at, updated_at");

const QString kMessageColumns = QStringLiteral(
    "id, conversation_id, sender, author_id, body, internal, sources, created_at");

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Conversation readConversation(const QSqlQuery &q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.publicId = q.value(1).toString();
    c.sessionTokenHash = q.value(2).toString().toLatin1();
    c.customerId = q.value(3).toLongLong();
    c.customerName = q.value(4).toString();
    c.customerEmail = q.value(5).toString();
    c.language = q.value(6).toString();
    c.status = q.value(7).toString();
    c.assignedTo = q.value(8).toLongLong();
    c.verified = q.value(9).toBool();
    c.metadata = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    c.aiFallback = q.value(11).toBool();
    c.unansweredStreak = q.value(12).toInt();
    c.escalationReason = q.value(13).toString();
    c.priority = q.value(14).toString();
    c.escalatedAt = SqlSession::readTime(q.value(15));
    c.firstResponseAt = SqlSession::readTime(q.value(16));
    c.closedAt = SqlSession::readTime(q.value(17));
    c.rating = q.value(18).toInt();
    c.ratingComment = q.value(19).toString();
    c.createdAt = SqlSession::readTime(q.value(20));
    c.updatedAt = SqlSession::readTime(q.value(21));
    return c;
}

ChatMessage readMessage(const QSqlQuery &q)
{
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.sender = q.value(2).toString();
    m.authorId = q.value(3).toLongLong();
    m.body = q.value(4).toString();
    m.internal = q.value(5).toBool();
    if (!q.value(6).isNull())
        m.sources = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
    m.createdAt = SqlSession::readTime(q.value(7));
    return m;
}

Result<std::optional<Conversation>> oneConversation(SqlSession &s, const QString &where, const QVariant &value)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(" FROM conversations WHERE ")
                        + where,
                    {value});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Conversation>();
    return std::optional<Conversation>(readConversation(q.value()));
}

} // namespace

Result<Conversation> ConversationStore::create(SqlSession &s, const NewConversation &c)
{
    static const QString sql = QStringLiteral(
        "INSERT INTO conversations (public_id, session_token_hash, customer_id, customer_name, customer_email, "
        "language, verified, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    Conversation made;
    made.createdAt = QDateTime::currentDateTimeUtc();
    made.updatedAt = made.createdAt;
    auto ran = StatementCache::run(s, sql,
                                   {c.publicId, QString::fromLatin1(c.sessionTokenHash), idOrNull(c.customerId),
                                    textOrNull(c.customerName), textOrNull(c.customerEmail),
                                    SqlSession::text(c.language), c.verified, jsonText(c.metadata),
                                    s.time(made.createdAt), s.time(made.updatedAt)},
                                   [&](QSqlQuery &q) {
        if (q.next())
            made.id = q.value(0).toLongLong();
    });
    if (!ran)
        return ran.error();
    if (made.id == 0)
        return Error::internal();
    // Everything else is what the table's defaults make of a new conversation.
    made.publicId = c.publicId;
    made.sessionTokenHash = c.sessionTokenHash;
    made.customerId = c.customerId;
    made.customerName = c.customerName;
    made.customerEmail = c.customerEmail;
    made.language = c.language;
    made.verified = c.verified;
    made.metadata = c.metadata;
    return made;
}

Result<std::optional<Conversation>> ConversationStore::byPublicId(SqlSession &s, const QString &publicId)
{
    // Every customer call starts here: a statement kept prepared (StatementCache).
    static const QString sql = QStringLiteral("SELECT ") + kConversationColumns
                               + QStringLiteral(" FROM conversations WHERE public_id = ?");
    std::optional<Conversation> found;
    auto ran = StatementCache::run(s, sql, {publicId}, [&](QSqlQuery &q) {
        if (q.next())
            found = readConversation(q);
    });
    if (!ran)
        return ran.error();
    return found;
}

Result<std::optional<Conversation>> ConversationStore::byId(SqlSession &s, qint64 id)
{
    return oneConversation(s, QStringLiteral("id = ?"), id);
}

Result<Page<Conversation>> ConversationStore::list(SqlSession &s, const ConversationFilter &f)
{
    QString where = QStringLiteral(" WHERE 1=1");
    QVariantList values;
    if (!f.status.isEmpty()) {
        where += QStringLiteral(" AND status = ?");
        values << f.status;
    }
    if (f.assigned == ConversationFilter::Assigned::Nobody) {
        where += QStringLiteral(" AND assigned_to IS NULL");
    } else if (f.assigned == ConversationFilter::Assigned::User) {
        where += QStringLiteral(" AND assigned_to = ?");
        values << f.assignedTo;
    }
    if (f.onlyVisibleTo > 0) {
        where += QStringLiteral(" AND (assigned_to IS NULL OR assigned_to = ?)");
        values << f.onlyVisibleTo;
    }
    if (!f.search.isEmpty()) {
        const QString like = SqlSession::containsPattern(f.search.toLower());
        where += s.isPostgres()
            ? QStringLiteral(" AND (lower(customer_name) LIKE ? ESCAPE '\\' OR lower(customer_email) LIKE ? ESCAPE '\\' "
                             "OR public_id::text LIKE ?)")
            : QStringLiteral(" AND (lower(customer_name) LIKE ? ESCAPE '\\' OR lower(customer_email) LIKE ? ESCAPE '\\' "
                             "OR public_id LIKE ?)");
        const QString idPrefix = f.search.toLower().remove(QLatin1Char('%')).remove(QLatin1Char('_')) + QLatin1Char('%');
        values << like << like << idPrefix;
    }
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM conversations") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << f.page.limit << f.page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kConversationColumns + QStringLiteral(" FROM conversations") + where
                        + QStringLiteral(" ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?"),
                    pageValues);
    if (!q)
        return q.error();
    Page<Conversation> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = f.page.limit;
    out.offset = f.page.offset;
    while (q->next())
        out.items << readConversation(q.value());
    return out;
}

Result<bool> ConversationStore::claim(SqlSession &s, qint64 id, qint64 userId)
{
    // One statement decides: of two agents taking over at once, exactly one changes the row.
    auto q = s.exec(QStringLiteral("UPDATE conversations SET assigned_to = ?, status = 'agent', updated_at = ") + s.nowSql()
                        + QStringLiteral(" WHERE id = ? AND (assigned_to IS NULL OR assigned_to = ?)"),
                    {userId, id, userId});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<ChatMessage> ConversationStore::addMessage(SqlSession &s, ChatMessage m)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QVariant sources = m.sources.isEmpty()
        ? QVariant(QMetaType::fromType<QString>())
        : QVariant(QString::fromUtf8(QJsonDocument(m.sources).toJson(QJsonDocument::Compact)));
    // A duplicate client_message_id in the conversation fails as 409 `conflict` (unique index).
    static const QString sql = QStringLiteral("INSERT INTO messages (conversation_id, sender, author_id, body, internal, "
                                              "sources, created_at, client_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                              "RETURNING id");
    qint64 id = 0;
    auto ran = StatementCache::run(s, sql,
                                   {m.conversationId, m.sender, idOrNull(m.authorId), SqlSession::text(m.body),
                                    m.internal, sources, s.time(now), textOrNull(m.clientMessageId)},
                                   [&](QSqlQuery &q) {
        if (q.next())
            id = q.value(0).toLongLong();
    });
    if (!ran)
        return ran.error();
    if (id == 0)
        return Error::internal();
    m.id = id;
    m.createdAt = now;
    return m;
}

Result<Page<ChatMessage>> ConversationStore::messagesAfter(SqlSession &s, qint64 conversationId, qint64 afterId,
                                                           bool withInternal, const PageRequest &page)
{
    const QString where = withInternal ? QStringLiteral(" WHERE conversation_id = ? AND id > ?")
                                       : QStringLiteral(" WHERE conversation_id = ? AND id > ? AND internal = ?");
    QVariantList values{conversationId, afterId};
    if (!withInternal)
        values << false;
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM messages") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << page.limit << page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" FROM messages") + where
                        + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
                    pageValues);
    if (!q)
        return q.error();
    Page<ChatMessage> result;
    result.total = total->value_or(QVariant(0)).toLongLong();
    result.limit = page.limit;
    result.offset = page.offset;
    while (q->next())
        result.items << readMessage(q.value());
    return result;
}

Result<QList<ChatMessage>> ConversationStore::recentMessages(SqlSession &s, qint64 conversationId, int count)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kMessageColumns
                        + QStringLiteral(" FROM messages WHERE conversation_id = ? AND internal = ? "
                                         "ORDER BY id DESC LIMIT ?"),
                    {conversationId, false, count});
    if (!q)
        return q.error();
    QList<ChatMessage> newestFirst;
    while (q->next())
        newestFirst << readMessage(q.value());
    return QList<ChatMessage>(newestFirst.rbegin(), newestFirst.rend());
}

Status ConversationStore::update(SqlSession &s, const Conversation &c)
{
    auto q = s.exec(QStringLiteral("UPDATE conversations SET status = ?, assigned_to = ?, ai_fallback = ?, "
                                   "unanswered_streak = ?, escalation_reason = ?, priority = ?, escalated_at = ?, "
                                   "first_response_at = ?, closed_at = ?, updated_at = ") + s.nowSql()
                        + QStringLiteral(" WHERE id = ?"),
                    {c.status, idOrNull(c.assignedTo), c.aiFallback, c.unansweredStreak,
                     textOrNull(c.escalationReason), c.priority, s.time(c.escalatedAt), s.time(c.firstResponseAt),
                     s.time(c.closedAt), c.id});
    if (!q)
        return q.error();
    return success();
}

Status ConversationStore::setUnansweredStreak(SqlSession &s, qint64 id, int streak)
{
    auto q = s.exec(QStringLiteral("UPDATE conversations SET unanswered_streak = ? WHERE id = ?"), {streak, id});
    if (!q)
        return q.error();
    return success();
}

Result<bool> ConversationStore::rateOnce(SqlSession &s, qint64 id, int score, const QString &comment)
{
    auto q = s.exec(QStringLiteral("UPDATE conversations SET rating = ?, rating_comment = ?, updated_at = ")
                        + s.nowSql() + QStringLiteral(" WHERE id = ? AND rating IS NULL"),
                    {score, textOrNull(comment), id});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Status ConversationStore::recordUsage(SqlSession &s, qint64 conversationId, const QString &provider,
                                      const QString &model, int tokensIn, int tokensOut, qint64 latencyMs,
                                      double costUsd, bool cacheHit, bool fallback)
{
    static const QString sql = QStringLiteral("INSERT INTO ai_usage (conversation_id, provider, model, tokens_in, "
                                              "tokens_out, latency_ms, cost_usd, cache_hit, fallback) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    return StatementCache::run(s, sql,
                               {idOrNull(conversationId), provider, SqlSession::text(model), tokensIn, tokensOut,
                                latencyMs, costUsd, cacheHit, fallback},
                               [](QSqlQuery &) {});
}

} // namespace joxai
