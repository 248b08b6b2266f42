#include "server/core/roles.h"

namespace joxai {

std::optional<Role> parseRole(const QString &name)
{
    if (name == QLatin1String("admin"))
        return Role::Admin;
    if (name == QLatin1String("supervisor"))
        return Role::Supervisor;
    if (name == QLatin1String("agent"))
        return Role::Agent;
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Agent:
        break;
    }
    return QStringLiteral("agent");
}

} // namespace joxai
