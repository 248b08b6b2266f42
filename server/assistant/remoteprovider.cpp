#include "server/assistant/remoteprovider.h"

#include "server/assistant/modelpricing.h"
#include "server/assistant/providerexchange.h"
#include "server/assistant/providerlog.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <algorithm>

namespace joxai {

RemoteProvider::RemoteProvider(RemoteSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_prompts(m_settings.prompt),
      m_network(new QNetworkAccessManager(this))
{
}

RemoteProvider::~RemoteProvider()
{
    // Silently: no `done` for these (see the header).
    const auto pending = std::move(m_pending);
    for (ProviderExchange *exchange : pending)
        delete exchange;
}

QString RemoteProvider::model() const
{
    return m_settings.model.isEmpty() ? defaultModel() : m_settings.model;
}

QUrl RemoteProvider::endpoint(const QString &path) const
{
    QString base = m_settings.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString rest = path;
    const qsizetype second = path.indexOf(QLatin1Char('/'), 1);
    if (second > 0 && base.endsWith(path.left(second)))
        rest = path.mid(second);
    return QUrl(base + rest);
}

void RemoteProvider::reply(const AssistantRequest &request, Done done)
{
    const Prompt prompt = m_prompts.build(request);
    const QList<SourceRef> sources = prompt.sources;
    auto *exchange = new ProviderExchange(
        *this, *m_network, requestBody(prompt, m_settings.stream), m_settings.stream, m_settings.retry,
        [this, sources, done = std::move(done)](ProviderExchange *ex, Result<Completion> result) {
            finish(ex, std::move(result), sources, done);
        },
        this);
    m_pending.push_back(exchange);
    qCDebug(lcAiProvider).noquote() << name() << "asked for conversation" << request.conversationId << "with"
                                    << sources.size() << "articles";
    exchange->start();
}

void RemoteProvider::finish(ProviderExchange *exchange, Result<Completion> result, const QList<SourceRef> &sources,
                            const Done &done)
{
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), exchange), m_pending.end());
    const qint64 latencyMs = exchange->elapsedMs();
    const int attempts = exchange->attempts();
    exchange->setParent(nullptr); // `done` may delete this provider; the exchange goes its own way
    exchange->deleteLater();
    const Done callback = done; // the lambda that holds `done` dies with the exchange

    if (!result) {
        callback(result.error());
        return;
    }
    const Completion &completion = result.value();
    AssistantReply reply;
    reply.text = completion.text.trimmed();
    reply.answered = !PromptBuilder::takeNoAnswerMarker(reply.text);
    if (reply.text.isEmpty()) {
        qCWarning(lcAiProvider).noquote() << name() << "answered with no text";
        callback(Error::make(ErrorKind::Unavailable, QStringLiteral("ai_empty_reply"),
                             QStringLiteral("The assistant's provider answered with no text.")));
        return;
    }
    reply.sources = sources;
    reply.provider = name();
    reply.model = completion.model.isEmpty() ? model() : completion.model;
    reply.tokensIn = completion.tokensIn;
    reply.tokensOut = completion.tokensOut;
    reply.latencyMs = latencyMs;
    reply.costUsd = ModelPricing::estimateUsd(reply.model, reply.tokensIn, reply.tokensOut);
    qCDebug(lcAiProvider).noquote() << name() << "answered in" << latencyMs << "ms after" << attempts
                                    << "attempt(s)," << reply.tokensIn << "/" << reply.tokensOut << "tokens";
    callback(std::move(reply));
}

} // namespace joxai
