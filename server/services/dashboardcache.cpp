#include "server/services/dashboardcache.h"

#include <QMutexLocker>

namespace joxai {

QString DashboardCache::key(const QDateTime &from, const QDateTime &to)
{
    return QString::number(from.toMSecsSinceEpoch()) + QLatin1Char('/')
        + QString::number(to.toSecsSinceEpoch());
}

std::optional<QJsonObject> DashboardCache::find(
    const QDateTime &from, const QDateTime &to, Clock::time_point now)
{
    if (!enabled())
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key(from, to));
    if (it == m_entries.constEnd() || it->expires <= now)
        return std::nullopt;
    return it->answer;
}

void DashboardCache::store(
    const QDateTime &from, const QDateTime &to, const QJsonObject &answer, Clock::time_point now)
{
    if (!enabled())
        return;
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= kMaxEntries) {
        m_entries.removeIf([now](const QHash<QString, Entry>::iterator &it) { return it->expires <= now; });
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
    }
    m_entries.insert(key(from, to), Entry { answer, now + m_ttl });
}

} // namespace joxai
