#include "server/api/knowledgeroutes.h"

#include "server/api/jsoninput.h"
#include "server/api/views.h"
#include "server/services/knowledgeservice.h"

#include <QRegularExpression>

namespace joxai {

namespace {

constexpr int kMaxTitle = 200;
constexpr int kMaxContent = 20000;
constexpr int kMaxCategory = 100;
constexpr int kMaxTags = 30;
constexpr int kMaxTag = 50;
constexpr int kMaxQuestion = 4000;

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}$"));
    return pattern.match(code).hasMatch();
}

QJsonObject articleJson(const KnowledgeArticle &a)
{
    auto user = [](qint64 id) { return id > 0 ? QJsonValue(id) : QJsonValue(); };
    return { { QStringLiteral("id"), a.id }, { QStringLiteral("title"), a.title },
        { QStringLiteral("content"), a.content }, { QStringLiteral("category"), a.category },
        { QStringLiteral("tags"), QJsonArray::fromStringList(a.tags) },
        { QStringLiteral("language"), a.language }, { QStringLiteral("status"), a.status },
        { QStringLiteral("version"), a.version }, { QStringLiteral("author_id"), user(a.authorId) },
        { QStringLiteral("submitted_by"), user(a.submittedBy) },
        { QStringLiteral("reviewed_by"), user(a.reviewedBy) },
        { QStringLiteral("review_note"), a.reviewNote.isEmpty() ? QJsonValue() : QJsonValue(a.reviewNote) },
        { QStringLiteral("published_at"), timeJson(a.publishedAt) },
        { QStringLiteral("created_at"), timeJson(a.createdAt) },
        { QStringLiteral("updated_at"), timeJson(a.updatedAt) } };
}

QJsonObject versionJson(const ArticleVersion &v)
{
    return { { QStringLiteral("id"), v.id }, { QStringLiteral("article_id"), v.articleId },
        { QStringLiteral("version"), v.version }, { QStringLiteral("title"), v.title },
        { QStringLiteral("content"), v.content }, { QStringLiteral("category"), v.category },
        { QStringLiteral("tags"), QJsonArray::fromStringList(v.tags) },
        { QStringLiteral("status"), v.status },
        { QStringLiteral("author_id"), v.authorId > 0 ? QJsonValue(v.authorId) : QJsonValue() },
        { QStringLiteral("created_at"), timeJson(v.createdAt) } };
}

QJsonObject matchJson(const KnowledgeMatch &m)
{
    return { { QStringLiteral("id"), m.id }, { QStringLiteral("title"), m.title },
        { QStringLiteral("category"), m.category }, { QStringLiteral("language"), m.language },
        { QStringLiteral("score"), m.score }, { QStringLiteral("content"), m.content } };
}

// The article fields of a request body; `creating` makes title and content required.
struct ArticleInput
{
    std::optional<QString> title;
    std::optional<QString> content;
    std::optional<QString> category;
    std::optional<QStringList> tags;
    std::optional<QString> language;
};

ArticleInput readArticle(JsonInput &in, bool creating)
{
    ArticleInput a;
    a.title = in.string(QStringLiteral("title"), creating, kMaxTitle);
    if (in.has(QStringLiteral("title")) && a.title && a.title->isEmpty()) {
        in.addProblem(QStringLiteral("title"), QStringLiteral("must not be empty"));
        a.title.reset();
    }
    a.content = in.string(QStringLiteral("content"), creating, kMaxContent);
    if (in.has(QStringLiteral("content")) && a.content && a.content->isEmpty()) {
        in.addProblem(QStringLiteral("content"), QStringLiteral("must not be empty"));
        a.content.reset();
    }
    a.category = in.string(QStringLiteral("category"), false, kMaxCategory);
    if (auto language = in.string(QStringLiteral("language"), false, 3)) {
        if (isLanguageCode(*language))
            a.language = *language;
        else
            in.addProblem(
                QStringLiteral("language"), QStringLiteral("must be a language code such as en or fr"));
    }
    if (auto tags = in.array(QStringLiteral("tags"), false)) {
        QStringList list;
        bool ok = tags->size() <= kMaxTags;
        for (const QJsonValue &t : *tags) {
            const QString tag = t.toString().trimmed();
            if (!t.isString() || tag.isEmpty() || tag.size() > kMaxTag) {
                ok = false;
                break;
            }
            if (!list.contains(tag))
                list << tag;
        }
        if (ok)
            a.tags = list;
        else
            in.addProblem(QStringLiteral("tags"),
                QStringLiteral("must be a list of at most %1 non-empty strings of at "
                               "most %2 characters")
                    .arg(kMaxTags)
                    .arg(kMaxTag));
    }
    // Status changes go through submit / approve / reject / DELETE; a valid status is accepted
    // (clients send back what they read) and otherwise ignored.
    in.oneOf(QStringLiteral("status"), KnowledgeStore::statuses(), false);
    return a;
}

