#include "server/auth/ratelimiter.h"

#include <QMutexLocker>

#include <chrono>

namespace joxai {

namespace {

constexpr qint64 WindowMs = 60 * 1000;

// The category's length goes first, so that no (category, key) pair can spell another's
// ("a", "b\nc") and ("a\nb", "c") stay apart whatever characters a key holds.
QString windowKey(const QString &category, const QString &key)
{
    return QString::number(category.size()) + QLatin1Char(':') + category + key;
}

// Drops the hits that have left the window ending at nowMs.
void expire(std::deque<qint64> &hits, qint64 nowMs)
{
    while (!hits.empty() && hits.front() <= nowMs - WindowMs)
        hits.pop_front();
}

} // namespace

void RateLimiter::setLimit(const QString &category, int perMinute)
{
    const QMutexLocker locker(&m_mutex);
    m_limits.insert(category, qMax(0, perMinute));
}

RateLimiter::Decision RateLimiter::hit(const QString &category, const QString &key, qint64 nowMs)
{
    const QMutexLocker locker(&m_mutex);
    const int limit = m_limits.value(category, 0);
    if (limit <= 0)
        return {}; // no limit set, or 0: the category is off

    std::deque<qint64> &hits = m_hits[windowKey(category, key)];
    expire(hits, nowMs);
    const auto count = qsizetype(hits.size());
    if (count < limit) {
        hits.push_back(nowMs);
        return {};
    }
    // One more request fits once the hit at (count - limit) has left the window; after a lowered
    // limit that is not necessarily the oldest one.
    const qint64 freeAtMs = hits[size_t(count - limit)] + WindowMs;
    const qint64 waitMs = freeAtMs - nowMs;
    Decision refused;
    refused.allowed = false;
    refused.retryAfterSeconds = int(qBound<qint64>(1, (waitMs + 999) / 1000, WindowMs / 1000));
    return refused;
}

namespace {
qint64 steadyNowMs()
{
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return qint64(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}
} // namespace

RateLimiter::Decision RateLimiter::hit(const QString &category, const QString &key)
{
    return hit(category, key, steadyNowMs());
}

void RateLimiter::prune()
{
    prune(steadyNowMs());
}

void RateLimiter::prune(qint64 nowMs)
{
    const QMutexLocker locker(&m_mutex);
    for (auto it = m_hits.begin(); it != m_hits.end();) {
        expire(it.value(), nowMs);
        if (it.value().empty())
            it = m_hits.erase(it);
        else
            ++it;
    }
}

} // namespace joxai
