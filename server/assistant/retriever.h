#pragma once
// Knowledge retrieval: the one ranking both the assistant (every chat message) and the staff search
// endpoint (POST /api/v1/knowledge/search) use, so staff see exactly what the assistant sees.
//
// Published articles only; the conversation's language first, English when nothing in that
// language matches; best first with a score (BM25F over title, tags and content; higher is
// better, comparable within one answer). Identical order and scores on SQLite and PostgreSQL:
// the database only finds candidates, the score is computed in C++ (KnowledgeStore::search and
// KnowledgeRanker explain how). A question of stop words only ("hello", "what is it") matches
// nothing. Safe on any worker thread; one round trip per call once the articles are memoised.

#include "server/assistant/assistanttypes.h"
#include "server/core/result.h"

#include <QList>
#include <QString>

namespace joxai {

class SqlSession;

class Retriever final
{
public:
    // `language`: "en", "fr", "fr-FR"...; empty or unknown codes mean English. `limit` is capped
    // at 200.
    static Result<QList<KnowledgeMatch>> retrieve(
        SqlSession &s, const QString &question, const QString &language, int limit = 3);
};

} // namespace joxai
