#pragma once
// What the Anthropic and OpenAI providers share: the prompt (PromptBuilder), the HTTP exchange with
// its time-outs and retries (ProviderExchange, RetryPolicy), turning what came back into an
// AssistantReply (sources = the articles given as context, tokens, latency, estimated cost). A
// subclass only speaks its wire format: the request, the answer body, the stream's events.
//
// Lives on the thread that made it (the main thread) and uses its own QNetworkAccessManager there.
// `done` is called exactly once per reply(), always later (never inside reply()), on that thread.
// Destroying the provider with replies in flight aborts them silently: their `done` is never
// called (the caller is going away too; nothing is waiting that could still be answered).

#include "server/assistant/aiprovider.h"
#include "server/assistant/promptbuilder.h"
#include "server/assistant/retrypolicy.h"
#include "server/assistant/sseparser.h"

#include <QNetworkRequest>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace joxai {

class ProviderExchange;

struct RemoteSettings
{
    QString baseUrl;          // e.g. https://api.anthropic.com, https://api.openai.com/v1
    QString apiKey;
    QString model;            // empty: the provider's default
    int maxTokens = 400;
    double temperature = 0.2;
    bool stream = true;
    RetryPolicy retry;
    PromptBuilder::Limits prompt;
};

// What one successful attempt brought back, in either wire format.
struct Completion
{
    QString text;
    QString model;      // as the vendor names it (may be a dated name)
    QString stopReason;
    int tokensIn = 0;
    int tokensOut = 0;
};

// Why an attempt failed. Codes (also the code of the final Error): ai_timeout, ai_unreachable,
// ai_stream_cut, ai_rate_limited, ai_overloaded, ai_server_error, ai_rejected, ai_malformed,
// ai_empty_reply.
struct AttemptFailure
{
    QString code;
    QString detail;     // for logs: status and the vendor's error type; never the key or the texts
    bool retryable = false;
    std::optional<qint64> retryAfterMs;
};

// Reads one streamed answer, event by event.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    // A failure ends the attempt (a vendor error event, an event that is not JSON).
    virtual std::optional<AttemptFailure> take(const SseEvent &event) = 0;
    virtual bool finished() const = 0; // the stream's end marker has arrived
    virtual Completion completion() const = 0;
};

class RemoteProvider : public QObject, public AiProvider
{
    Q_OBJECT

public:
    ~RemoteProvider() override;
    Q_DISABLE_COPY_MOVE(RemoteProvider)

    void reply(const AssistantRequest &request, Done done) final;

    const RemoteSettings &settings() const { return m_settings; }
    QString model() const; // the configured model, or the provider's default
    int pendingCount() const { return int(m_pending.size()); }

    // The wire format, used by ProviderExchange.
    virtual QString defaultModel() const = 0;
    virtual QNetworkRequest networkRequest(bool stream) const = 0;
    virtual QByteArray requestBody(const Prompt &prompt, bool stream) const = 0;
    // A complete (not streamed) answer; an error (code ai_malformed) when it is not usable.
    virtual Result<Completion> parseAnswer(const QByteArray &body) const = 0;
    virtual std::unique_ptr<StreamDecoder> streamDecoder() const = 0;
    // The vendor's error type from an error body ("overloaded_error"), for logs; empty if none.
    virtual QString errorType(const QByteArray &body) const = 0;

protected:
    RemoteProvider(RemoteSettings settings, QObject *parent);
    // baseUrl without trailing slashes, + path; a base that already ends with `path`'s first
    // segment (".../v1" + "/v1/messages") is not doubled.
    QUrl endpoint(const QString &path) const;

private:
    void finish(ProviderExchange *exchange, Result<Completion> result, const QList<SourceRef> &sources,
                const Done &done);

    RemoteSettings m_settings;
    PromptBuilder m_prompts;
    QNetworkAccessManager *m_network;
    std::vector<ProviderExchange *> m_pending;
};

} // namespace joxai
