#include "server/api/widgetroutes.h"

#include "server/api/staticasset.h"

namespace joxai {

namespace {

// The demo page runs only our own files; the widget on it talks to this same origin.
constexpr char kPagePolicy[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
        // Banks load the script and stylesheet from their own pages, which may isolate themselves
        // (Cross-Origin-Embedder-Policy): say these files may be embedded anywhere.
        const QList<QPair<QByteArray, QByteArray>> extra{
            f.page ? qMakePair(QByteArrayLiteral("Content-Security-Policy"), QByteArray(kPagePolicy))
                   : qMakePair(QByteArrayLiteral("Cross-Origin-Resource-Policy"), QByteArrayLiteral("cross-origin"))};
        const StaticAsset asset = StaticAsset::fromFile(QString::fromLatin1(f.resource), f.type,
                                                        f.page ? pageCache : assetCache, extra);
        router.add("GET", QString::fromLatin1(f.path),
                   [asset](const ApiRequest &req, const ApiReply &reply) { reply.send(asset.answer(req)); });
    }
}

} // namespace joxai
