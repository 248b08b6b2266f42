#pragma once
// Identical questions within a time window are answered from here (counted as cache hits).
// Keyed by (language, verified, normalised question: lower case, trimmed, whitespace collapsed,
// trailing punctuation dropped). Bounded: at most `capacity` entries, the least recently used go
// first. Never holds a reply that did not answer or that came from a fallback. Thread-safe.
//
// A reply found here comes back with cacheHit = true and no usage of its own (tokens, cost and
// latency 0): the provider spent them once, when the reply was made.

#include "server/assistant/assistanttypes.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <list>
#include <optional>

namespace joxai {

class ReplyCache final
{
public:
    // Milliseconds on a monotonic clock; tests pass their own.
    using Clock = std::function<qint64()>;

    static constexpr int kDefaultCapacity = 2000;

    // windowSeconds <= 0 or capacity <= 0 turns the cache off (every find misses, nothing is kept).
    explicit ReplyCache(int windowSeconds, int capacity = kDefaultCapacity, Clock clock = {});
    Q_DISABLE_COPY_MOVE(ReplyCache)

    std::optional<AssistantReply> find(const QString &language, bool verified, const QString &question);
    void insert(const QString &language, bool verified, const QString &question, const AssistantReply &reply);
    void clear(); // e.g. when the published articles change

    qint64 hits() const;
    qint64 misses() const;
    int size() const;

private:
    struct Entry
    {
        AssistantReply reply;
        qint64 storedAt = 0;
        std::list<QString>::iterator recency; // position in m_recency
    };

    static QString keyOf(const QString &language, bool verified, const QString &question);

    const qint64 m_windowMs;
    const int m_capacity;
    const Clock m_clock;

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_recency; // most recently used first
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace joxai
