#pragma once
// A source of assistant replies. `local` answers at once from the retrieved articles; the remote
// providers (Anthropic, OpenAI-compatible) answer asynchronously over the network. Providers live
// on the main thread; `done` is called exactly once, on the main thread, also on failure.

#include "server/assistant/assistanttypes.h"
#include "server/core/result.h"

#include <functional>

namespace joxai {

class AiProvider
{
public:
    using Done = std::function<void(Result<AssistantReply>)>;

    virtual ~AiProvider() = default;
    virtual QString name() const = 0;
    // Starts answering `request`. A remote provider retries what is worth retrying (time-outs,
    // 429/529/5xx, with back-off and jitter) and only then reports an error; the caller falls
    // back to `local`.
    virtual void reply(const AssistantRequest &request, Done done) = 0;
};

} // namespace joxai
