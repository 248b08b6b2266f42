#include "server/api/customerroutes.h"

#include "server/api/jsoninput.h"
#include "server/services/customerservice.h"
#include "server/storage/database.h"

#include <QRegularExpression>

#include <memory>

namespace joxai {

namespace {

constexpr int kMaxName = 200;
constexpr int kMaxPhone = 40;
constexpr int kMaxRef = 100;
constexpr int kMaxReason = 500;

// Digits with the usual separators and an optional leading '+'.
bool isPhone(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+?[0-9][0-9 ().\\-/]{2,38}$"));
    return pattern.match(text).hasMatch();
}

// An optional text field of a PATCH: absent → nullopt, null or "" → "" (clears it).
std::optional<QString> clearable(JsonInput &in, const QString &key, int maxLength)
{
    const QJsonValue v = in.object().value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (v.isNull())
        return QString(QLatin1String(""));
    auto text = in.string(key, false, maxLength);
    return text ? std::optional<QString>(text->isNull() ? QString(QLatin1String("")) : *text) : std::nullopt;
}

// Reads name/email/phone/external_ref; `creating` makes name required.
CustomerChanges customerFields(JsonInput &in, bool creating)
{
    CustomerChanges c;
    c.name = in.string(QStringLiteral("name"), creating, kMaxName);
    if (!creating && in.object().contains(QStringLiteral("name"))) {
        const QJsonValue v = in.object().value(QStringLiteral("name"));
        if (v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            in.addProblem(QStringLiteral("name"), QStringLiteral("must not be empty"));
    }
    c.email = clearable(in, QStringLiteral("email"), 254);
    if (c.email && !c.email->isEmpty()) {
        c.email = in.email(QStringLiteral("email"), false);
    }
    c.phone = clearable(in, QStringLiteral("phone"), kMaxPhone);
    if (c.phone && !c.phone->isEmpty() && !isPhone(*c.phone))
        in.addProblem(
            QStringLiteral("phone"), QStringLiteral("must be a phone number (digits, spaces, + - ( ) . /)"));
    c.externalRef = clearable(in, QStringLiteral("external_ref"), kMaxRef);
    return c;
}

} // namespace

void installCustomerRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/customers");
    const RouteOptions staff { true, QString(), Gate::All };
    auto service = std::make_shared<const CustomerService>();

    router.add(
        "GET", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            CustomerFilter filter;
            filter.page = page.value();
            filter.search = req.queryValue(QStringLiteral("q")).trimmed().left(200);
            runStaff(ctx, req, reply, Role::Agent,
                [service, filter](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto list = service->list(s, who, filter);
                    if (!list)
                        return list.error();
                    return HttpResponse::page(list.value(), CustomerService::customerJson);
                });
        },
        staff);

    router.add(
        "POST", base,
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const CustomerChanges fields = customerFields(*in, true);
            if (!in->ok())
                return reply.error(in->error());
            NewCustomer c;
            c.name = fields.name.value_or(QString());
            c.email = fields.email.value_or(QString());
            c.phone = fields.phone.value_or(QString());
            c.externalRef = fields.externalRef.value_or(QString());
            runStaff(ctx, req, reply, Role::Supervisor,
                [service, c](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto made = service->create(s, who, c);
                    if (!made)
                        return made.error();
                    return HttpResponse::json(201, CustomerService::customerJson(made.value()));
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto c = service->get(s, who, id);
                    if (!c)
                        return c.error();
                    return HttpResponse::json(200, CustomerService::customerJson(c.value()));
                });
        },
        staff);

    router.add(
        "PATCH", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const CustomerChanges changes = customerFields(*in, false);
            if (!in->ok())
                return reply.error(in->error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Supervisor,
                [service, id, changes](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto c = service->update(s, who, id, changes);
                    if (!c)
                        return c.error();
                    return HttpResponse::json(200, CustomerService::customerJson(c.value()));
                });
        },
        staff);

    router.add(
        "DELETE", base + QStringLiteral("/{id}"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Admin,
                [service, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto c = service->erase(s, who, id);
                    if (!c)
                        return c.error();
                    return HttpResponse::json(200, CustomerService::customerJson(c.value()));
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}/conversations"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto page = pageFrom(req);
            if (!page)
                return reply.error(page.error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Agent,
                [service, id, page = page.value()](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto list = service->conversations(s, who, id, page);
                    if (!list)
                        return list.error();
                    return HttpResponse::page(list.value(), CustomerService::conversationJson);
                });
        },
        staff);

    router.add(
        "GET", base + QStringLiteral("/{id}/export"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Admin,
                [service, id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto data = service->exportData(s, who, id);
                    if (!data)
                        return data.error();
                    HttpResponse r = HttpResponse::json(200, data.value());
                    r.headers.append({ QByteArrayLiteral("Content-Disposition"),
                        QByteArrayLiteral("attachment; filename=\"customer-") + QByteArray::number(id)
                            + QByteArrayLiteral(".json\"") });
                    return r;
                });
        },
        staff);

    router.add(
        "PUT", base + QStringLiteral("/{id}/legal-hold"),
        [&ctx, service](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto on = in->boolean(QStringLiteral("on"), true);
            const auto reason = in->string(QStringLiteral("reason"), false, kMaxReason);
            if (on && *on && (!reason || reason->isEmpty()))
                in->addProblem(QStringLiteral("reason"), QStringLiteral("is required when on is true"));
            if (!in->ok())
                return reply.error(in->error());
            const qint64 id = req.idParam();
            runStaff(ctx, req, reply, Role::Admin,
                [service, id, on = *on, reason = reason.value_or(QString())](
                    SqlSession &s, const Principal &who) -> Result<HttpResponse> {
                    auto c = service->setLegalHold(s, who, id, on, reason);
                    if (!c)
                        return c.error();
                    return HttpResponse::json(200, CustomerService::customerJson(c.value()));
                });
        },
        staff);
}

} // namespace joxai
