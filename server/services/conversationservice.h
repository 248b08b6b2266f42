#pragma once
// Conversations as staff handle them (shared/API.md "conversations"): lists, detail with the
// transcript and internal notes, takeover (one owner: of two at once, one wins and the other gets
// 409), assign, release back to the assistant, staff messages and notes, typing, close.
// Agents reach their own and unassigned conversations (others are 404); supervisors and admins
// reach all. Every change of owner or status is audited and raises its events.

#include "server/core/roles.h"
#include "server/storage/conversationstore.h"

namespace joxai {

struct StaffConversation
{
    Conversation conversation;
    QList<ChatMessage> messages; // with internal notes
    qint64 ticketId = 0;         // the open ticket, if any
};

class ConversationService final
{
public:
    Result<Page<Conversation>> list(SqlSession &s, const Principal &who, ConversationFilter filter) const;
    Result<StaffConversation> detail(SqlSession &s, const Principal &who, const QString &publicId) const;
    Result<Conversation> takeOver(SqlSession &s, const Principal &who, const QString &publicId) const;
    Result<Conversation> assign(SqlSession &s, const Principal &who, const QString &publicId, qint64 userId) const;
    Result<Conversation> release(SqlSession &s, const Principal &who, const QString &publicId) const;
    Result<ChatMessage> postMessage(SqlSession &s, const Principal &who, const QString &publicId, const QString &body,
                                    bool internal) const;
    Status typing(SqlSession &s, const Principal &who, const QString &publicId) const;
    Result<Conversation> close(SqlSession &s, const Principal &who, const QString &publicId) const;

private:
    // The conversation if `who` may see it; 404 otherwise.
    static Result<Conversation> visible(SqlSession &s, const Principal &who, const QString &publicId);
    // …and may act in it: its owner, or a supervisor/admin. 409 not_owner otherwise.
    static Result<Conversation> owned(SqlSession &s, const Principal &who, const QString &publicId);
};

} // namespace joxai
