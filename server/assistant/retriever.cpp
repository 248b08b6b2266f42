#include "server/assistant/retriever.h"

#include "server/storage/knowledgestore.h"

namespace joxai {

Result<QList<KnowledgeMatch>> Retriever::retrieve(
    SqlSession &s, const QString &question, const QString &language, int limit)
{
    auto hits = KnowledgeStore::search(s, question, language, qBound(0, limit, 200));
    if (!hits)
        return hits.error();
    QList<KnowledgeMatch> matches;
    matches.reserve(hits->size());
    for (const KnowledgeHit &h : hits.value())
        matches.append({ h.id, h.title, h.content, h.category, h.language, h.score });
    return matches;
}

} // namespace joxai
