#include "server/assistant/providerfactory.h"

#include "server/assistant/anthropicprovider.h"
#include "server/assistant/openaiprovider.h"
#include "server/config/configloader.h"

namespace joxai {

QString ProviderFactory::choose(const Config &config)
{
    return ConfigLoader::chooseAiProvider(config);
}

RemoteSettings ProviderFactory::remoteSettings(const Config &config, const QString &provider)
{
    RemoteSettings s;
    const bool anthropic = provider == QLatin1String("anthropic");
    s.baseUrl = anthropic ? config.anthropicBaseUrl : config.openaiBaseUrl;
    if (s.baseUrl.trimmed().isEmpty())
        s.baseUrl = anthropic ? AnthropicProvider::standardBaseUrl() : OpenAiProvider::standardBaseUrl();
    s.apiKey = anthropic ? config.anthropicApiKey : config.openaiApiKey;
    s.model = config.aiModel;
    s.maxTokens = config.aiMaxTokens;
    s.stream = config.aiStream;
    s.retry.attemptTimeoutMs = config.aiTimeoutSeconds * 1000;
    s.retry.maxRetries = config.aiMaxRetries;
    return s;
}

std::unique_ptr<AiProvider> ProviderFactory::create(const Config &config)
{
    const QString provider = choose(config);
    if (provider == QLatin1String("anthropic"))
        return std::make_unique<AnthropicProvider>(remoteSettings(config, provider));
    if (provider == QLatin1String("openai"))
        return std::make_unique<OpenAiProvider>(remoteSettings(config, provider));
    return nullptr;
}

} // namespace joxai
