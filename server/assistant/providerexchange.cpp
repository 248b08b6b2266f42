#include "server/assistant/providerexchange.h"

#include "server/assistant/providerlog.h"
#include "server/core/requestscope.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace joxai {

ProviderExchange::ProviderExchange(const RemoteProvider &provider, QNetworkAccessManager &network, QByteArray body,
                                   bool stream, RetryPolicy policy, Finished finished, QObject *parent)
    : QObject(parent), m_provider(provider), m_network(network), m_body(std::move(body)), m_stream(stream),
      m_policy(policy), m_finished(std::move(finished)), m_requestId(RequestScope::current())
{
    m_attemptTimer.setSingleShot(true);
    m_backoffTimer.setSingleShot(true);
    m_backoffTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire before Retry-After ends
    connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
        fail({QStringLiteral("ai_timeout"),
              QStringLiteral("no complete answer within %1 ms").arg(m_attemptTimer.interval()), true, {}});
    });
    connect(&m_backoffTimer, &QTimer::timeout, this, &ProviderExchange::startAttempt);
}

ProviderExchange::~ProviderExchange()
{
    releaseReply(false);
}

void ProviderExchange::start()
{
    m_clock.start();
    startAttempt();
}

void ProviderExchange::startAttempt()
{
    ++m_attempts;
    m_headRead = false;
    m_streaming = false;
    m_answer.clear();
    m_received = 0;
    m_parser.reset();
    m_decoder.reset();
    QNetworkRequest request = m_provider.networkRequest(m_stream);
    // A redirect could carry the key elsewhere; the vendors' APIs do not redirect.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network.post(request, m_body);
    connect(m_reply, &QNetworkReply::readyRead, this, &ProviderExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ProviderExchange::onFinished);
    m_attemptTimer.start(m_policy.attemptTimeout(elapsedMs()));
}

void ProviderExchange::readHead()
{
    if (m_headRead)
        return;
    m_headRead = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().trimmed().toLower();
    // A server that ignores "stream": true answers JSON; that is read as a complete answer.
    m_streaming = m_stream && status >= 200 && status < 300 && type.startsWith("text/event-stream");
    if (m_streaming)
        m_decoder = m_provider.streamDecoder();
}

void ProviderExchange::onReadyRead()
{
    if (!m_reply)
        return;
    readHead();
    consume(m_reply->readAll());
}

bool ProviderExchange::consume(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    m_received += bytes.size();
    if (m_received > kMaxAnswerBytes) {
        fail({QStringLiteral("ai_malformed"), QStringLiteral("the answer is larger than %1 bytes").arg(kMaxAnswerBytes),
              false, {}});
        return false;
    }
    if (!m_streaming) {
        m_answer += bytes;
        return true;
    }
    const QList<SseEvent> events = m_parser.feed(bytes);
    for (const SseEvent &event : events) {
        if (const auto failure = m_decoder->take(event)) {
            fail(*failure);
            return false;
        }
        if (m_decoder->finished()) {
            complete(m_decoder->completion());
            return false;
        }
    }
    return true;
}

void ProviderExchange::onFinished()
{
    if (!m_reply)
        return;
    m_attemptTimer.stop();
    readHead();
    if (!consume(m_reply->readAll()))
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool transportError = m_reply->error() != QNetworkReply::NoError && (status == 0 || (status >= 200 && status < 300));
    if (m_streaming) {
        // The end marker would have completed the attempt in consume().
        fail({QStringLiteral("ai_stream_cut"),
              QStringLiteral("the stream ended before its end marker (%1)")
                  .arg(transportError ? m_reply->errorString() : QStringLiteral("connection closed")),
              true, {}});
        return;
    }
    // Qt may report a connection closed before the promised Content-Length as a success: a body
    // cut short is a transport failure (retried), not a malformed answer.
    const QVariant promised = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const bool cutShort = promised.isValid() && m_received < promised.toLongLong();
    if (transportError || cutShort) {
        fail({QStringLiteral("ai_unreachable"),
              transportError ? m_reply->errorString() : QStringLiteral("the answer was cut short"), true, {}});
        return;
    }
    if (status < 200 || status >= 300) {
        fail(statusFailure(status));
        return;
    }
    Result<Completion> parsed = m_provider.parseAnswer(m_answer);
    if (!parsed) {
        fail({parsed.error().code, parsed.error().detail, false, {}});
        return;
    }
    complete(std::move(parsed.value()));
}

