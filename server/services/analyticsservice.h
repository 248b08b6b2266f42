#pragma once
// The supervisors' dashboard (shared/API.md "analytics"): supervisors and admins only.

#include "server/core/roles.h"
#include "server/storage/analyticsstore.h"

namespace joxai {

class AnalyticsService final
{
public:
    static constexpr int kMaxRangeDays = 366;
    Result<QJsonObject> dashboard(SqlSession &s, const Principal &who, const QDateTime &from, const QDateTime &to) const;
};

} // namespace joxai
