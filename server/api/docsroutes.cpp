#include "server/api/docsroutes.h"

#include "server/api/openapidocument.h"
#include "server/api/staticasset.h"
#include "server/core/logging.h"
#include "server/core/version.h"

#include <QJsonDocument>

namespace joxai {

namespace {

// Swagger UI sets styles through the DOM only; ReDoc's styled-components add <style> elements
// (hence 'unsafe-inline' for styles there) and its search runs in a worker made from a blob.
constexpr char kSwaggerPolicy[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                  "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                                  "frame-ancestors 'none'";
constexpr char kRedocPolicy[] = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src blob:; "
                                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void serve(Router &router, const QString &path, const StaticAsset &asset)
{
    router.add("GET", path, [asset](const ApiRequest &req, const ApiReply &reply) { reply.send(asset.answer(req)); });
}

} // namespace

void installDocsRoutes(Router &router, const ApiContext &)
{
    auto document = OpenApiDocument::load(QStringLiteral(":/openapi"), version());
    if (document) {
        serve(router, QStringLiteral("/openapi.json"),
              StaticAsset::fromBytes(QJsonDocument(document.value()).toJson(QJsonDocument::Compact),
                                     QByteArrayLiteral("application/json; charset=utf-8"), QByteArrayLiteral("no-cache")));
    } else {
        // A broken document is a build mistake the tests catch; the rest of the API still runs.
        qCCritical(lcApi) << "OpenAPI document not served:" << document.error().detail;
        const Error error = document.error();
        router.add("GET", QStringLiteral("/openapi.json"),
                   [error](const ApiRequest &, const ApiReply &reply) { reply.error(error); });
    }

    const QByteArray html = QByteArrayLiteral("text/html; charset=utf-8");
    const QByteArray js = QByteArrayLiteral("text/javascript; charset=utf-8");
    const QByteArray css = QByteArrayLiteral("text/css; charset=utf-8");
    // Pages are revalidated on each visit; the large bundles may be reused for an hour.
    const QByteArray page = QByteArrayLiteral("no-cache");
    const QByteArray asset = QByteArrayLiteral("public, max-age=3600");
    const auto policy = [](const char *p) {
        return QList<QPair<QByteArray, QByteArray>>{{QByteArrayLiteral("Content-Security-Policy"), QByteArray(p)}};
    };

    serve(router, QStringLiteral("/docs"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/docs.html"), html, page, policy(kSwaggerPolicy)));
    serve(router, QStringLiteral("/docs/swagger-init.js"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/swagger-init.js"), js, page));
    serve(router, QStringLiteral("/docs/docs.css"), StaticAsset::fromFile(QStringLiteral(":/apidocs/docs.css"), css, page));
    serve(router, QStringLiteral("/docs/swagger-ui-bundle.js"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/swagger-ui-bundle.js"), js, asset));
    serve(router, QStringLiteral("/docs/swagger-ui.css"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/swagger-ui.css"), css, asset));
    serve(router, QStringLiteral("/redoc"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/redoc.html"), html, page, policy(kRedocPolicy)));
    serve(router, QStringLiteral("/redoc/redoc.standalone.js"),
          StaticAsset::fromFile(QStringLiteral(":/apidocs/redoc.standalone.js"), js, asset));
}

} // namespace joxai
