#include "server/storage/clientmessagestore.h"

#include "server/storage/statementcache.h"

#include <QJsonDocument>

namespace joxai::ClientMessageStore {

Result<std::optional<KeyedMessage>> find(SqlSession &s, qint64 conversationId, const QString &clientMessageId)
{
    static const QString sql = QStringLiteral(
        "SELECT id, conversation_id, sender, body, created_at, client_answer FROM messages "
        "WHERE conversation_id = ? AND client_message_id = ?");
    std::optional<KeyedMessage> found;
    auto ran = StatementCache::run(s, sql, {conversationId, clientMessageId}, [&](QSqlQuery &q) {
        if (!q.next())
            return;
        KeyedMessage k;
        k.message.id = q.value(0).toLongLong();
        k.message.conversationId = q.value(1).toLongLong();
        k.message.sender = q.value(2).toString();
        k.message.body = q.value(3).toString();
        k.message.createdAt = SqlSession::readTime(q.value(4));
        k.message.clientMessageId = clientMessageId;
        if (!q.value(5).isNull())
            k.answer = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        found = k;
    });
    if (!ran)
        return ran.error();
    return found;
}

Result<bool> recordAnswer(SqlSession &s, qint64 messageId, const QJsonObject &answer)
{
    auto q = s.exec(QStringLiteral("UPDATE messages SET client_answer = ? WHERE id = ? AND client_answer IS NULL"),
                    {QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)), messageId});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

} // namespace joxai::ClientMessageStore
