#pragma once
// The default knowledge base (resources/knowledge/<language>.json, compiled in): retail-banking
// articles in English and French, so a fresh server answers everyday questions out of the box.
// Loaded once, into an empty knowledge table only, as published version 1 (with its
// knowledge_versions row); a base that staff have touched, even emptied by archiving, is left alone.

#include "server/core/result.h"
#include "server/storage/knowledgestore.h"
#include "server/storage/sqlsession.h"

namespace joxai {

class KnowledgeSeeder final
{
public:
    // The articles of every <language>.json under `folder` (language from the file name), in file
    // and array order. Internal error when a file is unreadable or an article lacks title or content.
    static Result<QList<NewArticle>> defaults(const QString &folder = QStringLiteral(":/knowledge"));

    // Inserts the defaults as published when knowledge_articles is empty (one transaction; on
    // PostgreSQL under a table lock, so instances starting together load them once); also fills
    // the search terms of articles older than migration 0003. Answers how many were inserted.
    static Result<int> seed(SqlSession &s, const QString &folder = QStringLiteral(":/knowledge"));
};

} // namespace joxai
