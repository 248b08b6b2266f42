#include "server/storage/knowledgestore.h"

#include "server/storage/knowledgetext.h"
#include "server/storage/statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral(
    "id, title, content, category, tags, language, status, version, author_id, submitted_by, reviewed_by, "
    "review_note, published_at, created_at, updated_at");

QStringList tagsFrom(const QVariant &v)
{
    QStringList tags;
    const QJsonArray array = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &t : array)
        if (t.isString())
            tags << t.toString();
    return tags;
}

QString tagsText(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QVariant optionalId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

KnowledgeArticle readArticle(const QSqlQuery &q)
{
    KnowledgeArticle a;
    a.id = q.value(0).toLongLong();
    a.title = q.value(1).toString();
    a.content = q.value(2).toString();
    a.category = q.value(3).toString();
    a.tags = tagsFrom(q.value(4));
    a.language = q.value(5).toString();
    a.status = q.value(6).toString();
    a.version = q.value(7).toInt();
    a.authorId = q.value(8).toLongLong();
    a.submittedBy = q.value(9).toLongLong();
    a.reviewedBy = q.value(10).toLongLong();
    a.reviewNote = q.value(11).toString();
    a.publishedAt = SqlSession::readTime(q.value(12));
    a.createdAt = SqlSession::readTime(q.value(13));
    a.updatedAt = SqlSession::readTime(q.value(14));
    return a;
}

// Snapshots the article's current row as its version, made by `actorId`.
Status recordVersion(SqlSession &s, qint64 id, qint64 actorId)
{
    auto q = s.exec(
        QStringLiteral("INSERT INTO knowledge_versions (article_id, version, title, content, category, "
                       "tags, status, author_id) SELECT id, version, title, content, category, tags, "
                       "status, ? FROM knowledge_articles WHERE id = ?"),
        { optionalId(actorId), id });
    if (!q)
        return q.error();
    return success();
}

Result<KnowledgeArticle> reread(SqlSession &s, qint64 id)
{
    auto found = KnowledgeStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("Article"));
    return **found;
}

} // namespace

Error KnowledgeStore::staleVersion(int current)
{
    Error e = Error::make(ErrorKind::Conflict, QStringLiteral("stale_version"),
        QStringLiteral("The article was changed by someone else (it is now at version %1); "
                       "reload it and apply your change again.")
            .arg(current));
    e.fields = QJsonObject { { QStringLiteral("version"), QStringLiteral("is not the current version") } };
    return e;
}

namespace {

// An UPDATE that found no row at the expected version: a missing article or a stale version.
Error missedUpdate(SqlSession &s, qint64 id)
{
    auto now = KnowledgeStore::byId(s, id);
    if (!now)
        return now.error();
    if (!now->has_value())
        return Error::notFound(QStringLiteral("Article"));
    return KnowledgeStore::staleVersion((*now)->version);
}

QString databaseIdentity(SqlSession &s)
{
    const QSqlDatabase &db = s.database();
    return db.driverName() + QLatin1Char(':') + db.hostName() + QLatin1Char(':') + QString::number(db.port())
        + QLatin1Char(':') + db.databaseName();
}

} // namespace

const QStringList &KnowledgeStore::statuses()
{
    static const QStringList list { QStringLiteral("draft"), QStringLiteral("in_review"),
        QStringLiteral("published"), QStringLiteral("archived") };
    return list;
}

Result<KnowledgeArticle> KnowledgeStore::create(SqlSession &s, const NewArticle &a)
{
    const bool published = a.status == QLatin1String("published");
    auto id = s.insert(
        QStringLiteral("INSERT INTO knowledge_articles (title, content, category, tags, language, status, "
                       "version, author_id, search_doc, published_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ")
            + (published ? s.nowSql() : QStringLiteral("NULL")) + QStringLiteral(") RETURNING id"),
        { SqlSession::text(a.title), SqlSession::text(a.content), SqlSession::text(a.category),
            tagsText(a.tags), SqlSession::text(a.language), a.status, optionalId(a.authorId),
            KnowledgeText::searchDocument(a.title, a.tags, a.content) });
    if (!id)
        return id.error();
    if (auto v = recordVersion(s, id.value(), a.authorId); !v)
        return v.error();
    return reread(s, id.value());
}

