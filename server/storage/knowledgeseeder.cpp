#include "server/storage/knowledgeseeder.h"

#include "server/core/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace joxai {

namespace {

Error badDefaults(const QString &why)
{
    qCWarning(lcStorage).noquote() << "default knowledge base:" << why;
    return Error::make(ErrorKind::Internal, QStringLiteral("knowledge_defaults"),
        QStringLiteral("The default knowledge base is damaged: ") + why);
}

} // namespace

Result<QList<NewArticle>> KnowledgeSeeder::defaults(const QString &folder)
{
    QList<NewArticle> articles;
    const QStringList files = QDir(folder).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QFile f(folder + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            return badDefaults(file + QStringLiteral(" cannot be read"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (!doc.isArray())
            return badDefaults(file + QStringLiteral(" is not a JSON array (") + parseError.errorString()
                + QLatin1Char(')'));
        const QString language = file.chopped(5); // "fr.json" → "fr"
        const QJsonArray array = doc.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject o = array.at(i).toObject();
            NewArticle a;
            a.title = o.value(QStringLiteral("title")).toString().trimmed();
            a.content = o.value(QStringLiteral("content")).toString().trimmed();
            a.category = o.value(QStringLiteral("category")).toString().trimmed();
            for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray())
                if (t.isString() && !t.toString().trimmed().isEmpty())
                    a.tags << t.toString().trimmed();
            a.language = language;
            a.status = QStringLiteral("published");
            if (a.title.isEmpty() || a.content.isEmpty())
                return badDefaults(QStringLiteral("%1: article %2 has no title or content").arg(file).arg(i));
            articles << a;
        }
    }
    return articles;
}

Result<int> KnowledgeSeeder::seed(SqlSession &s, const QString &folder)
{
    auto inserted = s.transaction<int>([&]() -> Result<int> {
        if (s.isPostgres())
            if (auto locked
                = s.execRaw(QStringLiteral("LOCK TABLE knowledge_articles IN SHARE ROW EXCLUSIVE MODE"));
                !locked)
                return locked.error();
        auto existing = KnowledgeStore::count(s);
        if (!existing)
            return existing.error();
        if (existing.value() > 0)
            return 0;
        auto articles = defaults(folder);
        if (!articles)
            return articles.error();
        for (const NewArticle &a : articles.value())
            if (auto made = KnowledgeStore::create(s, a); !made)
                return made.error();
        return int(articles->size());
    });
    if (!inserted)
        return inserted;
    if (inserted.value() > 0) {
        qCInfo(lcStorage) << "loaded" << inserted.value() << "default knowledge articles";
        // Planner statistics now rather than at autovacuum's next round: without them the first
        // minutes of searches on a fresh PostgreSQL base run several times slower.
        if (s.isPostgres())
            if (auto analysed = s.execRaw(QStringLiteral("ANALYZE knowledge_articles")); !analysed)
                qCWarning(lcStorage) << "ANALYZE knowledge_articles failed:" << analysed.error().detail;
    }
    auto reindexed = KnowledgeStore::reindex(s);
    if (!reindexed)
        return reindexed.error();
    return inserted;
}

} // namespace joxai
