#include "server/services/knowledgeservice.h"

#include "server/assistant/retriever.h"
#include "server/services/audittrail.h"
#include "server/services/settingsservice.h"

#include <QJsonArray>

namespace joxai {

namespace {

QJsonObject describe(const KnowledgeArticle &a)
{
    return { { QStringLiteral("title"), a.title }, { QStringLiteral("status"), a.status },
        { QStringLiteral("version"), a.version }, { QStringLiteral("language"), a.language } };
}

Result<KnowledgeArticle> load(SqlSession &s, qint64 id)
{
    auto found = KnowledgeStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("Article"));
    return **found;
}

Result<bool> fourEyesOn(SqlSession &s)
{
    auto value = SettingsService::systemValue(s, QStringLiteral("knowledge_four_eyes"));
    if (!value)
        return value.error();
    return value->toBool(true);
}

} // namespace

Status KnowledgeService::requireWriter(const Principal &who)
{
    if (!atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("Only supervisors and administrators may change knowledge articles."));
    return success();
}

Status KnowledgeService::requireAdmin(const Principal &who)
{
    if (who.role != Role::Admin)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("Only administrators may import or export the knowledge base."));
    return success();
}

Result<Page<KnowledgeArticle>> KnowledgeService::list(
    SqlSession &s, const Principal &, const ArticleFilter &filter) const
{
    return KnowledgeStore::list(s, filter);
}

Result<KnowledgeArticle> KnowledgeService::get(SqlSession &s, const Principal &, qint64 id) const
{
    return load(s, id);
}

Result<Page<ArticleVersion>> KnowledgeService::versions(
    SqlSession &s, const Principal &, qint64 id, const PageRequest &page) const
{
    if (auto a = load(s, id); !a)
        return a.error();
    return KnowledgeStore::versions(s, id, page);
}

Result<QList<KnowledgeMatch>> KnowledgeService::search(
    SqlSession &s, const Principal &, const QString &question, const QString &language) const
{
    return Retriever::retrieve(s, question, language, 200);
}

Result<KnowledgeArticle> KnowledgeService::create(
    SqlSession &s, const Principal &who, NewArticle article) const
{
    if (auto ok = requireWriter(who); !ok)
        return ok.error();
    article.status = QStringLiteral("draft");
    article.authorId = who.userId;
    return s.transaction<KnowledgeArticle>([&]() -> Result<KnowledgeArticle> {
        auto made = KnowledgeStore::create(s, article);
        if (!made)
            return made.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("knowledge.create"),
                QStringLiteral("knowledge_article"), QString::number(made->id), describe(made.value()));
            !a)
            return a.error();
        return made;
    });
}

Result<KnowledgeArticle> KnowledgeService::update(
    SqlSession &s, const Principal &who, qint64 id, int version, ArticleChanges changes) const
{
    if (auto ok = requireWriter(who); !ok)
        return ok.error();
    changes.status = QStringLiteral("draft");
    return s.transaction<KnowledgeArticle>([&]() -> Result<KnowledgeArticle> {
        auto before = load(s, id);
        if (!before)
            return before.error();
        auto after = KnowledgeStore::update(s, id, version, changes, who.userId);
        if (!after)
            return after.error();
        if (after->version == before->version)
            return after; // nothing changed
        QJsonObject details = describe(after.value());
        QJsonArray fields;
        if (after->title != before->title)
            fields.append(QStringLiteral("title"));
        if (after->content != before->content)
            fields.append(QStringLiteral("content"));
        if (after->category != before->category)
            fields.append(QStringLiteral("category"));
        if (after->tags != before->tags)
            fields.append(QStringLiteral("tags"));
        if (after->language != before->language)
            fields.append(QStringLiteral("language"));
        details.insert(QStringLiteral("changed"), fields);
        details.insert(QStringLiteral("previous_status"), before->status);
        if (auto a = AuditTrail::record(s, who, QStringLiteral("knowledge.update"),
                QStringLiteral("knowledge_article"), QString::number(id), details);
            !a)
            return a.error();
        return after;
    });
}

