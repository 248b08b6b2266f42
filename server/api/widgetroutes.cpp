#include "server/api/widgetroutes.h"

#include "server/core/logging.h"

#include <QCryptographicHash>
#include <QFile>

namespace joxai {

namespace {

struct Asset
{
    QByteArray body;
    QByteArray contentType;
    QByteArray etag;
    QByteArray cacheControl;
    bool page = false;
};

// The demo page runs only our own files; the widget on it talks to this same origin.
constexpr char kPagePolicy[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

Asset load(const QString &resource, const QByteArray &contentType, const QByteArray &cacheControl, bool page)
{
    QFile file(resource);
    Asset a;
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcApi) << "widget file missing from the resources:" << resource;
        return a;
    }
    a.body = file.readAll();
    a.contentType = contentType;
    a.etag = '"' + QCryptographicHash::hash(a.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    a.cacheControl = cacheControl;
    a.page = page;
    return a;
}

bool matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag)
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

HttpResponse answer(const Asset &a, const ApiRequest &req)
{
    if (a.body.isEmpty())
        return HttpResponse::error(Error::notFound(QStringLiteral("Widget file")));
    HttpResponse r;
    if (matchesEtag(req.header("if-none-match"), a.etag)) {
        r.status = 304;
        r.contentType.clear();
    } else {
        r = HttpResponse::text(200, a.contentType, a.body);
    }
    r.headers.append({QByteArrayLiteral("ETag"), a.etag});
    r.headers.append({QByteArrayLiteral("Cache-Control"), a.cacheControl});
    if (a.page) {
        r.headers.append({QByteArrayLiteral("Content-Security-Policy"), QByteArray(kPagePolicy)});
    } else {
        // Banks load the script and stylesheet from their own pages, which may isolate themselves
        // (Cross-Origin-Embedder-Policy): say these files may be embedded anywhere.
        r.headers.append({QByteArrayLiteral("Cross-Origin-Resource-Policy"), QByteArrayLiteral("cross-origin")});
    }
    return r;
}

} // namespace

void installWidgetRoutes(Router &router, const ApiContext &)
{
    // Embedding pages ask for the script on every visit: a short max-age, then a cheap 304.
    const QByteArray assetCache = QByteArrayLiteral("public, max-age=300");
    const QByteArray pageCache = QByteArrayLiteral("no-cache");
    const struct
    {
        const char *path;
        const char *resource;
        QByteArray type;
        bool page;
    } files[] = {
        {"/widget/joxai-widget.js", ":/widget/joxai-widget.js", QByteArrayLiteral("text/javascript; charset=utf-8"), false},
        {"/widget/joxai-widget.css", ":/widget/joxai-widget.css", QByteArrayLiteral("text/css; charset=utf-8"), false},
        {"/widget/demo.js", ":/widget/demo.js", QByteArrayLiteral("text/javascript; charset=utf-8"), false},
        {"/widget/demo.css", ":/widget/demo.css", QByteArrayLiteral("text/css; charset=utf-8"), false},
        {"/widget/index.html", ":/widget/index.html", QByteArrayLiteral("text/html; charset=utf-8"), true},
        {"/widget", ":/widget/index.html", QByteArrayLiteral("text/html; charset=utf-8"), true},
    };
    for (const auto &f : files) {
        const Asset asset = load(QString::fromLatin1(f.resource), f.type, f.page ? pageCache : assetCache, f.page);
        router.add("GET", QString::fromLatin1(f.path),
                   [asset](const ApiRequest &req, const ApiReply &reply) { reply.send(answer(asset, req)); });
    }
}

} // namespace joxai
