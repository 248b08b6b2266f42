#include "server/assistant/replycache.h"

#include "server/assistant/assistanttexts.h"
#include "server/assistant/textnormaliser.h"

#include <QMutexLocker>

#include <chrono>

namespace joxai {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

ReplyCache::ReplyCache(int windowSeconds, int capacity, Clock clock)
    : m_windowMs(qint64(windowSeconds) * 1000)
    , m_capacity(capacity)
    , m_clock(clock ? std::move(clock) : Clock(steadyMs))
{
}

QString ReplyCache::keyOf(const QString &language, bool verified, const QString &question)
{
    const QString normalised = TextNormaliser::questionKey(question);
    if (normalised.isEmpty())
        return {};
    return AssistantTexts::language(language) + (verified ? QStringLiteral("|v|") : QStringLiteral("|a|"))
           + normalised;
}

std::optional<AssistantReply> ReplyCache::find(const QString &language, bool verified, const QString &question)
{
    const QString key = keyOf(language, verified, question);
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    auto it = key.isEmpty() ? m_entries.end() : m_entries.find(key);
    if (it == m_entries.end()) {
        ++m_misses;
        return std::nullopt;
    }
    if (now - it->storedAt >= m_windowMs) {
        m_recency.erase(it->recency);
        m_entries.erase(it);
        ++m_misses;
        return std::nullopt;
    }
    m_recency.splice(m_recency.begin(), m_recency, it->recency);
    ++m_hits;
    AssistantReply reply = it->reply;
    lock.unlock();

    reply.cacheHit = true;
    reply.tokensIn = 0;
    reply.tokensOut = 0;
    reply.costUsd = 0;
    reply.latencyMs = 0;
    return reply;
}

void ReplyCache::insert(const QString &language, bool verified, const QString &question,
                        const AssistantReply &reply)
{
    if (!reply.answered || reply.fallback || reply.cacheHit || m_windowMs <= 0 || m_capacity <= 0)
        return;
    const QString key = keyOf(language, verified, question);
    if (key.isEmpty())
        return;
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        it->reply = reply;
        it->storedAt = now;
        m_recency.splice(m_recency.begin(), m_recency, it->recency);
        return;
    }
    m_recency.push_front(key);
    m_entries.insert(key, Entry{reply, now, m_recency.begin()});
    while (m_entries.size() > m_capacity) {
        m_entries.remove(m_recency.back());
        m_recency.pop_back();
    }
}

void ReplyCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    m_recency.clear();
}

qint64 ReplyCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}

qint64 ReplyCache::misses() const
{
    QMutexLocker lock(&m_mutex);
    return m_misses;
}

int ReplyCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

} // namespace joxai
