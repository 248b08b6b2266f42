#include "server/assistant/openaiprovider.h"

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

void readUsage(const QJsonValue &value, Completion &completion)
{
    if (!value.isObject()) // null in every chunk but the last
        return;
    const QJsonObject usage = value.toObject();
    completion.tokensIn = usage.value(QStringLiteral("prompt_tokens")).toInt();
    completion.tokensOut = usage.value(QStringLiteral("completion_tokens")).toInt();
}

QString errorTypeOf(const QJsonObject &error)
{
    const QString type = error.value(QStringLiteral("type")).toString();
    const QJsonValue code = error.value(QStringLiteral("code"));
    const QString codeText = code.isString() ? code.toString() : code.isDouble() ? QString::number(code.toInt()) : QString();
    if (type.isEmpty())
        return codeText.left(64);
    return (codeText.isEmpty() ? type : type + QLatin1Char('/') + codeText).left(64);
}

class OpenAiStream final : public StreamDecoder
{
public:
    std::optional<AttemptFailure> take(const SseEvent &event) override
    {
        if (event.data.trimmed() == "[DONE]") {
            m_finished = true;
            return std::nullopt;
        }
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return AttemptFailure{QStringLiteral("ai_malformed"), QStringLiteral("a stream chunk is not a JSON object"),
                                  false, {}};
        const QJsonObject chunk = doc.object();
        if (chunk.value(QStringLiteral("error")).isObject()) {
            // A server error in the middle of a stream; retried like a 5xx.
            const QJsonObject error = chunk.value(QStringLiteral("error")).toObject();
            const QString type = errorTypeOf(error);
            const bool client = type.startsWith(QLatin1String("invalid_request"));
            return AttemptFailure{client ? QStringLiteral("ai_rejected") : QStringLiteral("ai_server_error"),
                                  type.isEmpty() ? QStringLiteral("error chunk") : type, !client, {}};
        }
        if (m_completion.model.isEmpty())
            m_completion.model = chunk.value(QStringLiteral("model")).toString();
        const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
        if (!choices.isEmpty()) {
            const QJsonObject choice = choices.first().toObject();
            const QJsonValue content = choice.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content"));
            if (content.isString())
                m_completion.text += content.toString();
            const QString finish = choice.value(QStringLiteral("finish_reason")).toString();
            if (!finish.isEmpty())
                m_completion.stopReason = finish;
        }
        readUsage(chunk.value(QStringLiteral("usage")), m_completion);
        return std::nullopt;
    }

    bool finished() const override { return m_finished; }
    Completion completion() const override { return m_completion; }

private:
    Completion m_completion;
    bool m_finished = false;
};

} // namespace

OpenAiProvider::OpenAiProvider(RemoteSettings settings, QObject *parent) : RemoteProvider(std::move(settings), parent)
{
}

QString OpenAiProvider::standardModel()
{
    return QStringLiteral("gpt-4o-mini");
}

QString OpenAiProvider::standardBaseUrl()
{
    return QStringLiteral("https://api.openai.com/v1");
}

QString OpenAiProvider::name() const
{
    return QStringLiteral("openai");
}

QString OpenAiProvider::defaultModel() const
{
    return standardModel();
}

QNetworkRequest OpenAiProvider::networkRequest(bool stream) const
{
    QNetworkRequest request(endpoint(QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!settings().apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + settings().apiKey.toUtf8());
    request.setRawHeader("accept", stream ? "text/event-stream" : "application/json");
    return request;
}

QByteArray OpenAiProvider::requestBody(const Prompt &prompt, bool stream) const
{
    QJsonArray messages{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), prompt.system}}};
    for (const PromptMessage &m : prompt.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    QJsonObject body{
        {QStringLiteral("model"), model()},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("max_tokens"), settings().maxTokens},
        {QStringLiteral("temperature"), settings().temperature},
        {QStringLiteral("stream"), stream},
    };
    if (stream)
        body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<Completion> OpenAiProvider::parseAnswer(const QByteArray &body) const
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QStringLiteral("the answer is not a JSON object"));
    const QJsonObject answer = doc.object();
    const QJsonArray choices = answer.value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty())
        return malformed(QStringLiteral("the answer has no choices"));
    const QJsonObject choice = choices.first().toObject();
    const QJsonValue content = choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
    if (!content.isString())
        return malformed(QStringLiteral("the first choice has no message content"));
    Completion completion;
    completion.text = content.toString();
    completion.model = answer.value(QStringLiteral("model")).toString();
    completion.stopReason = choice.value(QStringLiteral("finish_reason")).toString();
    readUsage(answer.value(QStringLiteral("usage")), completion);
    return completion;
}

std::unique_ptr<StreamDecoder> OpenAiProvider::streamDecoder() const
{
    return std::make_unique<OpenAiStream>();
}

QString OpenAiProvider::errorType(const QByteArray &body) const
{
    // {"error":{"message":"...","type":"rate_limit_exceeded","code":"..."}}
    return errorTypeOf(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject());
}

} // namespace joxai
