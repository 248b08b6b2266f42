#include "server/services/analyticsservice.h"

namespace joxai {

Result<QJsonObject> AnalyticsService::dashboard(
    SqlSession &s, const Principal &who, const QDateTime &from, const QDateTime &to) const
{
    if (!atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
            QStringLiteral("The dashboard is for supervisors and admins."));
    if (auto cached = m_cache->find(from, to))
        return *cached;
    auto fresh = AnalyticsStore::dashboard(s, from, to);
    if (fresh)
        m_cache->store(from, to, fresh.value());
    return fresh;
}

} // namespace joxai