Result<std::optional<KnowledgeArticle>> KnowledgeStore::byId(SqlSession &s, qint64 id)
{
    auto q = s.exec(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM knowledge_articles WHERE id = ?"),
        { id });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<KnowledgeArticle>();
    return std::optional<KnowledgeArticle>(readArticle(q.value()));
}

Result<Page<KnowledgeArticle>> KnowledgeStore::list(SqlSession &s, const ArticleFilter &f)
{
    QString where = QStringLiteral(" WHERE 1=1");
    QVariantList values;
    for (const auto &[column, value] : { std::pair { QStringLiteral("status"), f.status },
             std::pair { QStringLiteral("category"), f.category },
             std::pair { QStringLiteral("language"), f.language } }) {
        if (value.isEmpty())
            continue;
        where += QStringLiteral(" AND ") + column + QStringLiteral(" = ?");
        values << value;
    }
    if (!f.search.trimmed().isEmpty()) {
        const QStringList terms = KnowledgeText::queryTerms(f.search);
        if (terms.isEmpty()) { // only stop words or symbols: look for the text in titles
            where += QStringLiteral(" AND lower(title) LIKE ? ESCAPE '\\'");
            values << SqlSession::containsPattern(f.search.trimmed());
        }
        for (const QString &term : terms) {
            where += QStringLiteral(" AND search_doc LIKE ? ESCAPE '\\'");
            values << SqlSession::containsPattern(term);
        }
    }
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM knowledge_articles") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << f.page.limit << f.page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM knowledge_articles") + where
            + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"),
        pageValues);
    if (!q)
        return q.error();
    Page<KnowledgeArticle> page;
    page.total = total->value_or(QVariant(0)).toLongLong();
    page.limit = f.page.limit;
    page.offset = f.page.offset;
    while (q->next())
        page.items << readArticle(q.value());
    return page;
}

