#pragma once
// The customer side of a conversation: start (anonymous or verified), accept a message (stored and
// committed before anything answers it), record the assistant's reply, the customer's own
// escalation, rating, close, and the customer-visible transcript. Runs on worker threads; every
// state change writes its events in the same transaction (the route kicks the EventBus after).

#include "server/assistant/assistanttypes.h"
#include "server/core/page.h"
#include "server/storage/conversationstore.h"

#include <functional>
#include <optional>

namespace joxai {

class EscalationService;
struct EscalationDecision;
class IdentityToken;

struct ChatStart
{
    QString customerName;
    QString customerEmail;
    QString language = QStringLiteral("en");
    QJsonObject metadata;
    QString identityToken;
};

struct StartedChat
{
    Conversation conversation;
    QString sessionToken; // given to the customer once; only its hash is stored
    QString greeting;
};

// What accepting a customer's message left to do.
struct CustomerTurn
{
    Conversation conversation;
    ChatMessage customerMessage;
    bool needsReply = false;      // the assistant has the conversation: answer `request`
    AssistantRequest request;
    bool escalated = false;       // escalated before any reply (a person was asked for, a lost card, ...)
    std::optional<ChatMessage> notice; // the system message telling the customer about the escalation
    std::optional<QJsonObject> replayed; // a repeat of a keyed message already answered: that answer
};

// The answer to POST /chat/message.
struct ChatOutcome
{
    Conversation conversation;
    qint64 messageId = 0;         // the customer's message
    std::optional<ChatMessage> response; // the assistant's (or the system's) answer; none while a person has it
    bool escalated = false;
    QList<SourceRef> sources;
    bool fallback = false;
    bool raisedEvents = false;    // committed events: the EventBus should deliver them
    std::optional<QJsonObject> replayed; // a repeat of a keyed message: the first attempt's answer, sent as is
};

class ChatService final
{
public:
    ChatService(const IdentityToken &identity, const EscalationService &escalation);

    Result<StartedChat> start(SqlSession &s, const ChatStart &request) const;
    // The conversation behind `publicId` if `sessionToken` opens it; 404 conversation_not_found
    // otherwise (also for a malformed id), so nobody learns whether someone else's id exists.
    Result<Conversation> open(SqlSession &s, const QString &publicId, const QString &sessionToken) const;

    // Stores the customer's message (redacted) and commits it. While the assistant has the
    // conversation it also decides on an immediate escalation, or prepares the assistant's request
    // (retrieval, recent history). 409 conversation_closed for a closed conversation.
    // `withHistory`: load the recent turns for a provider that reads them (remote ones).
    // `clientMessageId` (optional) is the customer's retry key: a repeat of a stored message is not
    // stored again but replayed (`replayed`, when it has its answer) or answered now (when the
    // first attempt was cut short before the reply); 409 idempotency_conflict when its text
    // differs, 409 idempotency_in_progress when another attempt is storing it this very moment.
    Result<CustomerTurn> acceptMessage(SqlSession &s, const QString &publicId, const QString &sessionToken,
                                       const QString &text, bool withHistory = true,
                                       const QString &clientMessageId = {}) const;
    // Stores the assistant's reply with its usage, and escalates after two unanswered turns.
    Result<ChatOutcome> recordReply(SqlSession &s, const CustomerTurn &turn, const AssistantReply &reply) const;
    // The whole turn when the assistant answers on this worker thread (the local provider): the
    // customer's message and `answer`'s reply are committed together, so a turn cut short (the
    // database going away mid-turn) leaves neither, and the customer's retry after the 503 is no
    // duplicate. (A remote provider answers later, so acceptMessage commits the message first.)
    // Turns that need no reply are stored as acceptMessage does.
    // `clientMessageId` as for acceptMessage.
    Result<ChatOutcome> answerOnWorker(SqlSession &s, const QString &publicId, const QString &sessionToken,
        const QString &text, const std::function<AssistantReply(const AssistantRequest &)> &answer,
        const QString &clientMessageId = {}) const;
    // The answer when no assistant reply was needed (escalated, a person has the conversation, or
    // a repeat of an answered keyed message).
    static ChatOutcome withoutReply(const CustomerTurn &turn);
    // 1-64 of [A-Za-z0-9_-].
    static bool isClientMessageId(const QString &key);
    static constexpr int kMaxClientMessageIdLength = 64;

    // "Talk to a person": works in every state (a closed conversation reopens).
    Result<Conversation> escalate(SqlSession &s, const QString &publicId, const QString &sessionToken,
                                  const QString &reason) const;
    // 409 already_rated for a second rating.
    Result<Conversation> rate(SqlSession &s, const QString &publicId, const QString &sessionToken, int score,
                              const QString &comment) const;
    // Closes the conversation; with `transcriptTo` the transcript is queued for e-mail.
    Result<Conversation> close(SqlSession &s, const QString &publicId, const QString &sessionToken,
                               const QString &transcriptTo) const;
    Result<Page<ChatMessage>> messagesAfter(SqlSession &s, const QString &publicId, const QString &sessionToken,
                                            qint64 afterId, const PageRequest &page) const;

    static constexpr int kMaxMessageLength = 4000;
    static constexpr int kHistoryTurns = 6;
    static constexpr int kRetrievedArticles = 3;

    static QString normalizedLanguage(const QString &language); // "fr-CA" → "fr"; empty → "en"
    static bool isConversationId(const QString &publicId);

private:
    // Opens the conversation and decides what the message calls for; stores nothing.
    // With a retry key it first looks for an earlier attempt: answered → `replayed`; stored
    // without an answer → `customerMessage` is that message (answered, not stored again).
    Result<CustomerTurn> readTurn(SqlSession &s, const QString &publicId, const QString &sessionToken,
        const QString &text, const QString &clientMessageId, Intent &intent, EscalationDecision &now) const;
    // Stores the turn's customer message unless an earlier attempt already did.
    static Result<CustomerTurn> storeCustomerMessage(SqlSession &s, CustomerTurn turn);
    // After `failure` storing a keyed message: a racing attempt stored it first (the unique index
    // or keepAnswer said so) → its answer, or 409 idempotency_in_progress while it has none;
    // other failures as they are.
    static Result<CustomerTurn> afterRace(SqlSession &s, CustomerTurn turn, const Error &failure);
    // Stores a turn no assistant answers (a person has it, or it escalates now) in one transaction.
    Result<CustomerTurn> storeWithoutReply(
        SqlSession &s, CustomerTurn turn, const EscalationDecision &now) const;
    // recordReply's writes, inside the caller's transaction.
    Result<ChatOutcome> storeReply(
        SqlSession &s, const CustomerTurn &turn, const AssistantReply &reply) const;
    static Result<QString> greetingFor(SqlSession &s, const QString &language);
    static Result<CustomerTurn> prepareRequest(SqlSession &s, CustomerTurn turn, Intent intent, bool withHistory);

    const IdentityToken &m_identity;
    const EscalationService &m_escalation;
};

} // namespace joxai
