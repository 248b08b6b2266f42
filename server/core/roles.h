#pragma once
// Staff roles, ordered: admin > supervisor > agent.

#include <QString>

#include <optional>

namespace joxai {

enum class Role { Agent = 1, Supervisor = 2, Admin = 3 };

std::optional<Role> parseRole(const QString &name);
QString roleName(Role role);
inline bool atLeast(Role role, Role minimum) { return static_cast<int>(role) >= static_cast<int>(minimum); }

// Which account-state gates a route skips. Sign-in housekeeping must stay reachable while a
// password change or a two-factor set-up is due, or the user could never complete it.
enum class Gate {
    All,            // every rule applies
    TwoFactorSetup, // open while two-factor set-up is due (auth/2fa/*), not while a password change is
    Session,        // open in both cases (auth/me, auth/logout, auth/change-password)
};

// Who is calling, and from where: a verified, active staff member, loaded fresh for each request.
struct Principal
{
    QString clientAddress;
    qint64 userId = 0;
    Role role = Role::Agent;
    QString email;
    QString fullName;
    bool mustChangePassword = false;
};

} // namespace joxai
