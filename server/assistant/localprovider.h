#pragma once
// The default provider: no network, deterministic, cheap. It answers from the retrieved articles
// (a short excerpt of the best one, with its sources), has its own replies for the intents where
// an article would be wrong (greeting, thanks, a request for a person, the balance — it never sees
// nor invents account data), and says plainly when it does not know (answered = false).
//
// answer() is const and touches no shared state: the chat service calls it on worker threads.
// reply() (the AiProvider interface) calls `done` at once with answer()'s reply.

#include "server/assistant/aiprovider.h"

namespace joxai {

class LocalProvider final : public AiProvider
{
public:
    // Scores are KnowledgeRanker's BM25F (unbounded, higher is better). Below 1.0 a match rests
    // on common words only (a term in half the articles scores about 0.7), which is no answer.
    static constexpr double kDefaultMinScore = 1.0;
    // A second article is offered as "see also" when it scores at least this share of the best.
    static constexpr double kSeeAlsoShare = 0.75;
    // The article excerpt's length; a "see also" line or a language note may follow it.
    static constexpr int kExcerptChars = 500;

    explicit LocalProvider(double minScore = kDefaultMinScore);

    QString name() const override;
    void reply(const AssistantRequest &request, Done done) override;

    AssistantReply answer(const AssistantRequest &request) const;

    double minScore() const { return m_minScore; }

private:
    double m_minScore;
};

} // namespace joxai
