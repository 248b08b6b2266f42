#include "server/storage/knowledgeranker.h"

#include "server/storage/knowledgetext.h"

#include <QReadWriteLock>

#include <algorithm>
#include <cmath>

namespace joxai {

namespace {

constexpr double kK1 = 1.2;
constexpr std::array<double, 3> kWeight { 3.0, 2.0, 1.0 };
constexpr std::array<double, 3> kB { 0.5, 0.3, 0.75 };
constexpr std::array<double, 3> kTypicalLength { 6.0, 25.0, 120.0 };
constexpr qsizetype kMemoCapacity = 20000;

struct Memo
{
    QReadWriteLock lock;
    QHash<QString, AnalysedArticlePtr> articles;
};

Memo &memo()
{
    static Memo m;
    return m;
}

} // namespace

AnalysedArticlePtr KnowledgeRanker::analyse(qint64 id, const QString &title, const QStringList &tags,
    const QString &content, const QString &category, const QString &language)
{
    auto a = std::make_shared<AnalysedArticle>();
    a->id = id;
    a->title = title;
    a->content = content;
    a->category = category;
    a->language = language;
    const std::array<QStringList, 3> fields { KnowledgeText::terms(title),
        KnowledgeText::terms(tags.join(QLatin1Char(' '))), KnowledgeText::terms(content) };
    for (int f = 0; f < 3; ++f) {
        a->lengths[f] = int(fields[f].size());
        for (const QString &term : fields[f]) {
            auto it = a->counts.find(term);
            if (it == a->counts.end())
                it = a->counts.insert(term, { 0, 0, 0 });
            ++(*it)[f];
        }
    }
    return a;
}

QList<KnowledgeHit> KnowledgeRanker::rank(
    const QStringList &terms, const QList<AnalysedArticlePtr> &articles, qint64 collectionSize, int limit)
{
    // Document frequencies over the candidates, which are exactly the articles holding a term.
    QList<int> df(terms.size(), 0);
    for (const AnalysedArticlePtr &a : articles)
        for (qsizetype i = 0; i < terms.size(); ++i)
            if (a->counts.contains(terms.at(i)))
                ++df[i];
    const double n = double(std::max<qint64>(collectionSize, articles.size()));
    QList<double> idf(terms.size(), 0.0);
    for (qsizetype i = 0; i < terms.size(); ++i)
        idf[i] = std::log(1.0 + (n - df[i] + 0.5) / (df[i] + 0.5));

    QList<KnowledgeHit> hits;
    hits.reserve(articles.size());
    for (const AnalysedArticlePtr &a : articles) {
        std::array<double, 3> norm {};
        for (int f = 0; f < 3; ++f)
            norm[f] = 1.0 - kB[f] + kB[f] * a->lengths[f] / kTypicalLength[f];
        double score = 0;
        for (qsizetype i = 0; i < terms.size(); ++i) {
            const auto it = a->counts.constFind(terms.at(i));
            if (it == a->counts.cend())
                continue;
            double tf = 0;
            for (int f = 0; f < 3; ++f)
                tf += kWeight[f] * (*it)[f] / norm[f];
            score += idf[i] * tf * (kK1 + 1.0) / (kK1 + tf);
        }
        if (score <= 0)
            continue;
        hits.append(
            { a->id, a->title, a->content, a->category, a->language, std::round(score * 10000.0) / 10000.0 });
    }
    std::sort(hits.begin(), hits.end(), [](const KnowledgeHit &x, const KnowledgeHit &y) {
        if (x.score != y.score)
            return x.score > y.score;
        if (x.title != y.title)
            return x.title < y.title;
        return x.id < y.id;
    });
    if (limit >= 0 && hits.size() > limit)
        hits.resize(limit);
    return hits;
}

AnalysedArticlePtr KnowledgeRanker::remembered(const QString &key)
{
    Memo &m = memo();
    QReadLocker locked(&m.lock);
    return m.articles.value(key);
}

void KnowledgeRanker::remember(const QString &key, AnalysedArticlePtr article)
{
    Memo &m = memo();
    QWriteLocker locked(&m.lock);
    if (m.articles.size() >= kMemoCapacity)
        m.articles.clear(); // old versions pile up slowly; starting over costs one re-analysis each
    m.articles.insert(key, std::move(article));
}

} // namespace joxai
