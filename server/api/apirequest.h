#pragma once
// A request as routes see it: already parsed, path parameters extracted, identity (if any) verified.
// A plain value type, safe to copy into worker-thread lambdas.

#include "server/core/roles.h"
#include "server/auth/tokenservice.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace joxai {

struct ApiRequest
{
    QByteArray method;                     // "GET", "POST", ...
    QString path;                          // without the trailing slash
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString clientAddress;
    QByteArray requestId;
    QHash<QString, QString> params;        // from the route pattern
    std::optional<TokenClaims> claims;     // set for routes that need a staff token
    Gate gate = Gate::All;                 // account steps (password change, 2FA set-up) the route skips

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    qint64 idParam(const QString &name = QStringLiteral("id")) const;
    QString queryValue(const QString &name) const;
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
};

} // namespace joxai
