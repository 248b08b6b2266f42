#pragma once
// What a remote model is told: a system prompt with the bank's rules (answer only from the given
// articles; never invent or guess account data; say so and offer a person when the articles do not
// answer; the conversation's language; short) and the top knowledge articles, clipped; then the
// redacted conversation as alternating user/assistant messages ending with the customer's question.
// The same Prompt serves both wire formats (Anthropic: top-level `system`; OpenAI: a system message).

#include "server/assistant/assistanttypes.h"

#include <QList>
#include <QString>

namespace joxai {

struct PromptMessage
{
    QString role; // "user" or "assistant"
    QString content;
};

struct Prompt
{
    QString system;
    QList<PromptMessage> messages; // starts and ends with "user"; roles alternate
    QList<SourceRef> sources;      // the articles that were put into the context, best first
};

class PromptBuilder final
{
public:
    struct Limits
    {
        int maxArticles = 3;
        int maxArticleChars = 1500; // per article; longer content is cut at a word and marked
        int maxHistoryTurns = 6;
        int maxTurnChars = 1000;
    };

    PromptBuilder();
    explicit PromptBuilder(Limits limits);

    Prompt build(const AssistantRequest &request) const;

    // The model ends a reply that the articles could not answer with this tag; takeNoAnswerMarker
    // removes it and says whether it was there (such a reply counts as unanswered).
    static QString noAnswerMarker();
    static bool takeNoAnswerMarker(QString &text);

    static QString languageName(const QString &code); // "fr" -> "French"; unknown codes as given

private:
    QString systemPrompt(const AssistantRequest &request, QList<SourceRef> &sources) const;
    QList<PromptMessage> messages(const AssistantRequest &request) const;

    Limits m_limits;
};

} // namespace joxai
