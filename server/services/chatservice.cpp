#include "server/services/chatservice.h"

#include "server/assistant/assistanttexts.h"
#include "server/assistant/escalationpolicy.h"
#include "server/assistant/intentclassifier.h"
#include "server/assistant/redactor.h"
#include "server/assistant/retriever.h"
#include "server/auth/cryptoutil.h"
#include "server/auth/identitytoken.h"
#include "server/mail/transcriptmail.h"
#include "server/services/chatanswer.h"
#include "server/services/chatevents.h"
#include "server/services/escalationservice.h"
#include "server/services/settingdefinitions.h"
#include "server/services/settingsservice.h"
#include "server/storage/clientmessagestore.h"
#include "server/storage/customerstore.h"
#include "server/storage/mailoutboxstore.h"

#include <QRegularExpression>
#include <QUuid>

namespace joxai {

namespace {

Error notFound()
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("conversation_not_found"),
                       QStringLiteral("No such conversation, or the session token does not open it."));
}

Error closedConversation()
{
    return Error::make(ErrorKind::Conflict, QStringLiteral("conversation_closed"),
                       QStringLiteral("This conversation is closed; start a new one."));
}

Error keyReusedForOtherText()
{
    return Error::make(ErrorKind::Conflict, QStringLiteral("idempotency_conflict"),
                       QStringLiteral("This client_message_id was already used for a different message in this "
                                      "conversation; use a new one for a new message."));
}

Error keyInProgress()
{
    Error e = Error::make(ErrorKind::Conflict, QStringLiteral("idempotency_in_progress"),
                          QStringLiteral("This message is being answered by an earlier attempt; send it again shortly."));
    e.retryAfterSeconds = 1;
    return e;
}

// The earlier attempt stored under the turn's key, if any; 409 when the customer's text differs.
Result<std::optional<KeyedMessage>> earlierAttempt(SqlSession &s, const CustomerTurn &turn)
{
    auto found = ClientMessageStore::find(s, turn.conversation.id, turn.customerMessage.clientMessageId);
    if (!found)
        return found.error();
    if (found->has_value() && found->value().message.body != turn.customerMessage.body)
        return keyReusedForOtherText();
    return found;
}

// Keeps the answer a keyed message got, in the transaction storing it, for its repeats.
Status keepAnswer(SqlSession &s, const ChatOutcome &outcome, const ChatMessage &customerMessage)
{
    if (customerMessage.clientMessageId.isEmpty())
        return success();
    auto recorded = ClientMessageStore::recordAnswer(s, customerMessage.id, ChatAnswer::toJson(outcome));
    if (!recorded)
        return recorded.error();
    if (!recorded.value()) // another attempt answered it first: afterRace replays that answer
        return Error::make(ErrorKind::Conflict, QStringLiteral("conflict"),
                           QStringLiteral("This message was answered by another attempt."));
    return success();
}

QByteArray tokenHash(const QString &token)
{
    return crypto::sha256(token.toUtf8()).toHex();
}

// A version 4 UUID from the system's CSPRNG.
QString newConversationId()
{
    QByteArray bytes = crypto::randomBytes(16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QJsonArray sourcesJson(const QList<SourceRef> &sources)
{
    QJsonArray out;
    for (const SourceRef &ref : sources)
        out.append(QJsonObject{{QStringLiteral("id"), ref.id}, {QStringLiteral("title"), ref.title}});
    return out;
}

QList<AssistantTurn> turnsOf(const QList<ChatMessage> &messages, qint64 skipId)
{
    QList<AssistantTurn> turns;
    for (const ChatMessage &m : messages) {
        if (m.id != skipId)
            turns << AssistantTurn{m.sender, m.body};
    }
    return turns;
}

} // namespace

ChatService::ChatService(const IdentityToken &identity, const EscalationService &escalation)
    : m_identity(identity), m_escalation(escalation)
{
}

QString ChatService::normalizedLanguage(const QString &language)
{
    const QString primary = language.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    return primary.isEmpty() ? QStringLiteral("en") : primary;
}

bool ChatService::isClientMessageId(const QString &key)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return allowed.match(key).hasMatch();
}

