#pragma once
// Which reverse proxies may tell us the client's address (JOXAI_TRUSTED_PROXIES). Behind nginx
// every connection comes from the proxy; its X-Forwarded-For names the client. The header is
// believed only from a configured proxy, and only as far back as the chain stays within trusted
// proxies: anything a client writes into the header itself sits further left and is ignored.

#include "server/core/result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>

namespace joxai {

class TrustedProxies final
{
public:
    // "127.0.0.1, 10.0.0.0/8, ::1": addresses or CIDR subnets, comma separated; empty: none.
    static Result<TrustedProxies> parse(const QString &list);

    bool isEmpty() const { return m_subnets.isEmpty(); }
    bool trusts(const QHostAddress &address) const;
    // The client's address: `peer` itself unless it is a trusted proxy; then the right-most entry
    // of `forwardedFor` that is not a trusted proxy (or the left-most, if all are).
    QString clientOf(const QString &peer, const QByteArray &forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_subnets;
};

} // namespace joxai
