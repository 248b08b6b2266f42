#pragma once
// The knowledge base rules (shared/API.md "knowledge", issue 4):
// - every staff member reads (articles, versions, search); supervisors and admins write; import and
//   export are for admins;
// - articles move draft → in_review (submit) → published (approve) → archived (DELETE); a reject
//   sends an article in review back to draft with a reason; an edit of any article makes it a
//   draft again, so changed text reaches the assistant only after a review;
// - four eyes: nobody approves an article they last edited or submitted (403 `four_eyes`), unless
//   the system setting `knowledge_four_eyes` is off;
// - every change names the version it was based on where the client gives one (PUT must), and a
//   stale one is 409 `stale_version`; every change is kept in knowledge_versions and audited
//   (knowledge.create|update|submit|approve|reject|archive|import|export) in the same transaction;
// - search answers exactly what Retriever gives the assistant.

#include "server/assistant/assistanttypes.h"
#include "server/core/page.h"
#include "server/core/roles.h"
#include "server/storage/knowledgestore.h"

namespace joxai {

class KnowledgeService final
{
public:
    static constexpr int kMaxImport = 1000;

    Result<Page<KnowledgeArticle>> list(
        SqlSession &s, const Principal &who, const ArticleFilter &filter) const;
    Result<KnowledgeArticle> get(SqlSession &s, const Principal &who, qint64 id) const;
    Result<Page<ArticleVersion>> versions(
        SqlSession &s, const Principal &who, qint64 id, const PageRequest &page) const;
    // Ranked matches, best first (at most 200), exactly as Retriever::retrieve answers them.
    Result<QList<KnowledgeMatch>> search(
        SqlSession &s, const Principal &who, const QString &question, const QString &language) const;

    // A new article is a draft by the caller.
    Result<KnowledgeArticle> create(SqlSession &s, const Principal &who, NewArticle article) const;
    Result<KnowledgeArticle> update(
        SqlSession &s, const Principal &who, qint64 id, int version, ArticleChanges changes) const;
    // `version` 0: the client named none (the current one is used, still checked atomically).
    Result<KnowledgeArticle> submit(SqlSession &s, const Principal &who, qint64 id, int version) const;
    Result<KnowledgeArticle> approve(SqlSession &s, const Principal &who, qint64 id, int version) const;
    Result<KnowledgeArticle> reject(
        SqlSession &s, const Principal &who, qint64 id, int version, const QString &reason) const;
    // DELETE: the article is archived (kept with its history, out of the assistant's reach).
    Result<KnowledgeArticle> archive(SqlSession &s, const Principal &who, qint64 id, int version) const;

    // Admin: every article (optionally of one status), for an export file.
    Result<QList<KnowledgeArticle>> exportArticles(
        SqlSession &s, const Principal &who, const QString &status) const;
    // Admin: creates every article as a draft by the caller, all or none.
    Result<QList<KnowledgeArticle>> importArticles(
        SqlSession &s, const Principal &who, const QList<NewArticle> &articles) const;

    static Status requireWriter(const Principal &who);
    static Status requireAdmin(const Principal &who);

private:
    Result<KnowledgeArticle> transition(SqlSession &s, const Principal &who, qint64 id, int version,
        const QStringList &from, const QString &to, const QString &action, const QString &verb,
        const QString &note) const;
};

} // namespace joxai
