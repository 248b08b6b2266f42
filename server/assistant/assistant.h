#pragma once
// Chooses who answers a customer and makes sure someone always does. The local provider and the
// reply cache are thread-safe and answer on the worker thread that stored the customer's message
// (no hop to the main thread: the chat endpoint's fast path). A remote provider (Anthropic,
// OpenAI-compatible) answers asynchronously on the main thread; when it fails after its retries,
// the local provider answers instead and the reply is flagged `fallback`.

#include "server/assistant/aiprovider.h"

#include <QObject>

#include <memory>

namespace joxai {

class LocalProvider;
class ReplyCache;

class Assistant final
{
public:
    // `remote` null: the local provider answers everything.
    Assistant(std::unique_ptr<AiProvider> remote, int cacheSeconds);
    ~Assistant();
    Q_DISABLE_COPY_MOVE(Assistant)

    QString providerName() const;
    bool answersOnWorker() const { return !m_remote; }

    // Thread-safe: the cache, else the local provider.
    AssistantReply answerLocally(const AssistantRequest &request) const;
    // Main thread: the cache, else the remote provider, else (on failure) the local one. `done`
    // is called exactly once with a reply; it never fails.
    void answer(const AssistantRequest &request, std::function<void(AssistantReply)> done);

    qint64 cacheHits() const;
    qint64 fallbacks() const { return m_fallbacks; }

private:
    std::unique_ptr<AiProvider> m_remote;
    std::unique_ptr<LocalProvider> m_local;
    std::unique_ptr<ReplyCache> m_cache;
    qint64 m_fallbacks = 0;
};

} // namespace joxai
