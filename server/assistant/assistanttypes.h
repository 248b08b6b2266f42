#pragma once
// The vocabulary shared by the assistant's parts: what a provider is asked, what it answers,
// and what retrieval found. Plain values, so they cross threads (worker pool <-> main thread).

#include <QList>
#include <QString>

namespace joxai {

// Banking intents the local rules recognise (ARCHITECTURE.md "The assistant").
enum class Intent {
    None,
    Greeting,
    Thanks,
    Human,          // "talk to a person"
    Balance,
    CardLost,       // card lost or stolen
    Fraud,          // fraud or an unrecognised transaction
    Dispute,
    Complaint,
    Transfer,       // transfers and limits
    Fees,
    Hours,          // opening hours
    AccountOpening,
    Loans,
    Login,          // password / login help
};

// One published knowledge article as retrieval ranked it (best first; higher score is better).
struct KnowledgeMatch
{
    qint64 id = 0;
    QString title;
    QString content;  // Markdown
    QString category;
    QString language;
    double score = 0;
};

struct SourceRef
{
    qint64 id = 0;
    QString title;
};

// One earlier turn of the conversation, already redacted.
struct AssistantTurn
{
    QString sender;   // "customer", "assistant", "agent", "system"
    QString text;
};

// What a provider is asked to answer. Every text in it has been through the Redactor.
struct AssistantRequest
{
    QString conversationId;       // public UUID (for logs only)
    QString language = QStringLiteral("en"); // "en", "fr", ...
    bool verified = false;        // a verified customer; still: never invent account data
    QString question;             // the customer's message, redacted
    Intent intent = Intent::None;
    QList<AssistantTurn> history; // oldest first, at most a few turns
    QList<KnowledgeMatch> matches; // best first
};

struct AssistantReply
{
    QString text;
    QList<SourceRef> sources;
    bool answered = true;       // false: the assistant said it does not know (counts toward escalation)
    QString provider;           // "local", "anthropic", "openai"
    QString model;
    int tokensIn = 0;
    int tokensOut = 0;
    qint64 latencyMs = 0;
    double costUsd = 0;
    bool fallback = false;      // a remote provider failed and `local` answered instead
    bool cacheHit = false;
};

QString intentName(Intent intent);          // "card_lost", ...; "none" for Intent::None
Intent intentFromName(const QString &name); // Intent::None for unknown names

} // namespace joxai
