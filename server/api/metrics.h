#pragma once
// Request counters and latency histogram in Prometheus text format. Main thread only (except the
// in-flight count, which a reply may drop from a worker thread); gauges that belong to other
// parts (database pool, sockets) are read through callbacks at scrape time.

#include <QByteArray>
#include <QHash>
#include <QList>

#include <array>
#include <atomic>
#include <functional>

namespace joxai {

class Metrics final
{
public:
    void recordRequest(const QByteArray &route, int status, qint64 nanoseconds);
    // name, help, value read at scrape time
    void addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);
    QByteArray render() const;
    qint64 requestCount() const { return m_total; }
    // Requests read but not answered yet: a graceful shutdown waits for them (ServerRuntime::drain).
    void requestStarted() { m_inFlight.fetch_add(1, std::memory_order_relaxed); }
    void requestFinished() { m_inFlight.fetch_sub(1, std::memory_order_relaxed); }
    int requestsInFlight() const { return m_inFlight.load(std::memory_order_relaxed); }

private:
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
    QHash<QByteArray, qint64> m_requests; // "route\nstatus" → count
    std::array<qint64, kBuckets.size() + 1> m_bucketCounts{};
    double m_latencySum = 0;
    qint64 m_total = 0;
    std::atomic<int> m_inFlight{0};
    struct Gauge
    {
        QByteArray name;
        QByteArray help;
        std::function<double()> read;
    };
    QList<Gauge> m_gauges;
};

} // namespace joxai
