#pragma once
// Which provider answers, from the configuration: AI_PROVIDER when set; otherwise the provider whose
// key is set (Anthropic first, then OpenAI); otherwise local (ConfigLoader::chooseAiProvider).

#include "server/assistant/aiprovider.h"
#include "server/assistant/remoteprovider.h"
#include "server/config/config.h"

#include <memory>

namespace joxai {

class ProviderFactory final
{
public:
    // "local", "anthropic" or "openai".
    static QString choose(const Config &config);

    // The remote provider the configuration chooses, living on the calling thread; nullptr when
    // the choice is "local": LocalProvider answers from the knowledge store, which this factory
    // does not have — the runtime builds it (and keeps it as the fallback of a remote provider).
    // No QObject parent: the unique_ptr owns the provider.
    static std::unique_ptr<AiProvider> create(const Config &config);

    // What create() gives a remote provider: base URL, key and model of that vendor, the
    // JOXAI_AI_* settings (time-out, retries, streaming, max tokens) and default back-off.
    static RemoteSettings remoteSettings(const Config &config, const QString &provider);
};

} // namespace joxai
