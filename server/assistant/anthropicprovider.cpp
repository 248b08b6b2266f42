#include "server/assistant/anthropicprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace joxai {

namespace {

Error malformed(const QString &why)
{
    return Error::make(ErrorKind::Unavailable, QStringLiteral("ai_malformed"), why);
}

AttemptFailure streamFailure(const QString &code, const QString &detail, bool retryable)
{
    return {code, detail, retryable, {}};
}

// Errors Anthropic may send inside a stream (`event: error`) or as a body.
AttemptFailure vendorError(const QJsonObject &error)
{
    const QString type = error.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("overloaded_error"))
        return streamFailure(QStringLiteral("ai_overloaded"), type, true);
    if (type == QLatin1String("rate_limit_error"))
        return streamFailure(QStringLiteral("ai_rate_limited"), type, true);
    if (type == QLatin1String("api_error") || type == QLatin1String("timeout_error"))
        return streamFailure(QStringLiteral("ai_server_error"), type, true);
    return streamFailure(QStringLiteral("ai_rejected"), type.isEmpty() ? QStringLiteral("error event") : type, false);
}

class AnthropicStream final : public StreamDecoder
{
public:
    std::optional<AttemptFailure> take(const SseEvent &event) override
    {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return streamFailure(QStringLiteral("ai_malformed"), QStringLiteral("a stream event is not a JSON object"),
                                 false);
        const QJsonObject data = doc.object();
        const QString type = event.event.isEmpty() ? data.value(QStringLiteral("type")).toString()
                                                   : QString::fromLatin1(event.event);
        if (type == QLatin1String("message_start")) {
            const QJsonObject message = data.value(QStringLiteral("message")).toObject();
            m_completion.model = message.value(QStringLiteral("model")).toString();
            readUsage(message.value(QStringLiteral("usage")).toObject());
            m_started = true;
        } else if (type == QLatin1String("content_block_start")) {
            const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
            if (block.value(QStringLiteral("type")).toString() == QLatin1String("text"))
                m_completion.text += block.value(QStringLiteral("text")).toString();
        } else if (type == QLatin1String("content_block_delta")) {
            const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
            if (delta.value(QStringLiteral("type")).toString() == QLatin1String("text_delta")) {
                const QJsonValue text = delta.value(QStringLiteral("text"));
                if (!text.isString())
                    return streamFailure(QStringLiteral("ai_malformed"), QStringLiteral("a text_delta without text"),
                                         false);
                m_completion.text += text.toString();
            }
        } else if (type == QLatin1String("message_delta")) {
            const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
            const QString stop = delta.value(QStringLiteral("stop_reason")).toString();
            if (!stop.isEmpty())
                m_completion.stopReason = stop;
            readUsage(data.value(QStringLiteral("usage")).toObject());
        } else if (type == QLatin1String("message_stop")) {
            if (!m_started)
                return streamFailure(QStringLiteral("ai_malformed"), QStringLiteral("message_stop before message_start"),
                                     false);
            m_finished = true;
        } else if (type == QLatin1String("error")) {
            return vendorError(data.value(QStringLiteral("error")).toObject());
        }
        // ping, content_block_stop and event types added later are ignored, as the API asks.
        return std::nullopt;
    }

    bool finished() const override { return m_finished; }
    Completion completion() const override { return m_completion; }

private:
    void readUsage(const QJsonObject &usage)
    {
        // Counts are cumulative: the last one seen is the total.
        if (usage.contains(QStringLiteral("input_tokens")))
            m_completion.tokensIn = usage.value(QStringLiteral("input_tokens")).toInt();
        if (usage.contains(QStringLiteral("output_tokens")))
            m_completion.tokensOut = usage.value(QStringLiteral("output_tokens")).toInt();
    }

    Completion m_completion;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace

AnthropicProvider::AnthropicProvider(RemoteSettings settings, QObject *parent)
    : RemoteProvider(std::move(settings), parent)
{
}

QString AnthropicProvider::standardModel()
{
    return QStringLiteral("claude-3-5-haiku-latest");
}

QString AnthropicProvider::standardBaseUrl()
{
    return QStringLiteral("https://api.anthropic.com");
}

QString AnthropicProvider::name() const
{
    return QStringLiteral("anthropic");
}

QString AnthropicProvider::defaultModel() const
{
    return standardModel();
}

QNetworkRequest AnthropicProvider::networkRequest(bool stream) const
{
    QNetworkRequest request(endpoint(QStringLiteral("/v1/messages")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("x-api-key", settings().apiKey.toUtf8());
    request.setRawHeader("anthropic-version", kApiVersion);
    request.setRawHeader("accept", stream ? "text/event-stream" : "application/json");
    return request;
}

QByteArray AnthropicProvider::requestBody(const Prompt &prompt, bool stream) const
{
    QJsonArray messages;
    for (const PromptMessage &m : prompt.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    const QJsonObject body{
        {QStringLiteral("model"), model()},
        {QStringLiteral("max_tokens"), settings().maxTokens},
        {QStringLiteral("temperature"), settings().temperature},
        {QStringLiteral("system"), prompt.system},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("stream"), stream},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<Completion> AnthropicProvider::parseAnswer(const QByteArray &body) const
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QStringLiteral("the answer is not a JSON object"));
    const QJsonObject answer = doc.object();
    if (answer.value(QStringLiteral("type")).toString() == QLatin1String("error"))
        return malformed(QStringLiteral("an error body with a success status"));
    const QJsonValue content = answer.value(QStringLiteral("content"));
    if (!content.isArray())
        return malformed(QStringLiteral("the answer has no content array"));
    Completion completion;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject b = block.toObject();
        if (b.value(QStringLiteral("type")).toString() != QLatin1String("text"))
            continue;
        if (!b.value(QStringLiteral("text")).isString())
            return malformed(QStringLiteral("a text block without text"));
        completion.text += b.value(QStringLiteral("text")).toString();
    }
    const QJsonObject usage = answer.value(QStringLiteral("usage")).toObject();
    completion.tokensIn = usage.value(QStringLiteral("input_tokens")).toInt();
    completion.tokensOut = usage.value(QStringLiteral("output_tokens")).toInt();
    completion.model = answer.value(QStringLiteral("model")).toString();
    completion.stopReason = answer.value(QStringLiteral("stop_reason")).toString();
    return completion;
}

std::unique_ptr<StreamDecoder> AnthropicProvider::streamDecoder() const
{
    return std::make_unique<AnthropicStream>();
}

QString AnthropicProvider::errorType(const QByteArray &body) const
{
    // {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    return error.value(QStringLiteral("type")).toString().left(64);
}

} // namespace joxai
