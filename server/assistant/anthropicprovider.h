#pragma once
// Anthropic's Messages API: POST {base}/v1/messages with x-api-key and anthropic-version
// 2023-06-01; body {model, max_tokens, system, messages, stream, temperature}. A complete answer
// is read from content[].text and usage; a streamed one from the events message_start (input
// tokens), content_block_start/_delta (text_delta), message_delta (output tokens, stop reason),
// message_stop (the end), ping and error. Retries and the rest: RemoteProvider.

#include "server/assistant/remoteprovider.h"

namespace joxai {

class AnthropicProvider final : public RemoteProvider
{
    Q_OBJECT

public:
    explicit AnthropicProvider(RemoteSettings settings, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AnthropicProvider)

    static constexpr const char *kApiVersion = "2023-06-01";
    static QString standardModel(); // "claude-3-5-haiku-latest"
    static QString standardBaseUrl(); // "https://api.anthropic.com"

    QString name() const override;
    QString defaultModel() const override;
    QNetworkRequest networkRequest(bool stream) const override;
    QByteArray requestBody(const Prompt &prompt, bool stream) const override;
    Result<Completion> parseAnswer(const QByteArray &body) const override;
    std::unique_ptr<StreamDecoder> streamDecoder() const override;
    QString errorType(const QByteArray &body) const override;
};

} // namespace joxai
