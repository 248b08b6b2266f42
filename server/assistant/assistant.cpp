#include "server/assistant/assistant.h"

#include "server/assistant/localprovider.h"
#include "server/assistant/replycache.h"

#include <QElapsedTimer>
#include <QPointer>

namespace joxai {

namespace {
constexpr int kCacheCapacity = 10000;
} // namespace

Assistant::Assistant(std::unique_ptr<AiProvider> remote, int cacheSeconds)
    : m_remote(std::move(remote)), m_local(std::make_unique<LocalProvider>()),
      m_cache(cacheSeconds > 0 ? std::make_unique<ReplyCache>(cacheSeconds, kCacheCapacity) : nullptr)
{
}

Assistant::~Assistant() = default;

QString Assistant::providerName() const
{
    return m_remote ? m_remote->name() : m_local->name();
}

qint64 Assistant::cacheHits() const
{
    return m_cache ? m_cache->hits() : 0;
}

AssistantReply Assistant::answerLocally(const AssistantRequest &request) const
{
    if (m_cache) {
        if (auto cached = m_cache->find(request.language, request.verified, request.question))
            return *cached;
    }
    QElapsedTimer timer;
    timer.start();
    AssistantReply reply = m_local->answer(request);
    reply.latencyMs = timer.elapsed();
    if (m_cache)
        m_cache->insert(request.language, request.verified, request.question, reply);
    return reply;
}

void Assistant::answer(const AssistantRequest &request, std::function<void(AssistantReply)> done)
{
    if (m_cache) {
        if (auto cached = m_cache->find(request.language, request.verified, request.question)) {
            done(*cached);
            return;
        }
    }
    if (!m_remote) {
        done(answerLocally(request));
        return;
    }
    m_remote->reply(request, [this, request, done = std::move(done)](Result<AssistantReply> r) {
        if (r) {
            if (m_cache)
                m_cache->insert(request.language, request.verified, request.question, r.value());
            done(r.value());
            return;
        }
        // The customer always gets an answer: the local one, flagged.
        ++m_fallbacks;
        AssistantReply local = m_local->answer(request);
        local.fallback = true;
        done(local);
    });
}

} // namespace joxai
