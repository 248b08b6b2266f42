#pragma once
// The customer's retry keys on messages (client_message_id of POST /chat/message, migration
// 0007): finding the message an earlier attempt stored, and keeping the answer that attempt got so
// a repeat is answered the same. The key itself is written by ConversationStore::addMessage, whose
// unique index (conversation_id, client_message_id) turns a racing duplicate into a conflict.

#include "server/core/result.h"
#include "server/storage/conversationstore.h"

#include <QJsonObject>

#include <optional>

namespace joxai {

// A customer message stored under a retry key.
struct KeyedMessage
{
    ChatMessage message;
    std::optional<QJsonObject> answer; // none: stored, never answered (the turn was cut short)
};

namespace ClientMessageStore {

Result<std::optional<KeyedMessage>> find(SqlSession &s, qint64 conversationId, const QString &clientMessageId);
// Keeps `answer` with the message, inside the caller's transaction (the one storing the reply).
// False when the message already has one: another attempt answered it first, and the caller
// rolls back its own reply (one message, one reply, even across server instances).
Result<bool> recordAnswer(SqlSession &s, qint64 messageId, const QJsonObject &answer);

} // namespace ClientMessageStore

} // namespace joxai