bool ChatService::isConversationId(const QString &publicId)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return uuid.match(publicId).hasMatch();
}

Result<QString> ChatService::greetingFor(SqlSession &s, const QString &language)
{
    const QString key = QStringLiteral("greeting_") + language;
    if (findSetting(systemSettingDefinitions(), key)) {
        auto configured = SettingsService::systemValue(s, key);
        if (!configured)
            return configured.error();
        if (!configured->toString().trimmed().isEmpty())
            return configured->toString();
    }
    return AssistantTexts::greeting(language);
}

Result<StartedChat> ChatService::start(SqlSession &s, const ChatStart &request) const
{
    NewConversation c;
    c.language = normalizedLanguage(request.language);
    c.customerName = request.customerName;
    c.customerEmail = request.customerEmail;
    c.metadata = request.metadata;
    std::optional<VerifiedIdentity> identity;
    if (!request.identityToken.isEmpty()) {
        auto verified = m_identity.verify(request.identityToken);
        if (!verified)
            return verified.error();
        identity = verified.value();
    }
    auto greeting = greetingFor(s, c.language);
    if (!greeting)
        return greeting.error();
    const QString sessionToken = QString::fromLatin1(crypto::randomToken(32));
    c.sessionTokenHash = tokenHash(sessionToken);
    c.publicId = newConversationId();

    return s.transaction<StartedChat>([&]() -> Result<StartedChat> {
        if (identity) {
            auto customer = CustomerStore::findOrCreateByRef(s, identity->customerRef, c.customerName, c.customerEmail);
            if (!customer)
                return customer.error();
            c.customerId = customer.value();
            c.verified = true;
        }
        auto created = ConversationStore::create(s, c);
        if (!created)
            return created.error();
        ChatMessage hello;
        hello.conversationId = created->id;
        hello.sender = QStringLiteral("assistant");
        hello.body = greeting.value();
        if (auto stored = ConversationStore::addMessage(s, hello); !stored)
            return stored.error();
        if (auto e = ChatEvents::conversationCreated(s, created.value()); !e)
            return e.error();
        return StartedChat{created.value(), sessionToken, greeting.value()};
    });
}

Result<Conversation> ChatService::open(SqlSession &s, const QString &publicId, const QString &sessionToken) const
{
    if (!isConversationId(publicId) || sessionToken.isEmpty() || sessionToken.size() > 200)
        return notFound();
    auto found = ConversationStore::byPublicId(s, publicId);
    if (!found)
        return found.error();
    if (!found->has_value() || !crypto::constantTimeEquals(found->value().sessionTokenHash, tokenHash(sessionToken)))
        return notFound();
    return found->value();
}

Result<CustomerTurn> ChatService::readTurn(SqlSession &s, const QString &publicId,
    const QString &sessionToken, const QString &text, const QString &clientMessageId, Intent &intent,
    EscalationDecision &now) const
{
    auto opened = open(s, publicId, sessionToken);
    if (!opened)
        return opened.error();

    CustomerTurn turn;
    turn.conversation = opened.value();
    turn.customerMessage.conversationId = turn.conversation.id;
    turn.customerMessage.sender = QStringLiteral("customer");
    turn.customerMessage.body = Redactor::mask(text);
    turn.customerMessage.clientMessageId = clientMessageId;
    if (!clientMessageId.isEmpty()) {
        auto earlier = earlierAttempt(s, turn);
        if (!earlier)
            return earlier.error();
        if (earlier->has_value()) {
            // Answered: the same answer again, even if the conversation has closed since.
            if (earlier->value().answer) {
                turn.replayed = earlier->value().answer;
                return turn;
            }
            turn.customerMessage = earlier->value().message; // cut short before its reply: answer it now
        }
    }
    if (turn.conversation.status == QLatin1String("closed"))
        return closedConversation();
    const bool withAssistant = turn.conversation.status == QLatin1String("bot");
    intent = withAssistant ? IntentClassifier::classify(turn.customerMessage.body) : Intent::None;
    now = withAssistant ? EscalationPolicy::beforeReply(
              intent, IntentClassifier::isStronglyNegative(turn.customerMessage.body))
                        : EscalationDecision {};
    return turn;
}

