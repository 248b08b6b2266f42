#pragma once
// When a remote provider tries again, and how long it waits first. Retried: time-outs, network
// errors, a cut stream, 408, 429, 5xx (529 "overloaded" included). Not retried: other 4xx (400, 401,
// 403, 404: the request or the key is wrong and stays wrong) and malformed answers.
// Waits grow exponentially with jitter ("equal jitter": half fixed, half random); a Retry-After
// (or OpenAI's retry-after-ms) is honoured, clamped to retryAfterMaxMs so one header cannot hold a
// customer. Whatever happens, all attempts together stay within totalBudget().

#include <QByteArray>
#include <QDateTime>

#include <optional>

class QRandomGenerator;

namespace joxai {

struct RetryPolicy
{
    int attemptTimeoutMs = 20000; // one attempt, from sending to the last byte of the answer
    int maxRetries = 2;           // attempts after the first
    int backoffBaseMs = 500;      // the first retry waits 50-100 % of this, doubled each retry
    int backoffMaxMs = 8000;      // ... up to this
    int retryAfterMaxMs = 10000;  // a longer Retry-After is clamped to this
    int totalBudgetMs = 0;        // 0: twice attemptTimeoutMs

    static bool isRetryableStatus(int httpStatus);

    int totalBudget() const;
    // The wait before retry number `retry` (0 = the first retry).
    int delayMs(int retry, std::optional<qint64> retryAfterMs, QRandomGenerator *random) const;
    // Whether retry number `retry` may start `delay` ms from now, `elapsedMs` after the first
    // attempt began: retries left, and the wait plus a useful attempt (a quarter of the usual
    // time-out) still fit in the total budget.
    bool allowsRetry(int retry, qint64 elapsedMs, int delay) const;
    // How long the next attempt may take: the per-attempt time-out or what is left of the budget.
    int attemptTimeout(qint64 elapsedMs) const;

    // A Retry-After value: delay seconds ("2") or an HTTP date; nullopt when absent or unusable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);
};

} // namespace joxai
