#pragma once
// One answer from a remote provider: the attempts (POST, read the answer or the stream, time-out
// each attempt), the waits between them (RetryPolicy), and one report at the end. Owned by its
// RemoteProvider; deleting it aborts the attempt in flight without reporting.

#include "server/assistant/remoteprovider.h"
#include "server/assistant/sseparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace joxai {

class ProviderExchange final : public QObject
{
    Q_OBJECT

public:
    using Finished = std::function<void(ProviderExchange *, Result<Completion>)>;

    ProviderExchange(const RemoteProvider &provider, QNetworkAccessManager &network, QByteArray body, bool stream,
                     RetryPolicy policy, Finished finished, QObject *parent);
    ~ProviderExchange() override;
    Q_DISABLE_COPY_MOVE(ProviderExchange)

    void start();
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    int attempts() const { return m_attempts; }

    static constexpr qsizetype kMaxAnswerBytes = 2 * 1024 * 1024;

private:
    void startAttempt();
    void onReadyRead();
    void onFinished();
    bool consume(const QByteArray &bytes); // false: the attempt ended (failed or completed)
    void readHead();
    void fail(const AttemptFailure &failure);
    void complete(Completion completion);
    void report(Result<Completion> result);
    void releaseReply(bool graceful);
    AttemptFailure statusFailure(int status) const;

    const RemoteProvider &m_provider;
    QNetworkAccessManager &m_network;
    const QByteArray m_body;
    const bool m_stream;
    const RetryPolicy m_policy;
    Finished m_finished;
    // The request that asked (RequestScope at construction): network callbacks run outside it,
    // and the warnings and the report below are about it.
    const QByteArray m_requestId;

    QElapsedTimer m_clock;
    QTimer m_attemptTimer;
    QTimer m_backoffTimer;
    int m_attempts = 0;

    // The attempt in flight.
    QNetworkReply *m_reply = nullptr;
    bool m_headRead = false;
    bool m_streaming = false; // a 2xx text/event-stream answer
    QByteArray m_answer;      // the body of an answer that is not streamed
    qsizetype m_received = 0;
    SseParser m_parser;
    std::unique_ptr<StreamDecoder> m_decoder;
};

} // namespace joxai