AttemptFailure ProviderExchange::statusFailure(int status) const
{
    AttemptFailure f;
    const QString type = m_provider.errorType(m_answer);
    f.detail = QStringLiteral("HTTP %1%2").arg(status).arg(type.isEmpty() ? QString() : QStringLiteral(" ") + type);
    f.retryable = RetryPolicy::isRetryableStatus(status);
    if (status == 429)
        f.code = QStringLiteral("ai_rate_limited");
    else if (status == 529)
        f.code = QStringLiteral("ai_overloaded");
    else if (f.retryable)
        f.code = QStringLiteral("ai_server_error");
    else
        f.code = QStringLiteral("ai_rejected");
    if (status == 401 || status == 403)
        f.detail += QStringLiteral(" (check the API key)");
    if (f.retryable) {
        const QByteArray ms = m_reply->rawHeader("retry-after-ms").trimmed();
        bool ok = false;
        const qint64 value = ms.toLongLong(&ok);
        if (ok && value >= 0)
            f.retryAfterMs = value;
        else
            f.retryAfterMs = RetryPolicy::parseRetryAfter(m_reply->rawHeader("retry-after"),
                                                          QDateTime::currentDateTimeUtc());
    }
    return f;
}

void ProviderExchange::fail(const AttemptFailure &failure)
{
    const RequestScope scope(m_requestId);
    releaseReply(false);
    m_attemptTimer.stop();
    const int retry = m_attempts - 1;
    const int delay = m_policy.delayMs(retry, failure.retryAfterMs, QRandomGenerator::global());
    if (failure.retryable && m_policy.allowsRetry(retry, elapsedMs(), delay)) {
        qCWarning(lcAiProvider).noquote() << m_provider.name() << "attempt" << m_attempts << "failed:" << failure.code
                                          << failure.detail << "- retrying in" << delay << "ms";
        m_backoffTimer.start(delay);
        return;
    }
    qCWarning(lcAiProvider).noquote() << m_provider.name() << "attempt" << m_attempts << "failed:" << failure.code
                                      << failure.detail << "- giving up after" << elapsedMs() << "ms";
    Error error = Error::make(ErrorKind::Unavailable, failure.code,
                              QStringLiteral("The assistant's provider failed: %1.").arg(failure.detail));
    if (failure.retryAfterMs)
        error.retryAfterSeconds = int((*failure.retryAfterMs + 999) / 1000);
    report(std::move(error));
}

void ProviderExchange::complete(Completion completion)
{
    releaseReply(true);
    m_attemptTimer.stop();
    if (completion.text.trimmed().isEmpty()) {
        fail({QStringLiteral("ai_empty_reply"), QStringLiteral("the answer holds no text"), false, {}});
        return;
    }
    report(std::move(completion));
}

void ProviderExchange::report(Result<Completion> result)
{
    // From a clean stack, not from inside a QNetworkReply signal: `done` may delete the provider,
    // its network manager and that reply. Deleting this exchange first drops the report.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)]() mutable {
            const RequestScope scope(m_requestId);
            Finished finished = std::move(m_finished);
            m_finished = nullptr;
            if (finished)
                finished(this, std::move(result)); // last: nothing here is touched afterwards
        },
        Qt::QueuedConnection);
}

void ProviderExchange::releaseReply(bool graceful)
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    if (graceful && !reply->isFinished()) {
        // The end marker came; let the last bytes arrive so the connection can be kept.
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        QTimer::singleShot(1000, reply, [reply] {
            reply->abort();
            reply->deleteLater();
        });
        return;
    }
    reply->abort();
    reply->deleteLater();
}

} // namespace joxai
