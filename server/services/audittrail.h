#pragma once
// Writes audit entries for the services, with the actor and address of the request.

#include "server/core/roles.h"
#include "server/storage/auditstore.h"

namespace joxai {

class AuditTrail final
{
public:
    static Status record(SqlSession &s, const Principal &who, const QString &action, const QString &targetType,
                         const QString &targetId, const QJsonObject &details = {});
    // For events without a signed-in actor (failed logins, start-up, jobs).
    static Status recordAnonymous(SqlSession &s, const QString &actorEmail, const QString &clientAddress,
                                  const QString &action, const QJsonObject &details = {});
    // A change the system made on its own (actor "system"): an escalation opening a ticket.
    static Status recordSystem(SqlSession &s, const QString &action, const QString &targetType,
                               const QString &targetId, const QJsonObject &details = {});
};

} // namespace joxai
