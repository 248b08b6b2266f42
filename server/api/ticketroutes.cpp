#include "server/api/ticketroutes.h"

#include "server/api/jsoninput.h"
#include "server/services/ticketevents.h"
#include "server/services/ticketservice.h"
#include "server/storage/database.h"

#include <QSet>

#include <limits>

#include <memory>

namespace joxai {

namespace {

constexpr int kMaxSubject = 200;
constexpr int kMaxDescription = 10000;
constexpr int kMaxCategory = 100;
constexpr int kMaxComment = 10000;
constexpr int kMaxBulk = 200;

Error badQuery(const QString &field, const QString &problem)
{
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
        QStringLiteral("The query parameter %1 %2.").arg(field, problem));
    e.fields = QJsonObject { { field, problem } };
    return e;
}

// "open" or "open,pending": every value must be one of `allowed`.
std::optional<QStringList> enumList(const QString &text, const QStringList &allowed)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString v = part.trimmed();
        if (!allowed.contains(v))
            return std::nullopt;
        if (!out.contains(v))
            out << v;
    }
    return out;
}

Result<TicketListQuery> listQueryFrom(const ApiRequest &req)
{
    TicketListQuery query;
    TicketFilter &f = query.filter;
    auto page = pageFrom(req);
    if (!page)
        return page.error();
    f.page = page.value();
    if (req.hasQuery(QStringLiteral("status"))) {
        auto v = enumList(req.queryValue(QStringLiteral("status")), TicketService::statuses());
        if (!v)
            return badQuery(
                QStringLiteral("status"), QStringLiteral("must be open, pending, resolved or closed"));
        f.statuses = *v;
    }
    if (req.hasQuery(QStringLiteral("priority"))) {
        auto v = enumList(req.queryValue(QStringLiteral("priority")), TicketService::priorities());
        if (!v)
            return badQuery(
                QStringLiteral("priority"), QStringLiteral("must be low, normal, high or urgent"));
        f.priorities = *v;
    }
    const QString assigned = req.queryValue(QStringLiteral("assigned_to")).trimmed();
    if (assigned == QLatin1String("me")) {
        query.assignedToMe = true;
    } else if (assigned == QLatin1String("none")) {
        f.assigned = TicketFilter::Assigned::Nobody;
    } else if (!assigned.isEmpty()) {
        bool ok = false;
        const qint64 id = assigned.toLongLong(&ok);
        if (!ok || id <= 0)
            return badQuery(QStringLiteral("assigned_to"), QStringLiteral("must be me, none or a user id"));
        f.assigned = TicketFilter::Assigned::User;
        f.assignedTo = id;
    }
    const QString customer = req.queryValue(QStringLiteral("customer_id")).trimmed();
    if (!customer.isEmpty()) {
        bool ok = false;
        f.customerId = customer.toLongLong(&ok);
        if (!ok || f.customerId <= 0)
            return badQuery(QStringLiteral("customer_id"), QStringLiteral("must be a customer id"));
    }
    const QString overdue = req.queryValue(QStringLiteral("overdue")).trimmed();
    if (overdue == QLatin1String("true"))
        f.overdue = true;
    else if (overdue == QLatin1String("false"))
        f.overdue = false;
    else if (!overdue.isEmpty())
        return badQuery(QStringLiteral("overdue"), QStringLiteral("must be true or false"));
    f.search = req.queryValue(QStringLiteral("q")).trimmed().left(200);
    f.sort = req.queryValue(QStringLiteral("sort")).trimmed();
    if (!f.sort.isEmpty() && !TicketStore::sortKeys().contains(f.sort))
        return badQuery(QStringLiteral("sort"),
            QStringLiteral("must be one of: ") + TicketStore::sortKeys().join(QStringLiteral(", ")));
    return query;
}

// assigned_to: a user id, or null for nobody; absent → nullopt.
std::optional<qint64> assigneeFrom(JsonInput &in)
{
    const QJsonValue v = in.object().value(QStringLiteral("assigned_to"));
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull())
        return qint64(0);
    return in.integer(QStringLiteral("assigned_to"), false, 1, std::numeric_limits<qint64>::max() / 2);
}

HttpResponse ticketAnswer(int status, const Ticket &t)
{
    return HttpResponse::json(status, TicketEvents::ticketJson(t, QDateTime::currentDateTimeUtc()));
}

} // namespace

void installTicketRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/tickets");
    const RouteOptions staff { true, QString(), Gate::All };
    auto service = std::make_shared<const TicketService>();

    router.add(
        "GET", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto query = listQueryFrom(req);
            if (!query)
                return reply.error(query.error());
            runStaff(ctx, req, reply, Role::Agent,
                [service, query = query.value()](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto page = service->list(s, who, query);
                    if (!page)
                        return page.error();
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    return HttpResponse::page(
                        page.value(), [&now](const Ticket &t) { return TicketEvents::ticketJson(t, now); });
                });
        },
        staff);

    router.add(
        "POST", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            TicketInput input;
            const auto subject = in->string(QStringLiteral("subject"), true, kMaxSubject);
            const auto description = in->string(QStringLiteral("description"), false, kMaxDescription);
            const auto priority = in->oneOf(QStringLiteral("priority"), TicketService::priorities(), false);
            const auto category = in->string(QStringLiteral("category"), false, kMaxCategory);
            const auto assignee = assigneeFrom(*in);
            const auto customer = in->integer(
                QStringLiteral("customer_id"), false, 1, std::numeric_limits<qint64>::max() / 2);
            const auto conversation = in->string(QStringLiteral("conversation_id"), false, 64);
            if (!in->ok())
                return reply.error(in->error());
            input.subject = subject.value_or(QString());
            input.description = description.value_or(QString());
            input.priority = priority.value_or(QStringLiteral("normal"));
            input.category = category.value_or(QString());
            input.assignedTo = assignee.value_or(0);
            input.customerId = customer.value_or(0);
            input.conversationId = conversation.value_or(QString());
            runStaffThenKick(ctx, req, reply, Role::Agent,
                [service, input](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto made = service->create(s, who, input);
                    if (!made)
                        return made.error();
                    return ticketAnswer(201, made.value());
                });
        },
        staff);

    router.add(
        "POST", base + QStringLiteral("/bulk-assign"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto ids = in->array(QStringLiteral("ids"), true);
            QList<qint64> list;
            if (ids) {
                QSet<qint64> seen;
                for (const QJsonValue &v : *ids) {
                    const double d = v.toDouble();
                    if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > 1e15) {
                        in->addProblem(
                            QStringLiteral("ids"), QStringLiteral("must list ticket ids (whole numbers)"));
                        break;
                    }
                    if (!seen.contains(qint64(d))) {
                        seen.insert(qint64(d));
                        list << qint64(d);
                    }
                }
                if (ids->isEmpty())
                    in->addProblem(QStringLiteral("ids"), QStringLiteral("must list at least one ticket id"));
                else if (list.size() > kMaxBulk)
                    in->addProblem(
                        QStringLiteral("ids"), QStringLiteral("may list at most %1 tickets").arg(kMaxBulk));
            }
            if (!in->object().contains(QStringLiteral("user_id")))
                in->addProblem(
                    QStringLiteral("user_id"), QStringLiteral("is required (a user id, or null for nobody)"));
            const QJsonValue userValue = in->object().value(QStringLiteral("user_id"));
            const auto userId = userValue.isNull() || userValue.isUndefined()
                ? std::optional<qint64>(0)
                : in->integer(QStringLiteral("user_id"), true, 1, std::numeric_limits<qint64>::max() / 2);
            if (!in->ok())
                return reply.error(in->error());
            runStaffThenKick(ctx, req, reply, Role::Supervisor,
                [service, list, userId = userId.value_or(0)](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto done = service->bulkAssign(s, who, list, userId);
                    if (!done)
                        return done.error();
                    QJsonArray items;
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    for (const Ticket &t : done.value())
                        items.append(TicketEvents::ticketJson(t, now));
                    return HttpResponse::json(200,
                        QJsonObject {
                            { QStringLiteral("items"), items }, { QStringLiteral("total"), items.size() } });
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto t = service->get(s, who, id);
                    if (!t)
                        return t.error();
                    return ticketAnswer(200, t.value());
                });
        },
        staff);

    router.add(
        "PATCH", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            TicketUpdate changes;
            changes.subject = in->string(QStringLiteral("subject"), false, kMaxSubject);
            if (changes.subject && changes.subject->isEmpty())
                in->addProblem(QStringLiteral("subject"), QStringLiteral("must not be empty"));
            if (in->object().contains(QStringLiteral("subject"))
                && in->object().value(QStringLiteral("subject")).isNull())
                in->addProblem(QStringLiteral("subject"), QStringLiteral("must not be null"));
            changes.status = in->oneOf(QStringLiteral("status"), TicketService::statuses(), false);
            changes.priority = in->oneOf(QStringLiteral("priority"), TicketService::priorities(), false);
            changes.category = in->string(QStringLiteral("category"), false, kMaxCategory);
            if (in->object().contains(QStringLiteral("category"))
                && in->object().value(QStringLiteral("category")).isNull())
                changes.category = QString(QLatin1String(""));
            changes.assignedTo = assigneeFrom(*in);
            if (!in->ok())
                return reply.error(in->error());
            const qint64 id = req.idParam();
            runStaffThenKick(ctx, req, reply, Role::Agent,
                [service, id, changes](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto t = service->update(s, who, id, changes);
                    if (!t)
                        return t.error();
                    return ticketAnswer(200, t.value());
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}/comments"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, page = page.value()](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto comments = service->comments(s, who, id, page);
                    if (!comments)
                        return comments.error();
                    return HttpResponse::page(comments.value(), TicketEvents::commentJson);
                });
        },
        staff);

    router.add(
        "POST", base + QStringLiteral("/{id}/comments"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto body = in->string(QStringLiteral("body"), true, kMaxComment);
            const auto internal = in->boolean(QStringLiteral("internal"), false);
            if (!in->ok())
                return reply.error(in->error());
            const qint64 id = req.idParam();
            runStaffThenKick(ctx, req, reply, Role::Agent,
                [service, id, body = *body, internal = internal.value_or(false)](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto made = service->addComment(s, who, id, body, internal);
                    if (!made)
                        return made.error();
                    return HttpResponse::json(201, TicketEvents::commentJson(made.value()));
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}/history"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, page = page.value()](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto history = service->history(s, who, id, page);
                    if (!history)
                        return history.error();
                    return HttpResponse::page(history.value(), TicketEvents::historyJson);
                });
        },
        staff);
}

} // namespace joxai
