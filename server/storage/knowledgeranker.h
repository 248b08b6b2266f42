#pragma once
// The ranking of knowledge search, computed in C++ so SQLite and PostgreSQL answer the same order
// (the databases only find the candidates: every published article holding at least one of the
// question's terms, see KnowledgeStore::search).
//
// Score: BM25F over three fields of KnowledgeText terms. For each distinct question term t,
//   tf(t)  = Σ_field weight_f · count_f(t) / (1 − b_f + b_f · length_f / typical_f)
//   score += idf(t) · tf(t) · (k1 + 1) / (k1 + tf(t)),   k1 = 1.2
//   idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
// with fields title (weight 3, b 0.5, typical length 6 terms), tags (2, 0.3, 25) and content
// (1, 0.75, 120). N is the number of published articles in the language searched and df(t) the
// number of those holding t, both exact (the candidates are precisely the articles holding any
// question term). Typical lengths are fixed rather than averaged over the base, so one article's
// edit never moves another's score. Scores are rounded to 4 decimals; ties go by title, then id.
//
// Analysed articles are memoised per (database, id, version): every write through KnowledgeStore
// bumps the version, so that key names one immutable text and the memo never serves a stale one;
// it only saves re-reading and re-tokenising articles on each question. Thread-safe.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace joxai {

// One search result: a published article and its score (higher is better).
struct KnowledgeHit
{
    qint64 id = 0;
    QString title;
    QString content;
    QString category;
    QString language;
    double score = 0;
};

// A published article as the ranker sees it.
struct AnalysedArticle
{
    qint64 id = 0;
    QString title;
    QString content;
    QString category;
    QString language;
    QHash<QString, std::array<int, 3>> counts; // term → occurrences in title, tags, content
    std::array<int, 3> lengths {}; // terms in title, tags, content
};

using AnalysedArticlePtr = std::shared_ptr<const AnalysedArticle>;

class KnowledgeRanker final
{
public:
    static AnalysedArticlePtr analyse(qint64 id, const QString &title, const QStringList &tags,
        const QString &content, const QString &category, const QString &language);

    // Scores `articles` (one language, `collectionSize` published articles in it) for the distinct
    // `terms`; best first, at most `limit`.
    static QList<KnowledgeHit> rank(const QStringList &terms, const QList<AnalysedArticlePtr> &articles,
        qint64 collectionSize, int limit);

    // The memo of analysed articles.
    static AnalysedArticlePtr remembered(const QString &key);
    static void remember(const QString &key, AnalysedArticlePtr article);
};

} // namespace joxai
