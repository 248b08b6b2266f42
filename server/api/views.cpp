#include "server/api/views.h"

namespace joxai {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(SqlSession::isoTime(t)) : QJsonValue();
}

QJsonObject userJson(const User &u)
{
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("full_name"), u.fullName},
            {QStringLiteral("role"), u.role},
            {QStringLiteral("is_active"), u.isActive},
            {QStringLiteral("must_change_password"), u.mustChangePassword},
            {QStringLiteral("two_factor_enabled"), u.totpEnabled},
            {QStringLiteral("last_login_at"), timeJson(u.lastLoginAt)},
            {QStringLiteral("created_at"), timeJson(u.createdAt)},
            {QStringLiteral("updated_at"), timeJson(u.updatedAt)}};
}

QJsonObject auditJson(const AuditEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("actor_id"), e.actorId > 0 ? QJsonValue(e.actorId) : QJsonValue()},
            {QStringLiteral("actor_email"), e.actorEmail},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("target_type"), e.targetType},
            {QStringLiteral("target_id"), e.targetId},
            {QStringLiteral("client_address"), e.clientAddress},
            {QStringLiteral("details"), e.details},
            {QStringLiteral("created_at"), timeJson(e.createdAt)}};
}

} // namespace joxai