Result<KnowledgeArticle> KnowledgeService::transition(SqlSession &s, const Principal &who, qint64 id,
    int version, const QStringList &from, const QString &to, const QString &action, const QString &verb,
    const QString &note) const
{
    if (auto ok = requireWriter(who); !ok)
        return ok.error();
    return s.transaction<KnowledgeArticle>([&]() -> Result<KnowledgeArticle> {
        auto before = load(s, id);
        if (!before)
            return before.error();
        if (version > 0 && before->version != version)
            return KnowledgeStore::staleVersion(before->version);
        if (!from.contains(before->status))
            return Error::make(ErrorKind::Conflict, QStringLiteral("invalid_transition"),
                QStringLiteral("An article that is %1 cannot be %2.").arg(before->status, verb));
        if (to == QLatin1String("published")) {
            auto fourEyes = fourEyesOn(s);
            if (!fourEyes)
                return fourEyes.error();
            if (fourEyes.value() && (who.userId == before->authorId || who.userId == before->submittedBy))
                return Error::make(ErrorKind::Forbidden, QStringLiteral("four_eyes"),
                    QStringLiteral("Another supervisor or administrator must approve this article: "
                                   "you wrote or submitted this version."));
        }
        auto after = KnowledgeStore::setStatus(s, id, before->version, { to, who.userId, note });
        if (!after)
            return after.error();
        QJsonObject details = describe(after.value());
        details.insert(QStringLiteral("previous_status"), before->status);
        if (!note.isEmpty())
            details.insert(QStringLiteral("reason"), note);
        if (auto a = AuditTrail::record(
                s, who, action, QStringLiteral("knowledge_article"), QString::number(id), details);
            !a)
            return a.error();
        return after;
    });
}

Result<KnowledgeArticle> KnowledgeService::submit(
    SqlSession &s, const Principal &who, qint64 id, int version) const
{
    return transition(s, who, id, version, { QStringLiteral("draft") }, QStringLiteral("in_review"),
        QStringLiteral("knowledge.submit"), QStringLiteral("submitted for review"), QString());
}

Result<KnowledgeArticle> KnowledgeService::approve(
    SqlSession &s, const Principal &who, qint64 id, int version) const
{
    return transition(s, who, id, version, { QStringLiteral("in_review") }, QStringLiteral("published"),
        QStringLiteral("knowledge.approve"), QStringLiteral("approved (submit it first)"), QString());
}

Result<KnowledgeArticle> KnowledgeService::reject(
    SqlSession &s, const Principal &who, qint64 id, int version, const QString &reason) const
{
    return transition(s, who, id, version, { QStringLiteral("in_review") }, QStringLiteral("draft"),
        QStringLiteral("knowledge.reject"), QStringLiteral("rejected (only articles in review can)"), reason);
}

Result<KnowledgeArticle> KnowledgeService::archive(
    SqlSession &s, const Principal &who, qint64 id, int version) const
{
    if (auto ok = requireWriter(who); !ok)
        return ok.error();
    auto current = load(s, id);
    if (!current)
        return current.error();
    if (current->status == QLatin1String("archived") && (version <= 0 || version == current->version))
        return current; // already archived: DELETE is idempotent
    return transition(s, who, id, version,
        { QStringLiteral("draft"), QStringLiteral("in_review"), QStringLiteral("published") },
        QStringLiteral("archived"), QStringLiteral("knowledge.archive"), QStringLiteral("archived"),
        QString());
}

Result<QList<KnowledgeArticle>> KnowledgeService::exportArticles(
    SqlSession &s, const Principal &who, const QString &status) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    auto all = KnowledgeStore::all(s, status);
    if (!all)
        return all.error();
    QJsonObject details { { QStringLiteral("count"), qint64(all->size()) } };
    if (!status.isEmpty())
        details.insert(QStringLiteral("status"), status);
    if (auto a = AuditTrail::record(s, who, QStringLiteral("knowledge.export"),
            QStringLiteral("knowledge_article"), QString(), details);
        !a)
        return a.error();
    return all;
}

Result<QList<KnowledgeArticle>> KnowledgeService::importArticles(
    SqlSession &s, const Principal &who, const QList<NewArticle> &articles) const
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    return s.transaction<QList<KnowledgeArticle>>([&]() -> Result<QList<KnowledgeArticle>> {
        QList<KnowledgeArticle> made;
        for (NewArticle a : articles) {
            a.status = QStringLiteral("draft");
            a.authorId = who.userId;
            auto one = KnowledgeStore::create(s, a);
            if (!one)
                return one.error();
            made << one.value();
        }
        QJsonArray ids;
        for (const KnowledgeArticle &a : made)
            ids.append(a.id);
        if (auto a = AuditTrail::record(s, who, QStringLiteral("knowledge.import"),
                QStringLiteral("knowledge_article"), QString(),
                { { QStringLiteral("count"), qint64(made.size()) }, { QStringLiteral("ids"), ids } });
            !a)
            return a.error();
        return made;
    });
}

} // namespace joxai
