#pragma once
// SQL for conversations and their messages (customer chat and the staff views of it).
// Conversations are addressed from outside by their UUID `public_id`; the integer id stays inside.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace joxai {

struct Conversation
{
    qint64 id = 0;
    QString publicId;
    QByteArray sessionTokenHash; // SHA-256 of the customer's session token, hex
    qint64 customerId = 0;
    QString customerName;
    QString customerEmail;
    QString language = QStringLiteral("en");
    QString status = QStringLiteral("bot"); // bot | waiting | agent | closed
    qint64 assignedTo = 0;
    bool verified = false;
    QJsonObject metadata;
    bool aiFallback = false;
    int unansweredStreak = 0;
    QString escalationReason;
    QString priority = QStringLiteral("normal");
    QDateTime escalatedAt;
    QDateTime firstResponseAt;
    QDateTime closedAt;
    int rating = 0; // 0: not rated
    QString ratingComment;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct ChatMessage
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString sender; // customer | assistant | agent | system
    qint64 authorId = 0;
    QString body;
    bool internal = false;
    QJsonArray sources; // [{"id","title"}] for assistant answers
    QDateTime createdAt;
    QString clientMessageId; // a customer message's retry key (POST /chat/message); written, not read back
};

struct NewConversation
{
    QString publicId;
    QByteArray sessionTokenHash;
    qint64 customerId = 0;
    QString customerName;
    QString customerEmail;
    QString language;
    bool verified = false;
    QJsonObject metadata;
};

struct ConversationFilter
{
    QString status;               // empty: any
    enum class Assigned { Any, Nobody, User } assigned = Assigned::Any;
    qint64 assignedTo = 0;        // with Assigned::User
    QString search;               // customer name or e-mail, or the start of the conversation id
    qint64 onlyVisibleTo = 0;     // an agent: only theirs and unassigned ones
    PageRequest page;
};

class ConversationStore final
{
public:
    static Result<Conversation> create(SqlSession &s, const NewConversation &c);
    static Result<std::optional<Conversation>> byPublicId(SqlSession &s, const QString &publicId);
    static Result<std::optional<Conversation>> byId(SqlSession &s, qint64 id);

    // Newest activity first.
    static Result<Page<Conversation>> list(SqlSession &s, const ConversationFilter &filter);
    // Takes the conversation for `userId` only if nobody (or they) has it: false when someone else won.
    static Result<bool> claim(SqlSession &s, qint64 id, qint64 userId);

    static Result<ChatMessage> addMessage(SqlSession &s, ChatMessage message);
    // Messages after `afterId`, oldest first; internal notes only when asked for.
    static Result<Page<ChatMessage>> messagesAfter(SqlSession &s, qint64 conversationId, qint64 afterId,
                                                   bool withInternal, const PageRequest &page);
    // The last `count` customer-visible messages, oldest first (context for the assistant).
    static Result<QList<ChatMessage>> recentMessages(SqlSession &s, qint64 conversationId, int count);

    // Writes the mutable state of a conversation (status, assignee, streak, escalation, rating,
    // timestamps) and bumps updated_at.
    static Status update(SqlSession &s, const Conversation &c);
    // Sets the unanswered streak only (the assistant's hot path: one small UPDATE).
    static Status setUnansweredStreak(SqlSession &s, qint64 id, int streak);
    // Records the rating only if none was given yet; false when there already was one.
    static Result<bool> rateOnce(SqlSession &s, qint64 id, int score, const QString &comment);

    // The AI usage of one reply (analytics: requests, tokens, cost, cache hits, fallbacks).
    static Status recordUsage(SqlSession &s, qint64 conversationId, const QString &provider, const QString &model,
                              int tokensIn, int tokensOut, qint64 latencyMs, double costUsd, bool cacheHit,
                              bool fallback);
};

} // namespace joxai
