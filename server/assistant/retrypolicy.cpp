#include "server/assistant/retrypolicy.h"

#include <QRandomGenerator>
#include <QString>

#include <algorithm>

namespace joxai {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
}

int RetryPolicy::totalBudget() const
{
    return totalBudgetMs > 0 ? totalBudgetMs : 2 * attemptTimeoutMs;
}

int RetryPolicy::delayMs(int retry, std::optional<qint64> retryAfterMs, QRandomGenerator *random) const
{
    qint64 backoff = std::max(0, backoffBaseMs);
    for (int i = 0; i < retry && backoff < backoffMaxMs; ++i)
        backoff *= 2;
    backoff = std::min<qint64>(backoff, std::max(0, backoffMaxMs));
    const qint64 half = backoff / 2;
    qint64 delay = half + (random && backoff - half > 0 ? random->bounded(backoff - half + 1) : backoff - half);
    if (retryAfterMs)
        delay = std::max(delay, std::clamp<qint64>(*retryAfterMs, 0, std::max(0, retryAfterMaxMs)));
    return int(delay);
}

bool RetryPolicy::allowsRetry(int retry, qint64 elapsedMs, int delay) const
{
    if (retry >= maxRetries)
        return false;
    const qint64 usefulAttempt = std::max(1, attemptTimeoutMs / 4);
    return elapsedMs + delay + usefulAttempt <= totalBudget();
}

int RetryPolicy::attemptTimeout(qint64 elapsedMs) const
{
    const qint64 left = std::max<qint64>(1, totalBudget() - elapsedMs);
    return int(std::min<qint64>(attemptTimeoutMs, left));
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds * 1000) : std::nullopt;
    // HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (Qt 6.4 reads the zone only as an offset).
    QString date = QString::fromLatin1(v);
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(at));
}

} // namespace joxai
