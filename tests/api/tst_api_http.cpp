// The HTTP layer every route shares, against a real server: paths with and without a trailing
// slash, 404/405, HEAD, CORS, security headers, X-Request-Id, body limits and content types,
// list envelopes, SQL-looking input, pipelining, Connection: close, clients that vanish
// mid-request, and /metrics.

#include "server/storage/database.h"
#include "tests/support/httpclient.h"
#include "tests/support/rawhttp.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>

using namespace joxai;
using namespace joxai::test;

namespace {

QByteArray loginBody(const QString &email, const QString &password)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("email"), email }, { QStringLiteral("password"), password } })
        .toJson(QJsonDocument::Compact);
}

// Sum of joxai_http_requests_total over every status of one route label.
qint64 requestsCounted(const QByteArray &metrics, const QByteArray &route)
{
    qint64 sum = 0;
    const QByteArray prefix = "joxai_http_requests_total{route=\"" + route + "\",";
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(prefix))
            sum += line.mid(line.lastIndexOf(' ') + 1).toLongLong();
    return sum;
}

bool plainRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

// Every log line the server writes during the suite (debug included), to prove no secret ends
// up in a log. Worker threads log too, hence the mutex.
std::mutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void recordingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const std::lock_guard<std::mutex> lock(g_logMutex);
        g_logLines.append(message);
    }
    if (type != QtDebugMsg && type != QtInfoMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestApiHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    qint64 m_adminId = 0;

    HttpClient::Headers bearer() const
    {
        return { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_admin.toUtf8() } };
    }

    HttpResult adminGet(const QString &path) { return m_http->get(path, m_admin); }

    qint64 createUser(const QString &email, const QString &fullName)
    {
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), email }, { QStringLiteral("full_name"), fullName },
                { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        if (r.status != 201) {
            qWarning("creating %s: %d %s", qPrintable(email), r.status, r.body.constData());
            return 0;
        }
        return r.json().value(QStringLiteral("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("joxai.*=true"));
        g_previousHandler = qInstallMessageHandler(recordingHandler);
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        const HttpResult me = m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin);
        QCOMPARE(me.status, 200);
        m_adminId = me.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(m_adminId > 0);
    }

    // --- paths ---------------------------------------------------------------------------------

    void everyPathAnswersWithAndWithoutTrailingSlash_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("sameBody");
        QTest::newRow("health") << QStringLiteral("/health") << true;
        QTest::newRow("users") << QStringLiteral("/api/v1/users") << true;
        QTest::newRow("user by id") << QStringLiteral("/api/v1/users/{admin}") << true;
        QTest::newRow("audit") << QStringLiteral("/api/v1/audit") << false; // the log may grow in between
        QTest::newRow("settings") << QStringLiteral("/api/v1/settings") << true;
        QTest::newRow("auth/me") << QStringLiteral("/api/v1/auth/me") << true;
    }

    void everyPathAnswersWithAndWithoutTrailingSlash()
    {
        QFETCH(QString, path);
        QFETCH(bool, sameBody);
        path.replace(QStringLiteral("{admin}"), QString::number(m_adminId));
        const HttpResult bare = adminGet(path);
        const HttpResult slash = adminGet(path + QLatin1Char('/'));
        QVERIFY2(bare.status == 200,
            qPrintable(path + QStringLiteral(" → %1 %2").arg(bare.status).arg(QString::fromUtf8(bare.body))));
        QVERIFY2(slash.status == 200,
            qPrintable(
                path + QStringLiteral("/ → %1 %2").arg(slash.status).arg(QString::fromUtf8(slash.body))));
        QVERIFY(bare.header("Location").isEmpty());
        QVERIFY(slash.header("Location").isEmpty());
        QVERIFY(!bare.json().isEmpty());
        QCOMPARE(slash.json().keys(), bare.json().keys());
        if (sameBody)
            QCOMPARE(slash.json(), bare.json());
    }

    void wrongMethodOnKnownPathIs405WithAllow_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QList<QByteArray>>("allowed");
        QTest::newRow("DELETE users") << QByteArrayLiteral("DELETE") << QStringLiteral("/api/v1/users")
                                      << QList<QByteArray> { "GET", "POST" };
        QTest::newRow("PUT users/") << QByteArrayLiteral("PUT") << QStringLiteral("/api/v1/users/")
                                    << QList<QByteArray> { "GET", "POST" };
        QTest::newRow("POST health") << QByteArrayLiteral("POST") << QStringLiteral("/health")
                                     << QList<QByteArray> { "GET" };
        QTest::newRow("GET login") << QByteArrayLiteral("GET") << QStringLiteral("/api/v1/auth/login")
                                   << QList<QByteArray> { "POST" };
        QTest::newRow("DELETE user") << QByteArrayLiteral("DELETE") << QStringLiteral("/api/v1/users/1")
                                     << QList<QByteArray> { "GET", "PATCH" };
    }

    void wrongMethodOnKnownPathIs405WithAllow()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QList<QByteArray>, allowed);
        const HttpResult r = m_http->request(method, path, {}, bearer());
        QCOMPARE(r.status, 405);
        QCOMPARE(r.code(), QStringLiteral("method_not_allowed"));
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QByteArray allow = r.header("Allow");
        QVERIFY2(!allow.isEmpty(), "405 carries Allow");
        QList<QByteArray> listed;
        for (const QByteArray &m : allow.split(','))
            listed.append(m.trimmed());
        for (const QByteArray &m : allowed)
            QVERIFY2(listed.contains(m), allow.constData());
        QVERIFY2(!listed.contains(method), allow.constData());
    }

    void unknownPathIs404Json_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown") << QStringLiteral("/api/v1/nothing-here");
        QTest::newRow("unknown below users") << QStringLiteral("/api/v1/users/1/nothing");
        QTest::newRow("case differs") << QStringLiteral("/API/v1/users");
        QTest::newRow("root") << QStringLiteral("/");
    }

    void unknownPathIs404Json()
    {
        QFETCH(QString, path);
        const HttpResult r = m_http->request("GET", path, {}, bearer());
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("not_found"));
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
    }

    void badOrUnknownIdsAre404_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("letters") << QStringLiteral("abc");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("25 digits") << QStringLiteral("1234567890123456789012345");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("decimal") << QStringLiteral("1.5");
        QTest::newRow("hex") << QStringLiteral("0x1");
        QTest::newRow("digits then letters") << QStringLiteral("1abc");
        QTest::newRow("beyond int32") << QStringLiteral("99999999999"); // must not wrap to another id
        QTest::newRow("unknown") << QStringLiteral("987654");
    }

    void badOrUnknownIdsAre404()
    {
        QFETCH(QString, id);
        for (const QString &suffix : { QString(), QStringLiteral("/") }) {
            const HttpResult r = adminGet(QStringLiteral("/api/v1/users/") + id + suffix);
            QVERIFY2(r.status == 404,
                qPrintable(
                    id + suffix + QStringLiteral(" → %1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
            QCOMPARE(r.code(), QStringLiteral("not_found"));
        }
    }

    // --- HEAD ----------------------------------------------------------------------------------

    void headOnHealthAnswersHeadersWithoutBody()
    {
        const HttpResult get = m_http->get(QStringLiteral("/health"));
        QCOMPARE(get.status, 200);

        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send(rawRequest("HEAD", "/health", { "X-Request-Id: head-1" }));
        const auto head = c.next(true);
        QVERIFY(head.has_value());
        QCOMPARE(head->status, 200);
        QVERIFY2(head->hasHeader("Content-Length"), "HEAD keeps Content-Length");
        QCOMPARE(head->header("Content-Length").toLongLong(), qint64(get.body.size()));
        QCOMPARE(head->header("X-Request-Id"), QByteArrayLiteral("head-1"));
        // Not one byte may follow the header block: wait a little for stragglers.
        QCOMPARE(c.leftover(300), QByteArray());
        // The connection stays usable, and the next answer starts right where the HEAD one ended.
        c.send(rawRequest("GET", "/health", { "X-Request-Id: head-2" }));
        const auto next = c.next();
        QVERIFY(next.has_value());
        QCOMPARE(next->status, 200);
        QCOMPARE(next->header("X-Request-Id"), QByteArrayLiteral("head-2"));
        QCOMPARE(next->body, get.body);
    }

    // --- CORS ----------------------------------------------------------------------------------

    void corsHeadersGoOnlyToAllowedOrigins()
    {
        TestServer cors([](Config &c) { c.corsOrigins = { QStringLiteral("https://bank.example") }; });
        QVERIFY2(cors.started(), qPrintable(cors.startError()));
        HttpClient http(cors.baseUrl());
        const QByteArray allowed = "https://bank.example";
        const QByteArray other = "https://evil.example";

        // Normal answers, success and error alike.
        for (const QString &path :
            { QStringLiteral("/health"), QStringLiteral("/api/v1/users"), QStringLiteral("/nope") }) {
            const HttpResult ok = http.request("GET", path, {}, { { "Origin", allowed } });
            QVERIFY2(ok.status != 0, qPrintable(path));
            QCOMPARE(ok.header("Access-Control-Allow-Origin"), allowed);
            const HttpResult no = http.request("GET", path, {}, { { "Origin", other } });
            QCOMPARE(no.status, ok.status);
            QVERIFY2(no.header("Access-Control-Allow-Origin").isEmpty(), qPrintable(path));
            QVERIFY(no.header("Access-Control-Allow-Methods").isEmpty());
            const HttpResult none = http.request("GET", path);
            QVERIFY(none.header("Access-Control-Allow-Origin").isEmpty());
        }

        // Preflight.
        const HttpClient::Headers preflight { { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "content-type, authorization" } };
        HttpClient::Headers fromAllowed = preflight;
        fromAllowed.append({ "Origin", allowed });
        const HttpResult pre = http.request("OPTIONS", QStringLiteral("/api/v1/auth/login"), {}, fromAllowed);
        QCOMPARE(pre.status, 204);
        QCOMPARE(pre.header("Access-Control-Allow-Origin"), allowed);
        QVERIFY2(pre.header("Access-Control-Allow-Methods").contains("POST"),
            pre.header("Access-Control-Allow-Methods").constData());
        const QByteArray allowHeaders = pre.header("Access-Control-Allow-Headers").toLower();
        QVERIFY2(allowHeaders.contains("content-type") && allowHeaders.contains("authorization"),
            allowHeaders.constData());
        QVERIFY(pre.body.isEmpty());
        // Preflight with a trailing slash too.
        const HttpResult preSlash
            = http.request("OPTIONS", QStringLiteral("/api/v1/users/"), {}, fromAllowed);
        QCOMPARE(preSlash.status, 204);
        QCOMPARE(preSlash.header("Access-Control-Allow-Origin"), allowed);

        HttpClient::Headers fromOther = preflight;
        fromOther.append({ "Origin", other });
        const HttpResult refused
            = http.request("OPTIONS", QStringLiteral("/api/v1/auth/login"), {}, fromOther);
        QVERIFY(refused.status != 0);
        QVERIFY(refused.header("Access-Control-Allow-Origin").isEmpty());
        QVERIFY(refused.header("Access-Control-Allow-Methods").isEmpty());
        QVERIFY(refused.header("Access-Control-Allow-Headers").isEmpty());
    }

    // --- headers every answer carries ------------------------------------------------------------

    void securityHeadersOnEveryAnswer_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("auth");
        QTest::addColumn<int>("status");
        QTest::newRow("200 health") << QByteArrayLiteral("GET") << QStringLiteral("/health") << QByteArray()
                                    << false << 200;
        QTest::newRow("200 users") << QByteArrayLiteral("GET") << QStringLiteral("/api/v1/users")
                                   << QByteArray() << true << 200;
        QTest::newRow("200 metrics") << QByteArrayLiteral("GET") << QStringLiteral("/metrics") << QByteArray()
                                     << false << 200;
        QTest::newRow("204 options") << QByteArrayLiteral("OPTIONS") << QStringLiteral("/health")
                                     << QByteArray() << false << 204;
        QTest::newRow("400 malformed") << QByteArrayLiteral("POST") << QStringLiteral("/api/v1/auth/login")
                                       << QByteArrayLiteral("{\"email\":") << false << 400;
        QTest::newRow("401 no token")
            << QByteArrayLiteral("GET") << QStringLiteral("/api/v1/users") << QByteArray() << false << 401;
        QTest::newRow("404 path") << QByteArrayLiteral("GET") << QStringLiteral("/nope") << QByteArray()
                                  << false << 404;
        QTest::newRow("404 id") << QByteArrayLiteral("GET") << QStringLiteral("/api/v1/users/987654")
                                << QByteArray() << true << 404;
        QTest::newRow("405") << QByteArrayLiteral("DELETE") << QStringLiteral("/health") << QByteArray()
                             << false << 405;
        QTest::newRow("422") << QByteArrayLiteral("GET") << QStringLiteral("/api/v1/users?limit=abc")
                             << QByteArray() << true << 422;
    }

    void securityHeadersOnEveryAnswer()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(bool, auth);
        QFETCH(int, status);
        HttpClient::Headers headers = auth ? bearer() : HttpClient::Headers {};
        if (!body.isEmpty())
            headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        const HttpResult r = m_http->request(method, path, body, headers);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        const QByteArray frame = r.header("X-Frame-Options").toUpper();
        QVERIFY2(frame == "DENY" || frame == "SAMEORIGIN", frame.constData());
        QVERIFY2(!r.header("Content-Security-Policy").isEmpty(), "Content-Security-Policy");
        QVERIFY2(r.header("Cache-Control").contains("no-store"), r.header("Cache-Control").constData());
        QVERIFY2(plainRequestId(r.header("X-Request-Id")), r.header("X-Request-Id").constData());
    }

    void requestIdIsEchoedWhenPlainAndGeneratedOtherwise()
    {
        const QByteArray given = "client-42_abc.DEF";
        HttpResult r = m_http->request("GET", QStringLiteral("/health"), {}, { { "X-Request-Id", given } });
        QCOMPARE(r.header("X-Request-Id"), given);
        // Also on errors and on answers from the worker pool.
        r = m_http->request("GET", QStringLiteral("/api/v1/users/987654"), {},
            { { "X-Request-Id", given }, bearer().first() });
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("X-Request-Id"), given);

        const QByteArray a = m_http->get(QStringLiteral("/health")).header("X-Request-Id");
        const QByteArray b = m_http->get(QStringLiteral("/health")).header("X-Request-Id");
        QVERIFY2(plainRequestId(a), a.constData());
        QVERIFY2(plainRequestId(b), b.constData());
        QVERIFY(a.size() >= 8);
        QVERIFY2(a != b, "generated ids differ");
    }

    void hostileRequestIdIsReplaced_data()
    {
        QTest::addColumn<QByteArray>("given");
        QTest::newRow("spaces") << QByteArrayLiteral("abc def");
        QTest::newRow("encoded CRLF") << QByteArrayLiteral("x%0D%0ASet-Cookie:%20a=b");
        QTest::newRow("header-looking") << QByteArrayLiteral("x Set-Cookie: a=b");
        QTest::newRow("markup") << QByteArrayLiteral("<script>alert(1)</script>");
        QTest::newRow("quote") << QByteArrayLiteral("abc\"def");
        QTest::newRow("tab") << QByteArrayLiteral("abc\tdef");
        QTest::newRow("non-ASCII") << QByteArrayLiteral("caf\xc3\xa9");
        QTest::newRow("200 chars") << QByteArray(200, 'a');
    }

    void hostileRequestIdIsReplaced()
    {
        QFETCH(QByteArray, given);
        // A raw socket, so nothing between the test and the server touches the header.
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        c.send(rawRequest("GET", "/health", { "X-Request-Id: " + given }));
        const auto r = c.next();
        QVERIFY(r.has_value());
        QCOMPARE(r->status, 200);
        const QByteArray echoed = r->header("X-Request-Id");
        QVERIFY2(echoed != given.trimmed(), echoed.constData());
        QVERIFY2(plainRequestId(echoed), echoed.constData());
        QVERIFY(!r->hasHeader("Set-Cookie"));
    }

    // --- bodies --------------------------------------------------------------------------------

    void bodyOverOneMebibyteIs413()
    {
        QByteArray big
            = "{\"email\":\"x@bank.example\",\"password\":\"" + QByteArray(1024 * 1024, 'a') + "\"}";
        const HttpResult r = m_http->request(
            "POST", QStringLiteral("/api/v1/auth/login"), big, { { "Content-Type", "application/json" } });
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("body_too_large"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        QVERIFY(r.header("Cache-Control").contains("no-store"));
        // Exactly 1 MiB is still within the limit: it reaches the handler (an unknown account).
        QByteArray exact = loginBody(QStringLiteral("nobody@bank.example"), QStringLiteral("wrong-pass-1"));
        exact += QByteArray(1024 * 1024 - exact.size(), ' ');
        QCOMPARE(exact.size(), 1024 * 1024);
        const HttpResult fits = m_http->request(
            "POST", QStringLiteral("/api/v1/auth/login"), exact, { { "Content-Type", "application/json" } });
        QCOMPARE(fits.status, 401);
        QCOMPARE(fits.code(), QStringLiteral("invalid_credentials"));
        // The server is fine afterwards.
        QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
    }

    void bodyThatIsNotJsonIs415_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("form") << QByteArrayLiteral("application/x-www-form-urlencoded");
        QTest::newRow("text") << QByteArrayLiteral("text/plain");
        QTest::newRow("xml") << QByteArrayLiteral("application/xml");
    }

    void bodyThatIsNotJsonIs415()
    {
        QFETCH(QByteArray, contentType);
        const QByteArray body = loginBody(QStringLiteral("x@bank.example"), QStringLiteral("y"));
        const HttpResult r = m_http->request(
            "POST", QStringLiteral("/api/v1/auth/login"), body, { { "Content-Type", contentType } });
        QCOMPARE(r.status, 415);
        QCOMPARE(r.code(), QStringLiteral("unsupported_media_type"));
        // The same body as JSON (with a charset) is taken.
        const HttpResult ok = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), body,
            { { "Content-Type", "application/json; charset=utf-8" } });
        QCOMPARE(ok.status, 401);
    }

    void malformedJsonIs400()
    {
        for (const QByteArray &body : { QByteArrayLiteral("{\"email\": "), QByteArrayLiteral("{email: 1}"),
                 QByteArrayLiteral("{\"a\":1,}"), QByteArrayLiteral("\xff\xfe{}") }) {
            const HttpResult r = m_http->request("POST", QStringLiteral("/api/v1/users"), body,
                { { "Content-Type", "application/json" }, bearer().first() });
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.code(), QStringLiteral("malformed_json"));
        }
    }

    void wrongJsonTypeIs422WithFields()
    {
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), 12345 }, { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("validation_error"));
        const QJsonObject fields = r.json().value(QStringLiteral("fields")).toObject();
        QVERIFY2(fields.contains(QStringLiteral("email")), r.body.constData());
        QVERIFY(!fields.value(QStringLiteral("email")).toString().isEmpty());
        QVERIFY(!fields.contains(QStringLiteral("role")));
        // Nothing was created.
        const HttpResult list = adminGet(QStringLiteral("/api/v1/users?q=12345"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("total")).toInt(), 0);
    }

    // --- SQL-looking input ---------------------------------------------------------------------

    void sqlLookingTextIsStoredVerbatim()
    {
        const QString name = QStringLiteral("Robert'); DROP TABLE users;--");
        const QString email = QStringLiteral("o'brien+test@bank.example");
        const qint64 id = createUser(email, name);
        QVERIFY(id > 0);
        const HttpResult back = adminGet(QStringLiteral("/api/v1/users/%1").arg(id));
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json().value(QStringLiteral("full_name")).toString(), name);
        QCOMPARE(back.json().value(QStringLiteral("email")).toString(), email);

        const HttpResult list = adminGet(QStringLiteral("/api/v1/users?limit=200"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value(QStringLiteral("total")).toInt() >= 2);
        bool seen = false;
        for (const QJsonValue &v : list.items())
            seen = seen || v.toObject().value(QStringLiteral("full_name")).toString() == name;
        QVERIFY(seen);

        // Searching for it by its quotes works, and an injection-looking search matches nothing.
        const HttpResult found = adminGet(QStringLiteral("/api/v1/users?q=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("o'brien"))));
        QCOMPARE(found.status, 200);
        QCOMPARE(found.json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(found.items().first().toObject().value(QStringLiteral("id")).toInteger(), id);
        const HttpResult injected = adminGet(QStringLiteral("/api/v1/users?q=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("' OR '1'='1"))));
        QCOMPARE(injected.status, 200);
        QCOMPARE(injected.json().value(QStringLiteral("total")).toInt(), 0);

        // The table is still there: another user can be made and read.
        const qint64 after
            = createUser(QStringLiteral("after-injection@bank.example"), QStringLiteral("After"));
        QVERIFY(after > 0);
        QCOMPARE(adminGet(QStringLiteral("/api/v1/users/%1").arg(after)).status, 200);
    }

    void searchTreatsLikeWildcardsLiterally()
    {
        const qint64 percent
            = createUser(QStringLiteral("percent@bank.example"), QStringLiteral("100% Sure"));
        const qint64 underscore
            = createUser(QStringLiteral("snake_case@bank.example"), QStringLiteral("Snake Case"));
        const qint64 backslash
            = createUser(QStringLiteral("slash@bank.example"), QStringLiteral("Back\\Slash"));
        QVERIFY(percent > 0 && underscore > 0 && backslash > 0);
        const int everyone
            = adminGet(QStringLiteral("/api/v1/users")).json().value(QStringLiteral("total")).toInt();
        QVERIFY(everyone >= 4);

        const struct
        {
            const char *query;
            qint64 only;
        } cases[] = { { "%25", percent }, { "_", underscore }, { "%5C", backslash }, { "100%25", percent },
            { "e_c", underscore } };
        for (const auto &c : cases) {
            const HttpResult r = adminGet(QStringLiteral("/api/v1/users?q=") + QLatin1String(c.query));
            QCOMPARE(r.status, 200);
            QVERIFY2(r.json().value(QStringLiteral("total")).toInt() == 1,
                qPrintable(
                    QLatin1String(c.query) + QStringLiteral(" matched: ") + QString::fromUtf8(r.body)));
            QCOMPARE(r.items().size(), 1);
            QCOMPARE(r.items().first().toObject().value(QStringLiteral("id")).toInteger(), c.only);
        }
        // Wildcards that would match everything when unescaped match nothing here.
        for (const char *query : { "%25%25", "__", "a%25z" }) {
            const HttpResult r = adminGet(QStringLiteral("/api/v1/users?q=") + QLatin1String(query));
            QCOMPARE(r.status, 200);
            QVERIFY2(r.json().value(QStringLiteral("total")).toInt() == 0, query);
        }
    }

    void unexpectedSqlFailureIs500WithoutDetailsOrSecretsInTheLog()
    {
        // Make the database refuse one particular insert (a constraint the server does not know),
        // then create that user: the insert fails after the password was hashed.
        const QString rejected = QStringLiteral("Reject Me Please");
        const bool postgres = m_server->database().isPostgres();
        {
            SqlSession s = m_server->runtime().database().session();
            const Status made = postgres
                ? s.execRaw(QStringLiteral(
                    "ALTER TABLE users ADD CONSTRAINT joxai_test_reject CHECK (full_name <> '%1')")
                                .arg(rejected))
                : s.execRaw(QStringLiteral(
                    "CREATE TRIGGER joxai_test_reject BEFORE INSERT ON users WHEN NEW.full_name = '%1' "
                    "BEGIN SELECT RAISE(ABORT, 'rejected by the test'); END")
                                .arg(rejected));
            QVERIFY(made.ok());
        }
        qsizetype logMark = 0;
        {
            const std::lock_guard<std::mutex> lock(g_logMutex);
            logMark = g_logLines.size();
        }
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), QStringLiteral("rejected@bank.example") },
                { QStringLiteral("full_name"), rejected },
                { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        QStringList logged;
        {
            const std::lock_guard<std::mutex> lock(g_logMutex);
            logged = g_logLines.mid(logMark);
        }
        {
            SqlSession s = m_server->runtime().database().session();
            QVERIFY(s.execRaw(postgres ? QStringLiteral("ALTER TABLE users DROP CONSTRAINT joxai_test_reject")
                                       : QStringLiteral("DROP TRIGGER joxai_test_reject"))
                        .ok());
        }
        QCOMPARE(r.status, 500);
        QCOMPARE(r.code(), QStringLiteral("internal_error"));
        const QString body = QString::fromUtf8(r.body);
        for (const QString &word :
            { QStringLiteral("INSERT"), QStringLiteral("users"), QStringLiteral("constraint"),
                QStringLiteral("joxai_test_reject"), QStringLiteral("rejected by"), QStringLiteral("$2") })
            QVERIFY2(!body.contains(word, Qt::CaseInsensitive), qPrintable(body));
        // The failure is logged (it must not be swallowed)…
        QVERIFY2(!logged.isEmpty(), "the failed insert is logged");
        // …but the log never carries the password hash (PostgreSQL's DETAIL repeats the failing row).
        for (const QString &line : logged)
            QVERIFY2(!line.contains(QStringLiteral("$2b$")),
                qPrintable(QStringLiteral("password hash in the log: ") + line));
        // Nothing half-made is left behind.
        QCOMPARE(adminGet(QStringLiteral("/api/v1/users?q=rejected%40bank"))
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
            0);
    }

    // --- lists ---------------------------------------------------------------------------------

    void listsAnswerTheEnvelope_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("users") << QStringLiteral("/api/v1/users");
        QTest::newRow("audit") << QStringLiteral("/api/v1/audit");
    }

    void listsAnswerTheEnvelope()
    {
        QFETCH(QString, path);
        const HttpResult r = adminGet(path);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(QStringList(o.keys()),
            (QStringList { QStringLiteral("items"), QStringLiteral("limit"), QStringLiteral("offset"),
                QStringLiteral("total") }));
        QVERIFY(o.value(QStringLiteral("items")).isArray());
        QVERIFY(o.value(QStringLiteral("total")).isDouble());
        QCOMPARE(o.value(QStringLiteral("limit")).toInt(), 50);
        QCOMPARE(o.value(QStringLiteral("offset")).toInt(), 0);
        QVERIFY(
            o.value(QStringLiteral("total")).toInt() >= o.value(QStringLiteral("items")).toArray().size());
        QVERIFY(o.value(QStringLiteral("total")).toInt() > 0);

        const HttpResult clamped = adminGet(path + QStringLiteral("?limit=500"));
        QCOMPARE(clamped.status, 200);
        QCOMPARE(clamped.json().value(QStringLiteral("limit")).toInt(), 200);
        QVERIFY(clamped.items().size() <= 200);

        for (const QString &bad : { QStringLiteral("limit=-1"), QStringLiteral("limit=abc"),
                 QStringLiteral("offset=-1"), QStringLiteral("skip=x"), QStringLiteral("limit=1.5") }) {
            const HttpResult r422 = adminGet(path + QLatin1Char('?') + bad);
            QVERIFY2(r422.status == 422, qPrintable(bad + QStringLiteral(" → %1").arg(r422.status)));
            QVERIFY(!r422.code().isEmpty());
            QVERIFY(!r422.json().value(QStringLiteral("detail")).toString().isEmpty());
        }
    }

    void skipIsAnAliasOfOffset()
    {
        // Enough users for two pages of one.
        QVERIFY(createUser(QStringLiteral("page-a@bank.example"), QStringLiteral("Page A")) > 0);
        QVERIFY(createUser(QStringLiteral("page-b@bank.example"), QStringLiteral("Page B")) > 0);
        const HttpResult all = adminGet(QStringLiteral("/api/v1/users?limit=200"));
        QCOMPARE(all.status, 200);
        const QJsonArray items = all.items();
        QVERIFY(items.size() >= 3);
        for (const QString &name : { QStringLiteral("offset"), QStringLiteral("skip") }) {
            const HttpResult second = adminGet(QStringLiteral("/api/v1/users?limit=1&%1=1").arg(name));
            QCOMPARE(second.status, 200);
            QCOMPARE(second.json().value(QStringLiteral("offset")).toInt(), 1);
            QCOMPARE(second.json().value(QStringLiteral("limit")).toInt(), 1);
            QCOMPARE(second.json().value(QStringLiteral("total")).toInt(), items.size());
            QCOMPARE(second.items().size(), 1);
            QCOMPARE(second.items().first().toObject().value(QStringLiteral("id")),
                items.at(1).toObject().value(QStringLiteral("id")));
        }
        const HttpResult past = adminGet(QStringLiteral("/api/v1/users?skip=100000"));
        QCOMPARE(past.status, 200);
        QCOMPARE(past.items().size(), 0);
        QCOMPARE(past.json().value(QStringLiteral("total")).toInt(), items.size());
    }

    // --- connections ---------------------------------------------------------------------------

    void pipelinedAnswersKeepRequestOrder()
    {
        const QByteArray slow
            = loginBody(QStringLiteral("admin@joxai.com"), QStringLiteral("wrong-password-1"));
        RawConnection c;
        QVERIFY(c.open(m_server->port()));
        // One write: a login (bcrypt on the worker pool) first, then two answers the main thread
        // could give at once, then an authenticated read from the database pool, then a 404.
        c.send(rawRequest("POST", "/api/v1/auth/login",
                   { "Content-Type: application/json", "X-Request-Id: p1" }, slow)
            + rawRequest("GET", "/health", { "X-Request-Id: p2" })
            + rawRequest("GET", "/health", { "X-Request-Id: p3" })
            + rawRequest(
                "GET", "/api/v1/auth/me", { "X-Request-Id: p4", "Authorization: Bearer " + m_admin.toUtf8() })
            + rawRequest("GET", "/nope", { "X-Request-Id: p5" }));
        const QList<QPair<QByteArray, int>> expected { { "p1", 401 }, { "p2", 200 }, { "p3", 200 },
            { "p4", 200 }, { "p5", 404 } };
        for (const auto &[id, status] : expected) {
            const auto r = c.next();
            QVERIFY2(r.has_value(), id.constData());
            QCOMPARE(r->header("X-Request-Id"), id);
            QCOMPARE(r->status, status);
        }
        QCOMPARE(c.leftover(100), QByteArray());
        QVERIFY(c.socket().state() == QAbstractSocket::ConnectedState);
        // The wrong password above counts one failure; a good login resets the count.
        QVERIFY(!m_http->login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword))
                     .isEmpty());
    }

    void connectionCloseIsHonoured()
    {
        {
            RawConnection c;
            QVERIFY(c.open(m_server->port()));
            c.send(rawRequest("GET", "/health", { "Connection: close" }));
            const auto r = c.next();
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 200);
            QCOMPARE(r->header("Connection").toLower(), QByteArrayLiteral("close"));
            QVERIFY2(c.waitClosedByServer(), "the server closes after the answer");
        }
        {
            // Also when the answer comes from the worker pool.
            RawConnection c;
            QVERIFY(c.open(m_server->port()));
            c.send(rawRequest("GET", "/api/v1/auth/me",
                { "Connection: close", "Authorization: Bearer " + m_admin.toUtf8() }));
            const auto r = c.next();
            QVERIFY(r.has_value());
            QCOMPARE(r->status, 200);
            QVERIFY2(c.waitClosedByServer(), "the server closes after a deferred answer");
        }
        {
            // A request pipelined behind Connection: close is not answered.
            RawConnection c;
            QVERIFY(c.open(m_server->port()));
            c.send(rawRequest("GET", "/health", { "Connection: close", "X-Request-Id: last" })
                + rawRequest("GET", "/health", { "X-Request-Id: after-close" }));
            const auto r = c.next();
            QVERIFY(r.has_value());
            QCOMPARE(r->header("X-Request-Id"), QByteArrayLiteral("last"));
            QVERIFY(c.waitClosedByServer());
            QCOMPARE(c.leftover(0), QByteArray());
        }
    }

    void survivesHundredsOfClientsLeavingMidRequest()
    {
        const QByteArray metricsBefore = m_http->get(QStringLiteral("/metrics")).body;
        const qint64 loginsBefore = requestsCounted(metricsBefore, "POST /api/v1/auth/login");
        const QByteArray authHeader = "Authorization: Bearer " + m_admin.toUtf8();
        int gracefulLogins = 0;
        constexpr int kClients = 300;
        constexpr int kBatch = 10;
        for (int first = 0; first < kClients; first += kBatch) {
            std::vector<std::unique_ptr<QTcpSocket>> batch;
            for (int i = first; i < first + kBatch; ++i) {
                auto s = std::make_unique<QTcpSocket>();
                s->connectToHost(QHostAddress::LocalHost, m_server->port());
                batch.push_back(std::move(s));
            }
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return std::all_of(batch.begin(), batch.end(),
                        [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; });
                },
                5000));
            for (int k = 0; k < kBatch; ++k) {
                const int i = first + k;
                QTcpSocket &s = *batch[size_t(k)];
                const QByteArray login
                    = rawRequest("POST", "/api/v1/auth/login", { "Content-Type: application/json" },
                        loginBody(QStringLiteral("storm-%1@bank.example").arg(i),
                            QStringLiteral("wrong-password-1")));
                switch (i % 5) {
                case 0: // a whole login, then gone at once
                    s.write(login);
                    break;
                case 1: // a whole login, then a polite close before the answer
                    s.write(login);
                    ++gracefulLogins;
                    break;
                case 2: // an authenticated read from the database pool
                    s.write(rawRequest("GET", "/api/v1/users?limit=200", { authHeader }));
                    break;
                case 3: // half a body
                    s.write(login.left(login.size() - 10));
                    break;
                default: // pipelined: a login and a read
                    s.write(login + rawRequest("GET", "/api/v1/auth/me", { authHeader }));
                    break;
                }
                s.flush();
            }
            // Some leave at once, some while their work is on a worker thread.
            QTest::qWait((first / kBatch) % 3);
            for (int k = 0; k < kBatch; ++k) {
                QTcpSocket &s = *batch[size_t(k)];
                if ((first + k) % 5 == 1)
                    s.disconnectFromHost();
                else
                    s.abort();
            }
            // Normal clients keep being served in between.
            if ((first / kBatch) % 5 == 0) {
                QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
                QCOMPARE(adminGet(QStringLiteral("/api/v1/auth/me")).status, 200);
            }
        }
        // The polite clients' logins certainly reached the server: wait for them to be answered
        // (and counted), which proves the storm took the slow path.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const qint64 now = requestsCounted(
                             m_http->get(QStringLiteral("/metrics")).body, "POST /api/v1/auth/login");
                         return now - loginsBefore >= gracefulLogins;
                     },
                     20000),
            "the logins of the vanished clients were processed");

        QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
        QVERIFY(!m_http->login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword))
                     .isEmpty());
        QCOMPARE(adminGet(QStringLiteral("/api/v1/users")).status, 200);
        const HttpResult metrics = m_http->get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("joxai_http_requests_total"));
    }

    // --- metrics -------------------------------------------------------------------------------

    void metricsRendersPrometheusText()
    {
        QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
        const HttpResult r = m_http->get(QStringLiteral("/metrics"));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type").constData());
        const QByteArray text = r.body;
        QVERIFY(text.contains("# TYPE joxai_http_requests_total counter"));
        QVERIFY(text.contains("joxai_http_requests_total{"));
        QVERIFY(text.contains("# TYPE joxai_http_request_duration_seconds histogram"));
        QVERIFY(text.contains("joxai_http_request_duration_seconds_bucket{le=\"+Inf\"}"));
        QVERIFY(text.contains("joxai_http_request_duration_seconds_count"));
        QVERIFY(requestsCounted(text, "GET /health") >= 1);
        // Every sample line is "name{labels} value" or "name value" with a number.
        for (const QByteArray &line : text.split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            bool ok = false;
            (void)line.mid(line.lastIndexOf(' ') + 1).toDouble(&ok);
            QVERIFY2(ok, line.constData());
        }
        // Counters only grow.
        const qint64 before = requestsCounted(text, "GET /health");
        QCOMPARE(m_http->get(QStringLiteral("/health")).status, 200);
        QVERIFY(requestsCounted(m_http->get(QStringLiteral("/metrics")).body, "GET /health") > before);
    }

    // Declared last: looks back at everything the server logged while the tests above ran
    // (logins with wrong passwords, tokens, vanished clients, errors).
    void serverLogsCarryNoSecrets()
    {
        QStringList lines;
        {
            const std::lock_guard<std::mutex> lock(g_logMutex);
            lines = g_logLines;
        }
        QVERIFY2(lines.size() > 10, "the server's log lines were recorded");
        const QStringList secrets { QStringLiteral("$2b$"), QStringLiteral("$2a$"), QStringLiteral("$2y$"),
            QStringLiteral("eyJhbGciOi"), // any JWT
            m_admin, m_server->config().secretKey, QLatin1String(HttpClient::kAdminPassword),
            QStringLiteral("admin123"), QStringLiteral("wrong-password-1") };
        for (const QString &line : lines)
            for (const QString &secret : secrets)
                QVERIFY2(
                    !line.contains(secret), qPrintable(QStringLiteral("log line carries a secret: ") + line));
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    }
};

QTEST_GUILESS_MAIN(TestApiHttp)
#include "tst_api_http.moc"
