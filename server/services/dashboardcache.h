#pragma once
// Recent dashboard answers, by range, for a few seconds (JOXAI_DASHBOARD_CACHE_SECONDS).
//
// A dashboard is six aggregate queries; over a year of a large bank's chat they take a few hundred
// milliseconds of PostgreSQL, and every console open on the dashboard asks for the same range.
// Within the window the answer is the one computed first, so figures may be up to that many
// seconds old. The cache is per instance (not shared between instances behind a balancer): each
// instance's figures are at most that old on their own, which is what the window promises.
// `to` is keyed to the whole second, as the answer shows it (the console's default range ends
// "now"). Thread-safe: the database workers share it.

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>

#include <chrono>
#include <optional>

namespace joxai {

class DashboardCache final
{
public:
    using Clock = std::chrono::steady_clock;

    explicit DashboardCache(int seconds)
        : m_ttl(std::chrono::seconds(qMax(0, seconds)))
    {
    }

    bool enabled() const { return m_ttl.count() > 0; }
    std::optional<QJsonObject> find(
        const QDateTime &from, const QDateTime &to, Clock::time_point now = Clock::now());
    void store(const QDateTime &from, const QDateTime &to, const QJsonObject &answer,
        Clock::time_point now = Clock::now());

private:
    struct Entry
    {
        QJsonObject answer;
        Clock::time_point expires;
    };
    static constexpr qsizetype kMaxEntries = 64; // a few consoles' ranges; a flood of others cannot grow it

    static QString key(const QDateTime &from, const QDateTime &to);

    const Clock::duration m_ttl;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace joxai