namespace {

// The assistant's everyday turn: it has the conversation and nothing hands it to a person first.
bool assistantAnswers(const CustomerTurn &turn, const EscalationDecision &now)
{
    return turn.conversation.status == QLatin1String("bot") && !now.escalate;
}

} // namespace

Result<CustomerTurn> ChatService::storeWithoutReply(
    SqlSession &s, CustomerTurn turn, const EscalationDecision &now) const
{
    const CustomerTurn before = turn;
    auto stored = s.transaction<bool>([&]() -> Result<bool> {
        auto message = storeCustomerMessage(s, turn);
        if (!message)
            return message.error();
        turn = message.value();
        if (!now.escalate) {
            // A person has it (or it waits for one): they see the message live.
            if (auto e = ChatEvents::messageCreated(s, turn.conversation, turn.customerMessage); !e)
                return e.error();
            if (auto kept = keepAnswer(s, withoutReply(turn), turn.customerMessage); !kept)
                return kept.error();
            return true;
        }
        auto escalated = m_escalation.escalate(s, turn.conversation, now.reason, now.priority);
        if (!escalated)
            return escalated.error();
        turn.conversation = escalated->conversation;
        turn.notice = escalated->notice;
        turn.escalated = true;
        if (auto kept = keepAnswer(s, withoutReply(turn), turn.customerMessage); !kept)
            return kept.error();
        return true;
    });
    if (!stored)
        return afterRace(s, before, stored.error());
    return turn;
}

Result<CustomerTurn> ChatService::acceptMessage(SqlSession &s, const QString &publicId,
    const QString &sessionToken, const QString &text, bool withHistory, const QString &clientMessageId) const
{
    Intent intent = Intent::None;
    EscalationDecision now;
    auto turn = readTurn(s, publicId, sessionToken, text, clientMessageId, intent, now);
    if (!turn)
        return turn.error();
    if (turn->replayed)
        return turn;
    if (!assistantAnswers(turn.value(), now))
        return storeWithoutReply(s, std::move(turn.value()), now);
    // The customer's message is committed before anything answers it (a remote provider answers
    // later, on another thread); alone it is one statement, committed by itself.
    auto message = storeCustomerMessage(s, turn.value());
    if (!message)
        return afterRace(s, turn.value(), message.error());
    return prepareRequest(s, std::move(message.value()), intent, withHistory);
}

Result<ChatOutcome> ChatService::answerOnWorker(SqlSession &s, const QString &publicId,
    const QString &sessionToken, const QString &text,
    const std::function<AssistantReply(const AssistantRequest &)> &answer, const QString &clientMessageId) const
{
    Intent intent = Intent::None;
    EscalationDecision now;
    auto turn = readTurn(s, publicId, sessionToken, text, clientMessageId, intent, now);
    if (!turn)
        return turn.error();
    if (turn->replayed)
        return withoutReply(turn.value());
    if (!assistantAnswers(turn.value(), now)) {
        auto stored = storeWithoutReply(s, std::move(turn.value()), now);
        if (!stored)
            return stored.error();
        return withoutReply(stored.value());
    }
    // Retrieval reads only the text, so it comes before the message is stored; the local
    // provider reads no history. The answer is computed outside the transaction, which stays short.
    auto prepared = prepareRequest(s, std::move(turn.value()), intent, false);
    if (!prepared)
        return prepared.error();
    const AssistantReply reply = answer(prepared->request);
    auto outcome = s.transaction<ChatOutcome>([&]() -> Result<ChatOutcome> {
        auto message = storeCustomerMessage(s, prepared.value());
        if (!message)
            return message.error();
        return storeReply(s, message.value(), reply);
    });
    if (outcome)
        return outcome;
    auto raced = afterRace(s, prepared.value(), outcome.error());
    if (!raced)
        return raced.error();
    return withoutReply(raced.value());
}

