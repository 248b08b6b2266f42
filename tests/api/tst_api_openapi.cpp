// The API's own description against the real server: /openapi.json is OpenAPI 3.0.x and matches
// the route table both ways (a route added without documentation, or documentation of a route
// that is gone, fails here), every operation is complete and every $ref resolves; /docs and
// /redoc are pages that load only this server's files, each of which is served with its type.
// Real answers of the main endpoints fit their documented schemas field by field (both ways: no
// required field missing, no field left undocumented). The merge of the source files refuses
// duplicates instead of letting one file overwrite another.

#include "server/api/openapidocument.h"
#include "server/api/router.h"
#include "server/core/version.h"
#include "tests/api/openapischemacheck.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

const QStringList kMethods = {QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                              QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("options"),
                              QStringLiteral("head"), QStringLiteral("trace")};

// "/api/v1/chat/{conversation_id:str}/close" → "/api/v1/chat/{conversation_id}/close"
QString documentedPath(const QString &pattern)
{
    QString p = pattern;
    static const QRegularExpression typed(QStringLiteral("\\{([a-z_]+):str\\}"));
    return p.replace(typed, QStringLiteral("{\\1}"));
}

// Follows a local JSON pointer ("#/components/schemas/User"); an empty value when it leads nowhere.
QJsonValue resolve(const QJsonObject &doc, const QString &ref)
{
    if (!ref.startsWith(QStringLiteral("#/")))
        return {};
    QJsonValue at = doc;
    const QStringList parts = ref.mid(2).split(QLatin1Char('/'));
    for (QString part : parts) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (!at.isObject() || !at.toObject().contains(part))
            return {};
        at = at.toObject().value(part);
    }
    return at;
}

void collectRefs(const QJsonValue &v, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref") && it.value().isString())
                out.append(it.value().toString());
            else
                collectRefs(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            collectRefs(item, out);
    }
}

QJsonObject deref(const QJsonObject &doc, const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return o.contains(QStringLiteral("$ref")) ? resolve(doc, o.value(QStringLiteral("$ref")).toString()).toObject() : o;
}

} // namespace

class TestApiOpenApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QJsonObject m_doc;

    // (path, method) of every route the server registered, in the document's spelling.
    QSet<QPair<QString, QString>> routeOperations() const
    {
        QSet<QPair<QString, QString>> out;
        for (const Router::Route &r : m_server->runtime().router().routes())
            out.insert({documentedPath(r.pattern), QString::fromLatin1(r.method).toLower()});
        return out;
    }

    QSet<QPair<QString, QString>> documentedOperations() const
    {
        QSet<QPair<QString, QString>> out;
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m)
                if (kMethods.contains(m.key()))
                    out.insert({p.key(), m.key()});
        }
        return out;
    }

    QJsonObject operation(const QString &path, const QString &method) const
    {
        return m_doc.value(QStringLiteral("paths")).toObject().value(path).toObject().value(method).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        const HttpResult r = m_http->get(QStringLiteral("/openapi.json"));
        QCOMPARE(r.status, 200);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isObject());
        m_doc = doc.object();
    }

    void servesAnOpenApi30DocumentWithTheServersVersion()
    {
        const HttpResult r = m_http->get(QStringLiteral("/openapi.json"));
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        QVERIFY(m_doc.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.0.")));
        const QJsonObject info = m_doc.value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("version")).toString(), version());
        QVERIFY(!info.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(m_doc.value(QStringLiteral("paths")).toObject().size() > 50);
        const QJsonObject schemes =
            m_doc.value(QStringLiteral("components")).toObject().value(QStringLiteral("securitySchemes")).toObject();
        QCOMPARE(schemes.value(QStringLiteral("bearerAuth")).toObject().value(QStringLiteral("bearerFormat")).toString(),
                 QStringLiteral("JWT"));
        QCOMPARE(schemes.value(QStringLiteral("sessionToken")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("X-Session-Token"));
        // The error body of shared/API.md.
        const QJsonObject error = resolve(m_doc, QStringLiteral("#/components/schemas/Error")).toObject();
        QCOMPARE(error.value(QStringLiteral("required")).toArray(),
                 QJsonArray({QStringLiteral("detail"), QStringLiteral("code")}));
    }

    void answersNotModifiedForItsEtag()
    {
        const HttpResult first = m_http->get(QStringLiteral("/openapi.json"));
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const HttpResult again = m_http->request("GET", QStringLiteral("/openapi.json"), {},
                                                 {{QByteArrayLiteral("If-None-Match"), etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
    }

    void documentsEveryRouteWithItsMethod()
    {
        const auto documented = documentedOperations();
        QStringList missing;
        for (const auto &[path, method] : routeOperations())
            if (!documented.contains({path, method}))
                missing.append(method.toUpper() + QLatin1Char(' ') + path);
        missing.sort();
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("routes missing from resources/openapi: ") +
                                               missing.join(QStringLiteral(", "))));
        QVERIFY(routeOperations().size() > 60);
    }

    void documentsNoOperationTheServerLacks()
    {
        const auto routes = routeOperations();
        QStringList extra;
        for (const auto &[path, method] : documentedOperations())
            if (!routes.contains({path, method}))
                extra.append(method.toUpper() + QLatin1Char(' ') + path);
        extra.sort();
        QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("documented but not routed: ") + extra.join(QStringLiteral(", "))));
    }

    // An integer {id} and a string {id:str} must be documented with the matching type.
    void documentsPathParametersWithTheRoutesTypes()
    {
        static const QRegularExpression capture(QStringLiteral("\\{([a-z_]+)(:str)?\\}"));
        for (const Router::Route &r : m_server->runtime().router().routes()) {
            const QString path = documentedPath(r.pattern);
            const QString method = QString::fromLatin1(r.method).toLower();
            const QJsonObject item = m_doc.value(QStringLiteral("paths")).toObject().value(path).toObject();
            QJsonArray params = item.value(QStringLiteral("parameters")).toArray();
            for (const QJsonValue &p : operation(path, method).value(QStringLiteral("parameters")).toArray())
                params.append(p);
            auto it = capture.globalMatch(r.pattern);
            while (it.hasNext()) {
                const auto m = it.next();
                QString type;
                for (const QJsonValue &p : std::as_const(params)) {
                    const QJsonObject param = deref(m_doc, p);
                    if (param.value(QStringLiteral("in")).toString() == QLatin1String("path") &&
                        param.value(QStringLiteral("name")).toString() == m.captured(1)) {
                        QVERIFY2(param.value(QStringLiteral("required")).toBool(), qPrintable(path));
                        type = param.value(QStringLiteral("schema")).toObject().value(QStringLiteral("type")).toString();
                    }
                }
                const QString wanted = m.captured(2).isEmpty() ? QStringLiteral("integer") : QStringLiteral("string");
                QVERIFY2(type == wanted, qPrintable(QStringLiteral("%1 %2: {%3} documented as '%4', the route takes %5")
                                                        .arg(method.toUpper(), path, m.captured(1), type, wanted)));
            }
        }
    }

    void everyOperationHasAnIdSummaryTagAndResponses()
    {
        QSet<QString> tags;
        for (const QJsonValue &t : m_doc.value(QStringLiteral("tags")).toArray())
            tags.insert(t.toObject().value(QStringLiteral("name")).toString());
        QSet<QString> ids;
        for (const auto &[path, method] : documentedOperations()) {
            const QJsonObject op = operation(path, method);
            const QString where = method.toUpper() + QLatin1Char(' ') + path;
            QVERIFY2(!op.value(QStringLiteral("summary")).toString().trimmed().isEmpty(), qPrintable(where));
            const QString id = op.value(QStringLiteral("operationId")).toString();
            QVERIFY2(!id.isEmpty() && !ids.contains(id), qPrintable(where + QStringLiteral(": operationId ") + id));
            ids.insert(id);
            const QJsonArray opTags = op.value(QStringLiteral("tags")).toArray();
            QVERIFY2(!opTags.isEmpty() && tags.contains(opTags.first().toString()), qPrintable(where));
            const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
            QVERIFY2(!responses.isEmpty(), qPrintable(where));
            for (auto r = responses.begin(); r != responses.end(); ++r) {
                const QJsonObject response = deref(m_doc, r.value());
                QVERIFY2(!response.value(QStringLiteral("description")).toString().isEmpty(),
                         qPrintable(where + QLatin1Char(' ') + r.key()));
            }
            // Requests with a body describe it as JSON.
            if (op.contains(QStringLiteral("requestBody")))
                QVERIFY2(op.value(QStringLiteral("requestBody")).toObject().value(QStringLiteral("content")).toObject()
                             .contains(QStringLiteral("application/json")), qPrintable(where));
        }
    }

    void staffRoutesNeedTheBearerTokenAndPublicOnesSayNone()
    {
        const QJsonArray global = m_doc.value(QStringLiteral("security")).toArray();
        QCOMPARE(global.size(), 1);
        QVERIFY(global.first().toObject().contains(QStringLiteral("bearerAuth")));
        for (const Router::Route &r : m_server->runtime().router().routes()) {
            const QJsonObject op = operation(documentedPath(r.pattern), QString::fromLatin1(r.method).toLower());
            const QString where = QString::fromLatin1(r.label);
            if (r.options.staffToken)
                QVERIFY2(!op.contains(QStringLiteral("security")), qPrintable(where + QStringLiteral(" needs a staff token")));
            else
                QVERIFY2(op.contains(QStringLiteral("security")),
                         qPrintable(where + QStringLiteral(" takes no staff token: say which security it has")));
        }
    }

    void everyRefResolves()
    {
        QStringList refs;
        collectRefs(m_doc, refs);
        QVERIFY(refs.size() > 100);
        for (const QString &ref : std::as_const(refs))
            QVERIFY2(!resolve(m_doc, ref).isUndefined() && resolve(m_doc, ref).isObject(), qPrintable(ref));
    }

    void docsPagesLoadOnlyLocalAssets_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("library");
        QTest::newRow("swagger ui") << QStringLiteral("/docs") << QStringLiteral("SwaggerUIBundle");
        QTest::newRow("swagger ui, trailing slash") << QStringLiteral("/docs/") << QStringLiteral("SwaggerUIBundle");
        QTest::newRow("redoc") << QStringLiteral("/redoc") << QStringLiteral("Redoc");
    }

    void docsPagesLoadOnlyLocalAssets()
    {
        QFETCH(QString, page);
        QFETCH(QString, library);
        const HttpResult r = m_http->get(page);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = r.header("Content-Security-Policy");
        QVERIFY2(csp.contains("script-src 'self';"), csp.constData());
        QVERIFY2(csp.contains("connect-src 'self'"), csp.constData());
        QVERIFY(!csp.contains("unsafe-eval"));
        const QString html = QString::fromUtf8(r.body);
        QVERIFY2(!html.contains(QStringLiteral("<script>")) && !html.contains(QStringLiteral("<style")),
                 "no inline script or style");
        QVERIFY(!html.contains(QStringLiteral("http://")) && !html.contains(QStringLiteral("https://")));
        static const QRegularExpression link(QStringLiteral("(?:src|href|spec-url)=\"([^\"]+)\""));
        QStringList assets;
        auto it = link.globalMatch(html);
        while (it.hasNext()) {
            const QString url = it.next().captured(1);
            if (url != QLatin1String("data:,")) // the empty icon: no request at all
                assets.append(url);
        }
        QVERIFY(assets.size() >= 2);
        QString scripts;
        for (const QString &url : std::as_const(assets)) {
            QVERIFY2(url.startsWith(QLatin1Char('/')) && !url.startsWith(QStringLiteral("//")), qPrintable(url));
            const HttpResult asset = m_http->get(url);
            QVERIFY2(asset.status == 200, qPrintable(url));
            QVERIFY(!asset.header("ETag").isEmpty());
            const QByteArray type = asset.header("Content-Type");
            if (url.endsWith(QStringLiteral(".js"))) {
                QVERIFY2(type.startsWith("text/javascript"), qPrintable(url + QStringLiteral(": ") + QString::fromLatin1(type)));
                scripts += QString::fromUtf8(asset.body);
            } else if (url.endsWith(QStringLiteral(".css"))) {
                QVERIFY2(type.startsWith("text/css"), qPrintable(url));
            } else {
                QCOMPARE(url, QStringLiteral("/openapi.json"));
                QVERIFY(type.startsWith("application/json"));
            }
        }
        // The real library is what is served, and it is pointed at this server's document.
        QVERIFY2(scripts.contains(library), qPrintable(library));
        QVERIFY(scripts.size() > 500 * 1024);
        QVERIFY(scripts.contains(QStringLiteral("'/openapi.json'")) || assets.contains(QStringLiteral("/openapi.json")));
    }

    // Real answers against their documented schemas: a field renamed, added or dropped in a
    // handler without the document following fails here.
    void realAnswersMatchTheirDocumentedSchemas()
    {
        const QString admin = m_http->adminToken();
        QVERIFY(!admin.isEmpty());
        const auto made = [&](const QString &path, const QJsonObject &body) {
            const HttpResult r = m_http->post(path, body, admin);
            if (r.status != 201)
                qWarning("POST %s: %d %s", qPrintable(path), r.status, r.body.constData());
            return r.json().value(QStringLiteral("id")).toInteger();
        };
        const qint64 ticket = made(QStringLiteral("/api/v1/tickets"),
                                   {{QStringLiteral("subject"), QStringLiteral("Card blocked abroad")},
                                    {QStringLiteral("priority"), QStringLiteral("high")}});
        const qint64 customer = made(QStringLiteral("/api/v1/customers"),
                                     {{QStringLiteral("name"), QStringLiteral("Ada Client")},
                                      {QStringLiteral("email"), QStringLiteral("ada@example.com")}});
        const qint64 canned = made(QStringLiteral("/api/v1/canned-responses"),
                                   {{QStringLiteral("title"), QStringLiteral("Hours")},
                                    {QStringLiteral("content"), QStringLiteral("We are open 9 to 5.")},
                                    {QStringLiteral("shortcut"), QStringLiteral("/hours")}});
        QVERIFY(ticket > 0 && customer > 0 && canned > 0);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticket),
                              {{QStringLiteral("body"), QStringLiteral("Called the customer.")}}, admin).status, 201);

        ChatCustomer chat(*m_http);
        const HttpResult started = chat.start();
        QCOMPARE(started.status, 201);
        const HttpResult said = chat.say(QStringLiteral("I lost my card, please help")); // escalates
        QCOMPARE(said.status, 200);
        const QString conversation = chat.conversationId();

        const qint64 article = m_http->get(QStringLiteral("/api/v1/knowledge?limit=1"), admin)
                                   .items().first().toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(article > 0);

        const OpenApiSchemaCheck schemas(m_doc);
        // The check itself can fail: a wrong type, a missing field and an undocumented one.
        QJsonObject me = m_http->get(QStringLiteral("/api/v1/auth/me"), admin).json();
        const QJsonObject meSchema = schemas.responseSchema(QStringLiteral("/api/v1/auth/me"), QStringLiteral("get"), 200);
        QVERIFY(schemas.check(me, meSchema).isEmpty());
        me.insert(QStringLiteral("surprise"), 1);
        me.insert(QStringLiteral("id"), QStringLiteral("seven"));
        me.remove(QStringLiteral("role"));
        const QString found = schemas.check(me, meSchema).join(QLatin1Char('\n'));
        QVERIFY2(found.contains(QStringLiteral("surprise")) && found.contains(QStringLiteral("$.id")) &&
                     found.contains(QStringLiteral("\"role\"")), qPrintable(found));
        const auto expect = [&](const QString &path, const QString &method, int status, const HttpResult &r) {
            const QString where = method.toUpper() + QLatin1Char(' ') + path;
            QVERIFY2(r.status == status, qPrintable(where + QStringLiteral(" → %1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
            const QJsonObject schema = schemas.responseSchema(path, method, status);
            QVERIFY2(!schema.isEmpty(), qPrintable(where + QStringLiteral(": no documented JSON answer for %1").arg(status)));
            const QStringList problems = schemas.check(QJsonDocument::fromJson(r.body).isArray()
                                                           ? QJsonValue(QJsonDocument::fromJson(r.body).array())
                                                           : QJsonValue(r.json()), schema);
            QVERIFY2(problems.isEmpty(), qPrintable(where + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))));
        };
        const auto get = [&](const QString &doc, const QString &real) {
            expect(doc, QStringLiteral("get"), 200, m_http->get(real, admin));
        };
        expect(QStringLiteral("/api/v1/chat/start"), QStringLiteral("post"), 201, started);
        expect(QStringLiteral("/api/v1/chat/message"), QStringLiteral("post"), 200, said);
        expect(QStringLiteral("/api/v1/chat/{conversation_id}/messages"), QStringLiteral("get"), 200, chat.messagesAfter(0));
        get(QStringLiteral("/health"), QStringLiteral("/health"));
        get(QStringLiteral("/api/v1/auth/me"), QStringLiteral("/api/v1/auth/me"));
        get(QStringLiteral("/api/v1/users"), QStringLiteral("/api/v1/users"));
        get(QStringLiteral("/api/v1/staff"), QStringLiteral("/api/v1/staff"));
        get(QStringLiteral("/api/v1/settings"), QStringLiteral("/api/v1/settings"));
        get(QStringLiteral("/api/v1/audit"), QStringLiteral("/api/v1/audit"));
        get(QStringLiteral("/api/v1/events"), QStringLiteral("/api/v1/events?after=0"));
        get(QStringLiteral("/api/v1/notifications/me"), QStringLiteral("/api/v1/notifications/me"));
        get(QStringLiteral("/api/v1/canned-responses"), QStringLiteral("/api/v1/canned-responses"));
        get(QStringLiteral("/api/v1/analytics/dashboard"), QStringLiteral("/api/v1/analytics/dashboard"));
        get(QStringLiteral("/api/v1/ws/stats"), QStringLiteral("/api/v1/ws/stats"));
        get(QStringLiteral("/api/v1/conversations"), QStringLiteral("/api/v1/conversations"));
        get(QStringLiteral("/api/v1/conversations/{id}"), QStringLiteral("/api/v1/conversations/") + conversation);
        get(QStringLiteral("/api/v1/tickets"), QStringLiteral("/api/v1/tickets"));
        get(QStringLiteral("/api/v1/tickets/{id}"), QStringLiteral("/api/v1/tickets/%1").arg(ticket));
        get(QStringLiteral("/api/v1/tickets/{id}/comments"), QStringLiteral("/api/v1/tickets/%1/comments").arg(ticket));
        get(QStringLiteral("/api/v1/tickets/{id}/history"), QStringLiteral("/api/v1/tickets/%1/history").arg(ticket));
        get(QStringLiteral("/api/v1/customers"), QStringLiteral("/api/v1/customers"));
        get(QStringLiteral("/api/v1/customers/{id}"), QStringLiteral("/api/v1/customers/%1").arg(customer));
        get(QStringLiteral("/api/v1/customers/{id}/conversations"), QStringLiteral("/api/v1/customers/%1/conversations").arg(customer));
        get(QStringLiteral("/api/v1/customers/{id}/export"), QStringLiteral("/api/v1/customers/%1/export").arg(customer));
        get(QStringLiteral("/api/v1/knowledge"), QStringLiteral("/api/v1/knowledge"));
        get(QStringLiteral("/api/v1/knowledge/{id}"), QStringLiteral("/api/v1/knowledge/%1").arg(article));
        get(QStringLiteral("/api/v1/knowledge/{id}/versions"), QStringLiteral("/api/v1/knowledge/%1/versions").arg(article));
        get(QStringLiteral("/api/v1/knowledge/export"), QStringLiteral("/api/v1/knowledge/export"));
        expect(QStringLiteral("/api/v1/knowledge/search"), QStringLiteral("post"), 200,
               m_http->post(QStringLiteral("/api/v1/knowledge/search"), {{QStringLiteral("query"), QStringLiteral("lost card")}}, admin));
        expect(QStringLiteral("/api/v1/tickets/{id}"), QStringLiteral("patch"), 200,
               m_http->patch(QStringLiteral("/api/v1/tickets/%1").arg(ticket), {{QStringLiteral("status"), QStringLiteral("pending")}}, admin));
        expect(QStringLiteral("/api/v1/conversations/{id}/takeover"), QStringLiteral("post"), 200,
               m_http->post(QStringLiteral("/api/v1/conversations/%1/takeover").arg(conversation), {}, admin));
        expect(QStringLiteral("/api/v1/conversations/{id}/messages"), QStringLiteral("post"), 201,
               m_http->post(QStringLiteral("/api/v1/conversations/%1/messages").arg(conversation),
                            {{QStringLiteral("body"), QStringLiteral("Your card is blocked now.")}}, admin));
        expect(QStringLiteral("/api/v1/chat/{conversation_id}/close"), QStringLiteral("post"), 200, chat.close());
        expect(QStringLiteral("/api/v1/chat/{conversation_id}/rating"), QStringLiteral("post"), 200, chat.rate(5));
        // Errors have the documented error body.
        expect(QStringLiteral("/api/v1/tickets/{id}"), QStringLiteral("get"), 404,
               m_http->get(QStringLiteral("/api/v1/tickets/999999"), admin));
        expect(QStringLiteral("/api/v1/users"), QStringLiteral("post"), 422,
               m_http->post(QStringLiteral("/api/v1/users"), {{QStringLiteral("email"), 12345}}, admin));
    }

    void mergeRefusesDuplicatesAndStrangeKeys()
    {
        const QJsonObject base{{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
                               {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("t")}}},
                               {QStringLiteral("paths"), QJsonObject{}}};
        const QJsonObject ping{{QStringLiteral("/ping"), QJsonObject{{QStringLiteral("get"), QJsonObject{}}}}};
        const QJsonObject schemaA{{QStringLiteral("schemas"), QJsonObject{{QStringLiteral("A"), QJsonObject{}}}}};

        auto merged = OpenApiDocument::merge(base, {{QStringLiteral("a.json"), {{QStringLiteral("paths"), ping},
                                                                             {QStringLiteral("components"), schemaA}}}},
                                             QStringLiteral("9.9.9"));
        QVERIFY(merged.ok());
        QCOMPARE(merged->value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("9.9.9"));
        QVERIFY(merged->value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/ping")));

        auto twicePath = OpenApiDocument::merge(base, {{QStringLiteral("a.json"), {{QStringLiteral("paths"), ping}}},
                                                       {QStringLiteral("b.json"), {{QStringLiteral("paths"), ping}}}},
                                                QStringLiteral("1"));
        QVERIFY(!twicePath.ok());
        QVERIFY2(twicePath.error().detail.contains(QStringLiteral("b.json")) &&
                     twicePath.error().detail.contains(QStringLiteral("/ping")), qPrintable(twicePath.error().detail));

        auto twiceSchema = OpenApiDocument::merge(base, {{QStringLiteral("a.json"), {{QStringLiteral("components"), schemaA}}},
                                                         {QStringLiteral("b.json"), {{QStringLiteral("components"), schemaA}}}},
                                                  QStringLiteral("1"));
        QVERIFY(!twiceSchema.ok());
        QVERIFY(twiceSchema.error().detail.contains(QStringLiteral("\"A\"")));

        auto strange = OpenApiDocument::merge(base, {{QStringLiteral("c.json"), {{QStringLiteral("servers"), QJsonArray()}}}},
                                              QStringLiteral("1"));
        QVERIFY(!strange.ok());
        QVERIFY(strange.error().detail.contains(QStringLiteral("servers")));

        QVERIFY(!OpenApiDocument::load(QStringLiteral(":/no-such-folder"), QStringLiteral("1")).ok());
    }
};

QTEST_GUILESS_MAIN(TestApiOpenApi)
#include "tst_api_openapi.moc"
