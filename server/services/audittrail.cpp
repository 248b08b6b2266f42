#include "server/services/audittrail.h"

namespace joxai {

Status AuditTrail::record(SqlSession &s, const Principal &who, const QString &action, const QString &targetType,
                          const QString &targetId, const QJsonObject &details)
{
    AuditEntry e;
    e.actorId = who.userId;
    e.actorEmail = who.email;
    e.action = action;
    e.targetType = targetType;
    e.targetId = targetId;
    e.clientAddress = who.clientAddress;
    e.details = details;
    return AuditStore::append(s, e);
}

Status AuditTrail::recordAnonymous(SqlSession &s, const QString &actorEmail, const QString &clientAddress,
                                   const QString &action, const QJsonObject &details)
{
    AuditEntry e;
    e.actorEmail = actorEmail;
    e.action = action;
    e.clientAddress = clientAddress;
    e.details = details;
    return AuditStore::append(s, e);
}

Status AuditTrail::recordSystem(SqlSession &s, const QString &action, const QString &targetType,
                                const QString &targetId, const QJsonObject &details)
{
    AuditEntry e;
    e.actorEmail = QStringLiteral("system");
    e.action = action;
    e.targetType = targetType;
    e.targetId = targetId;
    e.details = details;
    return AuditStore::append(s, e);
}

} // namespace joxai
