#include "server/api/apirequest.h"

namespace joxai {

qint64 ApiRequest::idParam(const QString &name) const
{
    return params.value(name).toLongLong();
}

QString ApiRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace joxai
