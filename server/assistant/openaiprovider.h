#pragma once
// OpenAI Chat Completions, and every server that speaks it (a local model server, a gateway):
// POST {base}/chat/completions with "Authorization: Bearer <key>" (left out when no key is set, for
// local servers); body {model, messages (the system prompt first), stream, stream_options
// {include_usage} when streaming, max_tokens, temperature}. A complete answer is read from
// choices[0].message.content and usage.prompt_tokens/completion_tokens; a streamed one from
// "data:" chunks (choices[0].delta.content), the final usage chunk, and "data: [DONE]".
// max_tokens rather than max_completion_tokens: compatible servers know it, and OpenAI's chat
// models still accept it.

#include "server/assistant/remoteprovider.h"

namespace joxai {

class OpenAiProvider final : public RemoteProvider
{
    Q_OBJECT

public:
    explicit OpenAiProvider(RemoteSettings settings, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(OpenAiProvider)

    static QString standardModel();   // "gpt-4o-mini"
    static QString standardBaseUrl(); // "https://api.openai.com/v1"

    QString name() const override;
    QString defaultModel() const override;
    QNetworkRequest networkRequest(bool stream) const override;
    QByteArray requestBody(const Prompt &prompt, bool stream) const override;
    Result<Completion> parseAnswer(const QByteArray &body) const override;
    std::unique_ptr<StreamDecoder> streamDecoder() const override;
    QString errorType(const QByteArray &body) const override;
};

} // namespace joxai