Result<CustomerTurn> ChatService::storeCustomerMessage(SqlSession &s, CustomerTurn turn)
{
    if (turn.customerMessage.id != 0)
        return turn;
    auto message = ConversationStore::addMessage(s, turn.customerMessage);
    if (!message)
        return message.error();
    turn.customerMessage = message.value();
    return turn;
}

Result<CustomerTurn> ChatService::afterRace(SqlSession &s, CustomerTurn turn, const Error &failure)
{
    // A keyed message conflicts when a racing attempt inserted it first (the unique index) or
    // answered it first (keepAnswer); the transaction that failed is rolled back, so this reads
    // what the winner committed.
    if (failure.kind != ErrorKind::Conflict || failure.code != QLatin1String("conflict")
        || turn.customerMessage.clientMessageId.isEmpty())
        return failure;
    auto earlier = earlierAttempt(s, turn);
    if (!earlier)
        return earlier.error();
    if (!earlier->has_value())
        return failure;
    if (!earlier->value().answer)
        return keyInProgress();
    turn.replayed = earlier->value().answer;
    return turn;
}

Result<CustomerTurn> ChatService::prepareRequest(SqlSession &s, CustomerTurn turn, Intent intent, bool withHistory)
{
    turn.needsReply = true;
    turn.request.conversationId = turn.conversation.publicId;
    turn.request.language = turn.conversation.language;
    turn.request.verified = turn.conversation.verified;
    turn.request.question = turn.customerMessage.body;
    turn.request.intent = intent;
    auto matches = Retriever::retrieve(s, turn.customerMessage.body, turn.conversation.language, kRetrievedArticles);
    if (!matches)
        return matches.error();
    turn.request.matches = matches.value();
    if (withHistory) {
        auto history = ConversationStore::recentMessages(s, turn.conversation.id, kHistoryTurns + 1);
        if (!history)
            return history.error();
        turn.request.history = turnsOf(history.value(), turn.customerMessage.id);
    }
    return turn;
}

Result<ChatOutcome> ChatService::recordReply(SqlSession &s, const CustomerTurn &turn, const AssistantReply &reply) const
{
    auto outcome = s.transaction<ChatOutcome>([&]() { return storeReply(s, turn, reply); });
    if (outcome)
        return outcome;
    auto raced = afterRace(s, turn, outcome.error());
    if (!raced)
        return raced.error();
    return withoutReply(raced.value());
}

Result<ChatOutcome> ChatService::storeReply(
    SqlSession &s, const CustomerTurn &turn, const AssistantReply &reply) const
{
    ChatOutcome out;
    out.conversation = turn.conversation;
    out.messageId = turn.customerMessage.id;
    out.sources = reply.sources;
    out.fallback = reply.fallback;
    ChatMessage answer;
    answer.conversationId = turn.conversation.id;
    answer.sender = QStringLiteral("assistant");
    answer.body = Redactor::mask(reply.text); // a provider may echo what it was given
    answer.sources = sourcesJson(reply.sources);

    auto stored = ConversationStore::addMessage(s, answer);
    if (!stored)
        return stored.error();
    out.response = stored.value();
    if (auto usage = ConversationStore::recordUsage(s, turn.conversation.id, reply.provider, reply.model,
            reply.tokensIn, reply.tokensOut, reply.latencyMs, reply.costUsd, reply.cacheHit, reply.fallback);
        !usage)
        return usage.error();
    Conversation &c = out.conversation;
    const int streak = reply.answered ? 0 : c.unansweredStreak + 1;
    const EscalationDecision later = EscalationPolicy::afterReply(streak);
    if (later.escalate) {
        auto escalated = m_escalation.escalate(s, c, later.reason, later.priority);
        if (!escalated)
            return escalated.error();
        c = escalated->conversation;
        out.escalated = true;
        out.raisedEvents = true;
        if (auto kept = keepAnswer(s, out, turn.customerMessage); !kept)
            return kept.error();
        return out;
    }
    if (reply.fallback && !c.aiFallback) {
        c.aiFallback = true;
        c.unansweredStreak = streak;
        if (auto updated = ConversationStore::update(s, c); !updated)
            return updated.error();
    } else if (streak != c.unansweredStreak) {
        c.unansweredStreak = streak;
        if (auto updated = ConversationStore::setUnansweredStreak(s, c.id, streak); !updated)
            return updated.error();
    }
    if (auto kept = keepAnswer(s, out, turn.customerMessage); !kept)
        return kept.error();
    return out;
}

