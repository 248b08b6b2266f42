#include "server/api/metrics.h"

#include <algorithm>

namespace joxai {

void Metrics::recordRequest(const QByteArray &route, int status, qint64 nanoseconds)
{
    ++m_requests[route + '\n' + QByteArray::number(status)];
    const double seconds = double(nanoseconds) / 1e9;
    const auto it = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds);
    ++m_bucketCounts[size_t(it - kBuckets.begin())];
    m_latencySum += seconds;
    ++m_total;
}

void Metrics::addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read)
{
    m_gauges.append({name, help, std::move(read)});
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP joxai_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE joxai_http_requests_total counter\n";
    QList<QByteArray> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray &key : keys) {
        const qsizetype nl = key.indexOf('\n');
        out += "joxai_http_requests_total{route=\"" + key.left(nl) + "\",status=\"" + key.mid(nl + 1)
               + "\"} " + QByteArray::number(m_requests.value(key)) + '\n';
    }
    out += "# HELP joxai_http_request_duration_seconds Time from request to answer.\n"
           "# TYPE joxai_http_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += m_bucketCounts[i];
        out += "joxai_http_request_duration_seconds_bucket{le=\"" + QByteArray::number(kBuckets[i]) + "\"} "
               + QByteArray::number(cumulative) + '\n';
    }
    out += "joxai_http_request_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_total) + '\n';
    out += "joxai_http_request_duration_seconds_sum " + QByteArray::number(m_latencySum, 'f', 6) + '\n';
    out += "joxai_http_request_duration_seconds_count " + QByteArray::number(m_total) + '\n';
    for (const Gauge &g : m_gauges) {
        out += "# HELP " + g.name + ' ' + g.help + "\n# TYPE " + g.name + " gauge\n";
        out += g.name + ' ' + QByteArray::number(g.read(), 'g', 12) + '\n';
    }
    return out;
}

} // namespace joxai
