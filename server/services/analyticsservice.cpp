#include "server/services/analyticsservice.h"

namespace joxai {

Result<QJsonObject> AnalyticsService::dashboard(SqlSession &s, const Principal &who, const QDateTime &from,
                                                const QDateTime &to) const
{
    if (!atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("The dashboard is for supervisors and admins."));
    return AnalyticsStore::dashboard(s, from, to);
}

} // namespace joxai