ChatOutcome ChatService::withoutReply(const CustomerTurn &turn)
{
    ChatOutcome out;
    out.conversation = turn.conversation;
    out.messageId = turn.customerMessage.id;
    out.response = turn.notice;
    out.escalated = turn.escalated;
    out.replayed = turn.replayed;
    // The escalation's events, or the message for the person who has it; a replay raised none.
    out.raisedEvents = !turn.replayed;
    return out;
}

Result<Conversation> ChatService::escalate(SqlSession &s, const QString &publicId, const QString &sessionToken,
                                           const QString &reason) const
{
    auto opened = open(s, publicId, sessionToken);
    if (!opened)
        return opened.error();
    // Already with people: asking again changes nothing (and opens no second ticket).
    if (opened->status == QLatin1String("waiting") || opened->status == QLatin1String("agent"))
        return opened.value();
    const QString note = Redactor::mask(reason);
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        auto escalated = m_escalation.escalate(s, opened.value(), QStringLiteral("customer_request"),
                                               QStringLiteral("normal"), note);
        if (!escalated)
            return escalated.error();
        return escalated->conversation;
    });
}

Result<Conversation> ChatService::rate(SqlSession &s, const QString &publicId, const QString &sessionToken, int score,
                                       const QString &comment) const
{
    auto opened = open(s, publicId, sessionToken);
    if (!opened)
        return opened.error();
    auto rated = ConversationStore::rateOnce(s, opened->id, score, Redactor::mask(comment));
    if (!rated)
        return rated.error();
    if (!rated.value())
        return Error::make(ErrorKind::Conflict, QStringLiteral("already_rated"),
                           QStringLiteral("This conversation has already been rated."));
    Conversation c = opened.value();
    c.rating = score;
    c.ratingComment = comment;
    return c;
}

Result<Conversation> ChatService::close(SqlSession &s, const QString &publicId, const QString &sessionToken,
                                        const QString &transcriptTo) const
{
    auto opened = open(s, publicId, sessionToken);
    if (!opened)
        return opened.error();
    if (opened->status == QLatin1String("closed") && transcriptTo.isEmpty())
        return opened.value();
    return s.transaction<Conversation>([&]() -> Result<Conversation> {
        const Conversation before = opened.value();
        Conversation c = before;
        if (c.status != QLatin1String("closed")) {
            c.status = QStringLiteral("closed");
            c.closedAt = QDateTime::currentDateTimeUtc();
            if (auto updated = ConversationStore::update(s, c); !updated)
                return updated.error();
            ChatMessage bye;
            bye.conversationId = c.id;
            bye.sender = QStringLiteral("system");
            bye.body = AssistantTexts::closedNotice(c.language);
            if (auto stored = ConversationStore::addMessage(s, bye); !stored)
                return stored.error();
            if (auto e = ChatEvents::conversationUpdated(s, before, c); !e)
                return e.error();
        }
        if (!transcriptTo.isEmpty()) {
            auto all = ConversationStore::messagesAfter(s, c.id, 0, false, PageRequest{100000, 0});
            if (!all)
                return all.error();
            auto queued = MailOutboxStore::enqueue(s, transcriptTo, TranscriptMail::subject(c.language),
                                                   TranscriptMail::body(c.language, all->items), c.id);
            if (!queued)
                return queued.error();
        }
        return c;
    });
}

Result<Page<ChatMessage>> ChatService::messagesAfter(SqlSession &s, const QString &publicId,
                                                     const QString &sessionToken, qint64 afterId,
                                                     const PageRequest &page) const
{
    auto opened = open(s, publicId, sessionToken);
    if (!opened)
        return opened.error();
    return ConversationStore::messagesAfter(s, opened->id, afterId, false, page);
}

} // namespace joxai
