#pragma once
// Request counters and latency histogram in Prometheus text format. Main thread only; gauges
// that belong to other parts (database pool, sockets) are read through callbacks at scrape time.

#include <QByteArray>
#include <QHash>
#include <QList>

#include <array>
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

private:
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
    QHash<QByteArray, qint64> m_requests; // "route\nstatus" → count
    std::array<qint64, kBuckets.size() + 1> m_bucketCounts{};
    double m_latencySum = 0;
    qint64 m_total = 0;
    struct Gauge
    {
        QByteArray name;
        QByteArray help;
        std::function<double()> read;
    };
    QList<Gauge> m_gauges;
};

} // namespace joxai
