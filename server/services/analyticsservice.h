#pragma once
// The supervisors' dashboard (shared/API.md "analytics"): supervisors and admins only.

#include "server/core/roles.h"
#include "server/services/dashboardcache.h"
#include "server/storage/analyticsstore.h"

#include <memory>

namespace joxai {

class AnalyticsService final
{
public:
    static constexpr int kMaxRangeDays = 366;
    // cacheSeconds: a range's answer is reused for that long (DashboardCache); 0 = always fresh.
    explicit AnalyticsService(int cacheSeconds = 0)
        : m_cache(std::make_unique<DashboardCache>(cacheSeconds))
    {
    }

    Result<QJsonObject> dashboard(
        SqlSession &s, const Principal &who, const QDateTime &from, const QDateTime &to) const;

private:
    std::unique_ptr<DashboardCache> m_cache; // behind a pointer: the service stays const, the cache fills
};

} // namespace joxai