Result<QList<KnowledgeArticle>> KnowledgeStore::all(SqlSession &s, const QString &status)
{
    auto q = status.isEmpty()
        ? s.exec(
            QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM knowledge_articles ORDER BY id"))
        : s.exec(QStringLiteral("SELECT ") + kColumns
                + QStringLiteral(" FROM knowledge_articles WHERE status = ? ORDER BY id"),
            { status });
    if (!q)
        return q.error();
    QList<KnowledgeArticle> list;
    while (q->next())
        list << readArticle(q.value());
    return list;
}

Result<qint64> KnowledgeStore::count(SqlSession &s)
{
    auto n = s.scalar(QStringLiteral("SELECT COUNT(*) FROM knowledge_articles"));
    if (!n)
        return n.error();
    return n->value_or(QVariant(0)).toLongLong();
}

Result<KnowledgeArticle> KnowledgeStore::update(
    SqlSession &s, qint64 id, int expectedVersion, const ArticleChanges &c, qint64 actorId)
{
    auto current = reread(s, id);
    if (!current)
        return current.error();
    const KnowledgeArticle &before = current.value();
    if (before.version != expectedVersion)
        return staleVersion(before.version);
    KnowledgeArticle after = before;
    after.title = c.title.value_or(before.title);
    after.content = c.content.value_or(before.content);
    after.category = c.category.value_or(before.category);
    after.tags = c.tags.value_or(before.tags);
    after.language = c.language.value_or(before.language);
    after.status = c.status.value_or(before.status);
    if (after.title == before.title && after.content == before.content && after.category == before.category
        && after.tags == before.tags && after.language == before.language && after.status == before.status)
        return before;
    auto q = s.exec(
        QStringLiteral("UPDATE knowledge_articles SET title = ?, content = ?, category = ?, tags = ?, "
                       "language = ?, status = ?, search_doc = ?, author_id = ?, review_note = '', "
                       "version = version + 1, updated_at = ")
            + s.nowSql() + QStringLiteral(" WHERE id = ? AND version = ?"),
        { SqlSession::text(after.title), SqlSession::text(after.content), SqlSession::text(after.category),
            tagsText(after.tags), SqlSession::text(after.language), after.status,
            KnowledgeText::searchDocument(after.title, after.tags, after.content), optionalId(actorId), id,
            expectedVersion });
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return missedUpdate(s, id);
    if (auto v = recordVersion(s, id, actorId); !v)
        return v.error();
    return reread(s, id);
}

Result<KnowledgeArticle> KnowledgeStore::setStatus(
    SqlSession &s, qint64 id, int expectedVersion, const StatusChange &change)
{
    QString set = QStringLiteral("status = ?, version = version + 1, updated_at = ") + s.nowSql();
    QVariantList values { change.status };
    if (change.status == QLatin1String("in_review")) {
        set += QStringLiteral(", submitted_by = ?, review_note = ''");
        values << optionalId(change.actorId);
    } else if (change.status == QLatin1String("published")) {
        set += QStringLiteral(", reviewed_by = ?, review_note = '', published_at = ") + s.nowSql();
        values << optionalId(change.actorId);
    } else if (change.status == QLatin1String("draft")) {
        set += QStringLiteral(", reviewed_by = ?, review_note = ?");
        values << optionalId(change.actorId) << SqlSession::text(change.note);
    }
    QString where = QStringLiteral(" WHERE id = ?");
    values << id;
    if (expectedVersion > 0) {
        where += QStringLiteral(" AND version = ?");
        values << expectedVersion;
    }
    auto q = s.exec(QStringLiteral("UPDATE knowledge_articles SET ") + set + where, values);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return missedUpdate(s, id);
    if (auto v = recordVersion(s, id, change.actorId); !v)
        return v.error();
    return reread(s, id);
}

Result<bool> KnowledgeStore::remove(SqlSession &s, qint64 id)
{
    if (auto v = s.exec(QStringLiteral("DELETE FROM knowledge_versions WHERE article_id = ?"), { id }); !v)
        return v.error();
    auto q = s.exec(QStringLiteral("DELETE FROM knowledge_articles WHERE id = ?"), { id });
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<Page<ArticleVersion>> KnowledgeStore::versions(
    SqlSession &s, qint64 articleId, const PageRequest &page)
{
    auto total = s.scalar(
        QStringLiteral("SELECT COUNT(*) FROM knowledge_versions WHERE article_id = ?"), { articleId });
    if (!total)
        return total.error();
    auto q = s.exec(
        QStringLiteral("SELECT id, article_id, version, title, content, category, tags, status, author_id, "
                       "created_at FROM knowledge_versions WHERE article_id = ? "
                       "ORDER BY version DESC LIMIT ? OFFSET ?"),
        { articleId, page.limit, page.offset });
    if (!q)
        return q.error();
    Page<ArticleVersion> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next()) {
        ArticleVersion v;
        v.id = q->value(0).toLongLong();
        v.articleId = q->value(1).toLongLong();
        v.version = q->value(2).toInt();
        v.title = q->value(3).toString();
        v.content = q->value(4).toString();
        v.category = q->value(5).toString();
        v.tags = tagsFrom(q->value(6));
        v.status = q->value(7).toString();
        v.authorId = q->value(8).toLongLong();
        v.createdAt = SqlSession::readTime(q->value(9));
        out.items << v;
    }
    return out;
}

QString KnowledgeStore::searchLanguage(const QString &language)
{
    QString lang = language.trimmed().toLower();
    for (qsizetype i = 0; i < lang.size(); ++i) {
        if (lang.at(i) == QLatin1Char('-') || lang.at(i) == QLatin1Char('_')) {
            lang.truncate(i);
            break;
        }
    }
    bool letters = lang.size() >= 2 && lang.size() <= 3;
    for (const QChar c : lang)
        letters = letters && c >= QLatin1Char('a') && c <= QLatin1Char('z');
    return letters ? lang : QStringLiteral("en");
}

Result<QList<KnowledgeHit>> KnowledgeStore::search(
    SqlSession &s, const QString &question, const QString &language, int limit)
{
    const QStringList terms = KnowledgeText::queryTerms(question);
    if (terms.isEmpty() || limit <= 0)
        return QList<KnowledgeHit>();
    const QString lang = searchLanguage(language);
    const QString english = QStringLiteral("en");

    // 1. Candidates: published articles of `lang` or English holding any term, with the size of
    //    each language's published base. Terms are [a-z0-9]+, quoted anyway, bound as one value.
    //    One statement per dialect, prepared once per connection (StatementCache).
    //    The sizes come from a materialised CTE: computed once, never re-run per candidate by a
    //    generic plan (PostgreSQL did that with a joined subquery).
    static const QString kCounts
        = QStringLiteral("WITH c AS MATERIALIZED (SELECT count(*) FILTER (WHERE language = ?) AS wanted, "
                         "count(*) FILTER (WHERE language = 'en') AS english "
                         "FROM knowledge_articles WHERE status = 'published') ");
    static const QString kSqlite = kCounts
        + QStringLiteral(
            "SELECT a.id, a.version, a.language, c.wanted, c.english "
            "FROM c, knowledge_search JOIN knowledge_articles a ON a.id = knowledge_search.rowid "
            "WHERE knowledge_search MATCH ? AND a.status = 'published' AND a.language IN (?, 'en')");
    static const QString kPostgres = kCounts
        + QStringLiteral(
            "SELECT a.id, a.version, a.language, c.wanted, c.english FROM c, knowledge_articles a "
            "WHERE a.search_terms @@ CAST(? AS tsquery) AND a.status = 'published' AND a.language IN (?, "
            "'en')");
    const QString match = s.isPostgres()
        ? QString(QLatin1Char('\'') + terms.join(QStringLiteral("' | '")) + QLatin1Char('\''))
        : QString(QLatin1Char('"') + terms.join(QStringLiteral("\" OR \"")) + QLatin1Char('"'));
    const QString &sql = s.isPostgres() ? kPostgres : kSqlite;

    const QString database = databaseIdentity(s);
    // Every write through this store bumps the version, so (database, id, version) names one text.
    auto keyOf = [&database](qint64 id, qint64 version) -> QString {
        return database + QLatin1Char('|') + QString::number(id) + QLatin1Char('|')
            + QString::number(version);
    };
    QList<AnalysedArticlePtr> wanted;
    QList<AnalysedArticlePtr> fallback;
    QList<qint64> missing;
    qint64 wantedSize = 0;
    qint64 englishSize = 0;
    auto found = StatementCache::run(s, sql, { lang, match, lang }, [&](QSqlQuery &q) {
        while (q.next()) {
            wantedSize = q.value(3).toLongLong();
            englishSize = q.value(4).toLongLong();
            const qint64 id = q.value(0).toLongLong();
            AnalysedArticlePtr known = KnowledgeRanker::remembered(keyOf(id, q.value(1).toLongLong()));
            if (!known)
                missing << id;
            else
                (known->language == lang ? wanted : fallback) << known;
        }
    });
    if (!found)
        return found.error();

    // 2. Articles not analysed yet (first search after a start or an edit).
    if (!missing.isEmpty()) {
        QVariantList ids;
        for (const qint64 id : std::as_const(missing))
            ids << id;
        auto rows = s.exec(QStringLiteral("SELECT id, title, tags, content, category, language, version "
                                          "FROM knowledge_articles WHERE id IN (")
                + SqlSession::bindMarkers(missing.size()) + QLatin1Char(')'),
            ids);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const qint64 id = rows->value(0).toLongLong();
            AnalysedArticlePtr a
                = KnowledgeRanker::analyse(id, rows->value(1).toString(), tagsFrom(rows->value(2)),
                    rows->value(3).toString(), rows->value(4).toString(), rows->value(5).toString());
            KnowledgeRanker::remember(keyOf(id, rows->value(6).toLongLong()), a);
            (a->language == lang ? wanted : fallback) << a;
        }
    }

    // 3. The wanted language first; English only when nothing in it matched.
    if (!wanted.isEmpty() || lang == english)
        return KnowledgeRanker::rank(terms, wanted, wantedSize, limit);
    return KnowledgeRanker::rank(terms, fallback, englishSize, limit);
}

Result<int> KnowledgeStore::reindex(SqlSession &s)
{
    auto q = s.exec(
        QStringLiteral("SELECT id, title, tags, content FROM knowledge_articles WHERE search_doc = ''"));
    if (!q)
        return q.error();
    QList<std::pair<qint64, QString>> docs;
    while (q->next())
        docs.append({ q->value(0).toLongLong(),
            KnowledgeText::searchDocument(
                q->value(1).toString(), tagsFrom(q->value(2)), q->value(3).toString()) });
    int changed = 0;
    for (const auto &[id, doc] : docs) {
        if (doc.isEmpty())
            continue;
        auto u = s.exec(
            QStringLiteral("UPDATE knowledge_articles SET search_doc = ? WHERE id = ?"), { doc, id });
        if (!u)
            return u.error();
        ++changed;
    }
    return changed;
}

} // namespace joxai
