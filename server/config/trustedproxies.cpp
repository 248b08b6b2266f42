#include "server/config/trustedproxies.h"

#include <QStringList>

namespace joxai {

Result<TrustedProxies> TrustedProxies::parse(const QString &list)
{
    TrustedProxies out;
    for (const QString &raw : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet;
        if (item.contains(QLatin1Char('/'))) {
            subnet = QHostAddress::parseSubnet(item);
        } else {
            const QHostAddress a(item);
            subnet = {a, a.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (subnet.first.isNull())
            return Error::make(ErrorKind::Validation, QStringLiteral("invalid_setting"),
                               QStringLiteral("'%1' is not an IP address or a subnet such as 10.0.0.0/8").arg(item));
        out.m_subnets.append(subnet);
    }
    return out;
}

bool TrustedProxies::trusts(const QHostAddress &address) const
{
    // A v4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d; compare it as v4.
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    const QHostAddress plain = mapped ? QHostAddress(v4) : address;
    for (const auto &subnet : m_subnets)
        if (plain.isInSubnet(subnet))
            return true;
    return false;
}

QString TrustedProxies::clientOf(const QString &peer, const QByteArray &forwardedFor) const
{
    if (m_subnets.isEmpty() || forwardedFor.isEmpty() || !trusts(QHostAddress(peer)))
        return peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    QString leftmost;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QString hop = QString::fromLatin1(hops.at(i).trimmed());
        const QHostAddress a(hop);
        if (a.isNull())
            return peer; // a hop we cannot read: believe nothing further left
        leftmost = hop;
        if (!trusts(a))
            return a.toString();
    }
    return leftmost.isEmpty() ? peer : leftmost;
}

} // namespace joxai