NewArticle newArticle(const ArticleInput &a)
{
    NewArticle n;
    n.title = a.title.value_or(QString());
    n.content = a.content.value_or(QString());
    n.category = a.category.value_or(QString());
    n.tags = a.tags.value_or(QStringList());
    n.language = a.language.value_or(QStringLiteral("en"));
    return n;
}

// The optional "version" of a review step's body.
std::optional<int> optionalVersion(JsonInput &in)
{
    auto v = in.integer(QStringLiteral("version"), false, 1, 2147483647);
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

} // namespace

void installKnowledgeRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/knowledge");
    const RouteOptions staff { true, QString(), Gate::All };
    const KnowledgeService service;

    router.add(
        "GET", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            ArticleFilter filter;
            filter.page = page.value();
            filter.search = req.queryValue(QStringLiteral("q")).left(200);
            filter.category = req.queryValue(QStringLiteral("category")).trimmed().left(kMaxCategory);
            filter.status = req.queryValue(QStringLiteral("status")).trimmed();
            filter.language = req.queryValue(QStringLiteral("language")).trimmed();
            if (!filter.status.isEmpty() && !KnowledgeStore::statuses().contains(filter.status)) {
                Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                    QStringLiteral("status must be draft, in_review, published or archived."));
                e.fields = QJsonObject { { QStringLiteral("status"),
                    QStringLiteral("must be draft, in_review, published or archived") } };
                return reply.error(e);
            }
            if (!filter.language.isEmpty() && !isLanguageCode(filter.language)) {
                Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                    QStringLiteral("language must be a language code such as en or fr."));
                e.fields = QJsonObject { { QStringLiteral("language"),
                    QStringLiteral("must be a language code") } };
                return reply.error(e);
            }
            runStaff(ctx, req, reply, Role::Agent,
                [service, filter](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto list = service.list(s, who, filter);
                    if (!list)
                        return list.error();
                    return HttpResponse::page(list.value(), articleJson);
                });
        },
        staff);

    router.add(
        "POST", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const ArticleInput a = readArticle(*in, true);
            if (auto status = in->oneOf(QStringLiteral("status"), KnowledgeStore::statuses(), false);
                status && *status != QLatin1String("draft"))
                in->addProblem(QStringLiteral("status"),
                    QStringLiteral("a new article starts as draft; submit it for review"));
            if (!in->ok())
                return reply.error(in->error());
            runStaff(ctx, req, reply, Role::Agent,
                [service, article = newArticle(a)](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto made = service.create(s, who, article);
                    if (!made)
                        return made.error();
                    return HttpResponse::json(201, articleJson(made.value()));
                });
        },
        staff);

    router.add(
        "POST", base + QStringLiteral("/search"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto query = in->string(QStringLiteral("query"), true, kMaxQuestion);
            const auto language = in->string(QStringLiteral("language"), false, 10);
            if (language && !language->isEmpty()
                && !isLanguageCode(language->section(QLatin1Char('-'), 0, 0).toLower()))
                in->addProblem(
                    QStringLiteral("language"), QStringLiteral("must be a language code such as en or fr"));
            if (!in->ok())
                return reply.error(in->error());
            runStaff(ctx, req, reply, Role::Agent,
                [service, query = *query, language = language.value_or(QStringLiteral("en")),
                    page = page.value()](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto matches = service.search(s, who, query, language);
                    if (!matches)
                        return matches.error();
                    Page<KnowledgeMatch> out;
                    out.total = matches->size();
                    out.limit = page.limit;
                    out.offset = page.offset;
                    out.items = matches->mid(page.offset, page.limit);
                    return HttpResponse::page(out, matchJson);
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/export"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const QString status = req.queryValue(QStringLiteral("status")).trimmed();
            if (!status.isEmpty() && !KnowledgeStore::statuses().contains(status))
                return reply.error(Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                    QStringLiteral("status must be draft, in_review, published or archived.")));
            runStaff(ctx, req, reply, Role::Agent,
                [service, status](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto all = service.exportArticles(s, who, status);
                    if (!all)
                        return all.error();
                    QJsonArray articles;
                    for (const KnowledgeArticle &a : all.value())
                        articles.append(articleJson(a));
                    return HttpResponse::json(200,
                        QJsonObject { { QStringLiteral("articles"), articles },
                            { QStringLiteral("count"), articles.size() },
                            { QStringLiteral("exported_at"), timeJson(QDateTime::currentDateTimeUtc()) } });
                });
        },
        staff);

    router.add(
        "POST", base + QStringLiteral("/import"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto array = in->array(QStringLiteral("articles"), true);
            QList<NewArticle> articles;
            if (array && array->size() > KnowledgeService::kMaxImport)
                in->addProblem(QStringLiteral("articles"),
                    QStringLiteral("must hold at most %1 articles").arg(KnowledgeService::kMaxImport));
            else if (array && array->isEmpty())
                in->addProblem(QStringLiteral("articles"), QStringLiteral("must not be empty"));
            else if (array) {
                for (qsizetype i = 0; i < array->size(); ++i) {
                    const QString prefix = QStringLiteral("articles[%1]").arg(i);
                    if (!array->at(i).isObject()) {
                        in->addProblem(prefix, QStringLiteral("must be an object"));
                        continue;
                    }
                    JsonInput one(array->at(i).toObject());
                    const ArticleInput a = readArticle(one, true);
                    if (!one.ok()) {
                        const QJsonObject fields = one.error().fields;
                        for (auto it = fields.begin(); it != fields.end(); ++it)
                            in->addProblem(prefix + QLatin1Char('.') + it.key(), it.value().toString());
                        continue;
                    }
                    articles << newArticle(a);
                }
            }
            if (!in->ok())
                return reply.error(in->error());
            runStaff(ctx, req, reply, Role::Agent,
                [service, articles](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto made = service.importArticles(s, who, articles);
                    if (!made)
                        return made.error();
                    QJsonArray items;
                    for (const KnowledgeArticle &a : made.value())
                        items.append(articleJson(a));
                    return HttpResponse::json(201,
                        QJsonObject { { QStringLiteral("imported"), items.size() },
                            { QStringLiteral("items"), items } });
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto a = service.get(s, who, id);
                    if (!a)
                        return a.error();
                    return HttpResponse::json(200, articleJson(a.value()));
                });
        },
        staff);

    router.add(
        "PUT", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const ArticleInput a = readArticle(*in, false);
            const auto version = in->integer(QStringLiteral("version"), true, 1, 2147483647);
            if (!in->ok())
                return reply.error(in->error());
            ArticleChanges changes;
            changes.title = a.title;
            changes.content = a.content;
            changes.category = a.category;
            changes.tags = a.tags;
            changes.language = a.language;
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, changes, version = int(*version)](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto updated = service.update(s, who, id, version, changes);
                    if (!updated)
                        return updated.error();
                    return HttpResponse::json(200, articleJson(updated.value()));
                });
        },
        staff);

    router.add(
        "DELETE", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            int version = 0;
            if (req.hasQuery(QStringLiteral("version"))) {
                bool ok = false;
                version = req.queryValue(QStringLiteral("version")).toInt(&ok);
                if (!ok || version < 1)
                    return reply.error(Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                        QStringLiteral("version must be a positive whole number.")));
            }
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, version](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto archived = service.archive(s, who, id, version);
                    if (!archived)
                        return archived.error();
                    return HttpResponse::json(200, articleJson(archived.value()));
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}/versions"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, page = page.value()](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto versions = service.versions(s, who, id, page);
                    if (!versions)
                        return versions.error();
                    return HttpResponse::page(versions.value(), versionJson);
                });
        },
        staff);

    // submit / approve / reject: {"version"?} (and "reason" for a reject).
    for (const char *step : { "submit", "approve", "reject" }) {
        const QString name = QLatin1String(step);
        router.add(
            "POST", base + QStringLiteral("/{id}/") + name,
            [&ctx, service, name](const ApiRequest &req, const ApiReply &reply) {
                auto in = JsonInput::parse(req.body);
                if (!in)
                    return reply.error(in.error());
                const std::optional<int> version = optionalVersion(*in);
                const bool rejecting = name == QLatin1String("reject");
                const auto reason
                    = rejecting ? in->string(QStringLiteral("reason"), true, 1000) : std::nullopt;
                if (!in->ok())
                    return reply.error(in->error());
                const qint64 id = req.idParam();
                runStaff(ctx, req, reply, Role::Agent,
                    [service, name, id, version = version.value_or(0), reason = reason.value_or(QString())](
                        SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                        Result<KnowledgeArticle> done = name == QLatin1String("submit")
                            ? service.submit(s, who, id, version)
                            : name == QLatin1String("approve") ? service.approve(s, who, id, version)
                                                               : service.reject(s, who, id, version, reason);
                        if (!done)
                            return done.error();
                        return HttpResponse::json(200, articleJson(done.value()));
                    });
            },
            staff);
    }
}

} // namespace joxai
