#include "server/api/authroutes.h"

#include "server/api/jsoninput.h"
#include "server/api/views.h"
#include "server/services/authservice.h"
#include "server/storage/database.h"

namespace joxai {

namespace {

QJsonObject tokenJson(const QString &token, const QDateTime &expiresAt)
{
    return {{QStringLiteral("token"), token},
            {QStringLiteral("access_token"), token}, // the FastAPI original's name, for old clients
            {QStringLiteral("token_type"), QStringLiteral("bearer")},
            {QStringLiteral("expires_at"), timeJson(expiresAt)}};
}

} // namespace

void installAuthRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/auth");
    const RouteOptions session{true, QString(), Gate::Session};
    const RouteOptions twoFactor{true, QString(), Gate::TwoFactorSetup};

    router.add("POST", base + QStringLiteral("/login"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto email = in->string(QStringLiteral("email"), true, 254);
        const auto password = in->string(QStringLiteral("password"), true, 1000);
        const auto otp = in->string(QStringLiteral("otp"), false, 12);
        if (!in->ok())
            return reply.error(in->error());
        const QString address = req.clientAddress;
        const AuthService &auth = ctx.auth;
        // The whole login runs on the bcrypt pool: a storm of logins never starves other requests.
        runPublic(ctx, reply, [&auth, email = *email, password = *password, otp = otp.value_or(QString()), address](
                                  SqlSession &s) -> Result<HttpResponse> {
            auto r = auth.login(s, email, password, otp, address);
            if (!r)
                return r.error();
            QJsonObject body = tokenJson(r->token, r->expiresAt);
            body.insert(QStringLiteral("user"), userJson(r->user));
            return HttpResponse::json(200, body);
        }, Pool::Bcrypt);
    }, RouteOptions{false, QStringLiteral("auth"), Gate::All});

    router.add("GET", base + QStringLiteral("/me"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [&ctx](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto user = ctx.auth.me(s, who);
            if (!user)
                return user.error();
            QJsonObject body = userJson(user.value());
            auto required = AuthService::twoFactorRequired(s, user->role);
            if (!required)
                return required.error();
            body.insert(QStringLiteral("two_factor_required"), required.value());
            return HttpResponse::json(200, body);
        });
    }, session);

    router.add("POST", base + QStringLiteral("/logout"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [&ctx](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            if (auto r = ctx.auth.logout(s, who); !r)
                return r.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("detail"), QStringLiteral("Signed out on every device.")}});
        });
    }, session);

    router.add("POST", base + QStringLiteral("/change-password"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto in = JsonInput::parse(req.body);
        if (!in)
            return reply.error(in.error());
        const auto current = in->string(QStringLiteral("current_password"), true, 1000);
        const auto replacement = in->string(QStringLiteral("new_password"), true, 1000);
        if (!in->ok())
            return reply.error(in->error());
        runStaff(ctx, req, reply, Role::Agent, [&ctx, current = *current, replacement = *replacement](
                                                   SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            if (auto r = ctx.auth.changePassword(s, who, current, replacement); !r)
                return r.error();
            // Every earlier token is revoked now; hand the caller a fresh one.
            auto user = ctx.auth.me(s, who);
            if (!user)
                return user.error();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QJsonObject body = tokenJson(ctx.auth.tokens().issue(user->id, user->role, user->tokenVersion, now),
                                         now.addSecs(ctx.auth.tokens().lifetimeSeconds()));
            body.insert(QStringLiteral("detail"), QStringLiteral("Password changed."));
            body.insert(QStringLiteral("user"), userJson(user.value()));
            return HttpResponse::json(200, body);
        }, Pool::Bcrypt);
    }, RouteOptions{true, QStringLiteral("auth"), Gate::Session});

    router.add("POST", base + QStringLiteral("/2fa/setup"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [&ctx](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto setup = ctx.auth.setupTotp(s, who);
            if (!setup)
                return setup.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("secret"), setup->secret},
                                                       {QStringLiteral("otpauth_uri"), setup->otpauthUri}});
        });
    }, twoFactor);

    for (const bool enable : {true, false}) {
        router.add("POST", base + (enable ? QStringLiteral("/2fa/enable") : QStringLiteral("/2fa/disable")),
                   [&ctx, enable](const ApiRequest &req, const ApiReply &reply) {
            auto in = JsonInput::parse(req.body);
            if (!in)
                return reply.error(in.error());
            const auto otp = in->string(QStringLiteral("otp"), true, 12);
            if (!in->ok())
                return reply.error(in->error());
            runStaff(ctx, req, reply, Role::Agent, [&ctx, enable, otp = *otp](SqlSession &s, const Principal &who)
                                                       -> Result<HttpResponse> {
                auto r = enable ? ctx.auth.enableTotp(s, who, otp) : ctx.auth.disableTotp(s, who, otp);
                if (!r)
                    return r.error();
                return HttpResponse::json(200, QJsonObject{{QStringLiteral("two_factor_enabled"), enable}});
            });
        }, RouteOptions{true, QStringLiteral("auth"), Gate::TwoFactorSetup});
    }
}

} // namespace joxai
