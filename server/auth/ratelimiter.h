#pragma once
// In-process rate limiter: a sliding one-minute window per (category, key). Thread-safe.
// Limits are requests per minute; 0 turns a category off.

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>

namespace joxai {

class RateLimiter final
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: seconds until one more request is allowed
    };

    void setLimit(const QString &category, int perMinute);
    // Records the hit when allowed. nowMs is a monotonic clock in milliseconds (tests pass their own).
    Decision hit(const QString &category, const QString &key, qint64 nowMs);
    Decision hit(const QString &category, const QString &key);
    // Drops windows that have emptied; call now and then to bound memory.
    void prune(qint64 nowMs);
    void prune(); // on the same steady clock as hit(category, key)

private:
    QMutex m_mutex;
    QHash<QString, int> m_limits;
    QHash<QString, std::deque<qint64>> m_hits; // key: len(category) + ':' + category + key
};

} // namespace joxai
