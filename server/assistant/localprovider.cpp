#include "server/assistant/localprovider.h"

#include "server/assistant/articleexcerpt.h"
#include "server/assistant/assistanttexts.h"

namespace joxai {

namespace {

AssistantReply localReply(const QString &text, bool answered)
{
    AssistantReply reply;
    reply.text = text;
    reply.answered = answered;
    reply.provider = QStringLiteral("local");
    reply.model = QStringLiteral("local-retrieval");
    return reply;
}

bool sameLanguage(const KnowledgeMatch &match, const QString &language)
{
    return match.language.isEmpty() || AssistantTexts::language(match.language) == language;
}

} // namespace

LocalProvider::LocalProvider(double minScore) : m_minScore(minScore) {}

QString LocalProvider::name() const
{
    return QStringLiteral("local");
}

void LocalProvider::reply(const AssistantRequest &request, Done done)
{
    done(answer(request));
}

AssistantReply LocalProvider::answer(const AssistantRequest &request) const
{
    const QString language = AssistantTexts::language(request.language);
    switch (request.intent) {
    case Intent::Greeting:
        return localReply(AssistantTexts::greetingReply(language), true);
    case Intent::Thanks:
        return localReply(AssistantTexts::thanksReply(language), true);
    case Intent::Human:
        return localReply(AssistantTexts::escalationNotice(language), true);
    case Intent::Balance:
        return localReply(AssistantTexts::balanceHelp(language), true);
    default:
        break;
    }

    // The best usable article, preferring one in the conversation's language; its excerpt must
    // say something (an article of headings only does not).
    const KnowledgeMatch *best = nullptr;
    QString excerpt;
    for (int pass = 0; pass < 2 && !best; ++pass) {
        for (const KnowledgeMatch &match : request.matches) {
            if (match.score < m_minScore || match.score <= 0)
                continue;
            if (pass == 0 && !sameLanguage(match, language))
                continue;
            excerpt = ArticleExcerpt::make(match.content, request.question, kExcerptChars);
            if (!excerpt.isEmpty()) {
                best = &match;
                break;
            }
        }
    }

    if (!best) {
        if (request.intent == Intent::CardLost)
            return localReply(AssistantTexts::cardLostHelp(language), true);
        if (request.intent == Intent::Fraud)
            return localReply(AssistantTexts::fraudHelp(language), true);
        return localReply(AssistantTexts::dontKnow(language), false);
    }

    AssistantReply reply = localReply(excerpt, true);
    reply.sources.append({best->id, best->title});
    if (!sameLanguage(*best, language))
        reply.text += QStringLiteral("\n\n") + AssistantTexts::otherLanguageNote(language);

    for (const KnowledgeMatch &match : request.matches) {
        if (&match == best || match.id == best->id || match.score < m_minScore
            || match.score < best->score * kSeeAlsoShare || !sameLanguage(match, language))
            continue;
        reply.text += QStringLiteral("\n\n") + AssistantTexts::seeAlso(language, match.title);
        reply.sources.append({match.id, match.title});
        break;
    }
    return reply;
}

} // namespace joxai
