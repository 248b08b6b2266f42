#include "server/api/staticasset.h"

#include "server/core/logging.h"

#include <QCryptographicHash>
#include <QFile>

namespace joxai {

StaticAsset StaticAsset::fromBytes(QByteArray body, const QByteArray &contentType, const QByteArray &cacheControl,
                                   QList<QPair<QByteArray, QByteArray>> headers)
{
    StaticAsset a;
    a.body = std::move(body);
    a.contentType = contentType;
    a.etag = '"' + QCryptographicHash::hash(a.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    a.cacheControl = cacheControl;
    a.headers = std::move(headers);
    return a;
}

StaticAsset StaticAsset::fromFile(const QString &path, const QByteArray &contentType, const QByteArray &cacheControl,
                                  QList<QPair<QByteArray, QByteArray>> headers)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcApi) << "file missing from the resources:" << path;
        return {};
    }
    return fromBytes(file.readAll(), contentType, cacheControl, std::move(headers));
}

bool StaticAsset::matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.trimmed() == "*")
        return true;
    const QList<QByteArray> tags = ifNoneMatch.split(',');
    for (QByteArray tag : tags) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag)
            return true;
    }
    return false;
}

HttpResponse StaticAsset::answer(const ApiRequest &request) const
{
    if (isEmpty())
        return HttpResponse::error(Error::notFound(QStringLiteral("File")));
    HttpResponse r;
    if (matchesEtag(request.header("if-none-match"), etag)) {
        r.status = 304;
        r.contentType.clear();
    } else {
        r = HttpResponse::text(200, contentType, body);
    }
    r.headers.append({QByteArrayLiteral("ETag"), etag});
    r.headers.append({QByteArrayLiteral("Cache-Control"), cacheControl});
    r.headers.append(headers);
    return r;
}

} // namespace joxai
