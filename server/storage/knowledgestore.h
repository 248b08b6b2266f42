#pragma once
// SQL for the knowledge base: articles, their versions, and search.
//
// Every write bumps `version` (create = 1) and snapshots the resulting row into knowledge_versions
// with the acting user, so the versions list is the article's full history and every published
// state is kept. Writes that touch two tables (all of them) belong in the caller's transaction.
// Updates are optimistic: they name the version they were based on, and a different current
// version is 409 `stale_version`.
//
// search(): the question becomes KnowledgeText terms (stop words dropped, accents folded,
// stemmed); the database finds the candidates — published articles of the wanted language or
// English holding any of those terms, through its own full-text index over `search_doc` (FTS5 on
// SQLite, a GIN-indexed tsvector on PostgreSQL) with the terms bound as one parameter, and terms
// are plain [a-z0-9] so no input can change the MATCH or tsquery syntax — and KnowledgeRanker
// scores them (BM25F) in C++, identically on both dialects. Articles in the wanted language
// are preferred; English ones answer only when nothing in that language matches. One round trip
// when the candidates' analyses are memoised (the usual case), two otherwise.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/knowledgeranker.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace joxai {

struct KnowledgeArticle
{
    qint64 id = 0;
    QString title;
    QString content; // Markdown
    QString category;
    QStringList tags;
    QString language = QStringLiteral("en");
    QString status = QStringLiteral("draft"); // draft, in_review, published, archived
    int version = 1;
    qint64 authorId = 0; // who last changed the text (0: nobody, e.g. the default base)
    qint64 submittedBy = 0; // who sent it to review
    qint64 reviewedBy = 0; // who approved or rejected it last
    QString reviewNote; // why it was sent back
    QDateTime publishedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct NewArticle
{
    QString title;
    QString content;
    QString category;
    QStringList tags;
    QString language = QStringLiteral("en");
    QString status = QStringLiteral("draft");
    qint64 authorId = 0;
};

struct ArticleChanges
{
    std::optional<QString> title;
    std::optional<QString> content;
    std::optional<QString> category;
    std::optional<QStringList> tags;
    std::optional<QString> language;
    std::optional<QString> status; // the status the edited article takes (the service's rule)
};

// A status change and what it records: in_review sets submitted_by; published sets reviewed_by and
// published_at; draft from review (a rejection) sets reviewed_by and review_note.
struct StatusChange
{
    QString status;
    qint64 actorId = 0;
    QString note;
};

struct ArticleFilter
{
    QString search; // every term (KnowledgeText) must occur, as a prefix or inside a term
    QString category; // exact
    QString status; // exact
    QString language; // exact
    PageRequest page;
};

struct ArticleVersion
{
    qint64 id = 0;
    qint64 articleId = 0;
    int version = 0;
    QString title;
    QString content;
    QString category;
    QStringList tags;
    QString status;
    qint64 authorId = 0; // who made this version
    QDateTime createdAt;
};

class KnowledgeStore final
{
public:
    static const QStringList &statuses(); // draft, in_review, published, archived
    // 409 `stale_version`, naming the article's current version.
    static Error staleVersion(int currentVersion);

    static Result<KnowledgeArticle> create(SqlSession &s, const NewArticle &article);
    static Result<std::optional<KnowledgeArticle>> byId(SqlSession &s, qint64 id);
    static Result<Page<KnowledgeArticle>> list(SqlSession &s, const ArticleFilter &filter);
    // Every article (optionally of one status), by id: for exports.
    static Result<QList<KnowledgeArticle>> all(SqlSession &s, const QString &status = QString());
    static Result<qint64> count(SqlSession &s);

    // Applies `changes` when the article is at `expectedVersion`: NotFound, or Conflict
    // `stale_version` when someone changed it since. No change at all answers the article as it is.
    static Result<KnowledgeArticle> update(
        SqlSession &s, qint64 id, int expectedVersion, const ArticleChanges &changes, qint64 actorId);
    static Result<KnowledgeArticle> setStatus(
        SqlSession &s, qint64 id, int expectedVersion, const StatusChange &change);
    // Deletes the article and its versions; false when there was none.
    static Result<bool> remove(SqlSession &s, qint64 id);
    // Newest first.
    static Result<Page<ArticleVersion>> versions(SqlSession &s, qint64 articleId, const PageRequest &page);

    // Published articles ranked for `question`, best first, at most `limit` (see above).
    static Result<QList<KnowledgeHit>> search(
        SqlSession &s, const QString &question, const QString &language, int limit);
    // "fr-FR" → "fr"; anything that is not a language code → "en".
    static QString searchLanguage(const QString &language);

    // Fills `search_doc` for articles written before it existed (migration 0003); answers how many.
    static Result<int> reindex(SqlSession &s);
};

} // namespace joxai
