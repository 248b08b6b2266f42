// Staff sign-in over HTTP against a real server: login, first-run password change, tokens and
// their revocation, lockout, rate limit, two-factor.

#include "server/auth/tokenservice.h"
#include "server/auth/totp.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;

    QString bearerGet(const QString &path, const QString &token, int expected)
    {
        const HttpResult r = m_http->get(path, token);
        return r.status == expected ? QString() : QStringLiteral("%1 → %2 %3").arg(path).arg(r.status).arg(QString::fromUtf8(r.body));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    }

    void firstRunAdminMustChangePasswordBeforeAnythingElse()
    {
        const HttpResult login = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                              {{QStringLiteral("email"), QStringLiteral("admin@joxai.com")},
                                               {QStringLiteral("password"), QStringLiteral("admin123")}});
        QCOMPARE(login.status, 200);
        const QJsonObject body = login.json();
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QVERIFY(!body.value(QStringLiteral("expires_at")).toString().isEmpty());
        const QJsonObject user = body.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("admin@joxai.com"));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(user.value(QStringLiteral("must_change_password")).toBool(), true);
        QVERIFY(!user.contains(QStringLiteral("password_hash")));
        const QString token = body.value(QStringLiteral("token")).toString();

        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), token).status, 200);
        const HttpResult blocked = m_http->get(QStringLiteral("/api/v1/users"), token);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.code(), QStringLiteral("password_change_required"));
        // Only me, logout and change-password stay open: not even two-factor set-up.
        const HttpResult setup = m_http->post(QStringLiteral("/api/v1/auth/2fa/setup"), {}, token);
        QCOMPARE(setup.status, 403);
        QCOMPARE(setup.code(), QStringLiteral("password_change_required"));

        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY2(bearerGet(QStringLiteral("/api/v1/users"), m_admin, 200).isEmpty(), "admin can list users");
        // The password change revoked the first token.
        const HttpResult old = m_http->get(QStringLiteral("/api/v1/auth/me"), token);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.code(), QStringLiteral("token_revoked"));
    }

    void wrongPasswordAndUnknownEmailGetTheSameAnswer()
    {
        const HttpResult wrong = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                              {{QStringLiteral("email"), QStringLiteral("admin@joxai.com")},
                                               {QStringLiteral("password"), QStringLiteral("nope-nope")}});
        const HttpResult unknown = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                                {{QStringLiteral("email"), QStringLiteral("ghost@joxai.com")},
                                                 {QStringLiteral("password"), QStringLiteral("nope-nope")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.code(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.header("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    }

    void loginValidatesItsBody()
    {
        HttpResult r = m_http->post(QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("email"), 12345}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("validation_error"));
        QCOMPARE(r.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("must be a string"));
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("password")));
        r = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), "{\"email\": ",
                            {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("malformed_json"));
        r = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), "email=a&password=b",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 415);
        r = m_http->request("POST", QStringLiteral("/api/v1/auth/login"), "[1,2]", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 422);
    }

    void forgedTokensAreRefused_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("code");
        const auto b64 = [](const QByteArray &json) {
            return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray claims = b64("{\"sub\":\"1\",\"role\":\"admin\",\"tv\":1,\"iat\":1,\"exp\":4102444800}");
        QTest::newRow("alg none") << QString::fromLatin1(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + '.' + claims + '.')
                                  << QStringLiteral("invalid_token");
        QTest::newRow("garbage") << QStringLiteral("not.a.token") << QStringLiteral("invalid_token");
        TokenService other("another-secret-key-that-is-long-enough-1234", 3600);
        QTest::newRow("other key") << other.issue(1, QStringLiteral("admin"), 1) << QStringLiteral("invalid_token");
        TokenService same("test-secret-key-0123456789-abcdefghijklmnop", 3600);
        QTest::newRow("expired") << same.issue(1, QStringLiteral("admin"), 1, QDateTime::currentDateTimeUtc().addDays(-2))
                                 << QStringLiteral("token_expired");
        QTest::newRow("old token version") << same.issue(1, QStringLiteral("admin"), 1) << QStringLiteral("token_revoked");
        QTest::newRow("unknown user") << same.issue(999, QStringLiteral("admin"), 1) << QStringLiteral("token_revoked");
    }

    void forgedTokensAreRefused()
    {
        QFETCH(QString, token);
        QFETCH(QString, code);
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/auth/me"), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), code);
    }

    void missingTokenIs401()
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/users"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("not_authenticated"));
    }

    void logoutRevokesEveryTokenOfTheUser()
    {
        const QString a = m_http->login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        const QString b = m_http->login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/logout"), {}, a).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), a).status, 401);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), b).status, 401);
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
    }

    void agentsCannotUseAdminEndpoints()
    {
        const QString agent = m_http->createStaff(m_admin, QStringLiteral("agent1@bank.test"), QStringLiteral("agent"));
        QVERIFY(!agent.isEmpty());
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/users"), agent);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("forbidden"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/audit"), agent).status, 403);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/settings/system"), {{QStringLiteral("retention_days"), 100}}, agent).status, 403);
    }

    void repeatedFailuresLockTheAccount()
    {
        qint64 id = 0;
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("locked@bank.test"), QStringLiteral("agent"), &id).isEmpty());
        const QJsonObject wrong{{QStringLiteral("email"), QStringLiteral("locked@bank.test")},
                                {QStringLiteral("password"), QStringLiteral("wrong-password-1")}};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/login"), wrong).status, 401);
        const HttpResult fifth = m_http->post(QStringLiteral("/api/v1/auth/login"), wrong);
        QCOMPARE(fifth.status, 423);
        QCOMPARE(fifth.code(), QStringLiteral("account_locked"));
        QVERIFY(fifth.header("Retry-After").toInt() > 800);
        // Even the right password is refused while locked.
        const HttpResult right = m_http->post(QStringLiteral("/api/v1/auth/login"),
                                              {{QStringLiteral("email"), QStringLiteral("locked@bank.test")},
                                               {QStringLiteral("password"), QLatin1String(HttpClient::kStaffPassword)}});
        QCOMPARE(right.status, 423);
        // An admin's password reset unlocks it.
        const HttpResult reset = m_http->post(QStringLiteral("/api/v1/users/%1/reset-password").arg(id), {}, m_admin);
        QCOMPARE(reset.status, 200);
        const QString temporary = reset.json().value(QStringLiteral("temporary_password")).toString();
        QVERIFY(!m_http->login(QStringLiteral("locked@bank.test"), temporary).isEmpty());
    }

    void failedAndSuccessfulLoginsAreAudited()
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?action=auth.login_failed&limit=200"), m_admin);
        QCOMPARE(r.status, 200);
        bool sawUnknown = false;
        for (const QJsonValue &v : r.items()) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("client_address")).toString(), QStringLiteral("127.0.0.1"));
            sawUnknown = sawUnknown || e.value(QStringLiteral("actor_email")).toString() == QLatin1String("ghost@joxai.com");
        }
        QVERIFY(sawUnknown);
        const HttpResult ok = m_http->get(QStringLiteral("/api/v1/audit?action=auth.login"), m_admin);
        QVERIFY(ok.json().value(QStringLiteral("total")).toInt() >= 3);
    }

    void twoFactorSignIn()
    {
        const QString token = m_http->createStaff(m_admin, QStringLiteral("otp@bank.test"), QStringLiteral("supervisor"));
        QVERIFY(!token.isEmpty());
        const HttpResult setup = m_http->post(QStringLiteral("/api/v1/auth/2fa/setup"), {}, token);
        QCOMPARE(setup.status, 200);
        const QString secret = setup.json().value(QStringLiteral("secret")).toString();
        QVERIFY(setup.json().value(QStringLiteral("otpauth_uri")).toString().startsWith(QStringLiteral("otpauth://totp/")));
        const QByteArray raw = Totp::fromBase32(secret);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/2fa/enable"), {{QStringLiteral("otp"), QStringLiteral("000000")}}, token).status,
                 Totp::code(raw, QDateTime::currentDateTimeUtc()) == QLatin1String("000000") ? 200 : 422);
        const QString enableCode = Totp::code(raw, QDateTime::currentDateTimeUtc());
        const qint64 enabledStep = QDateTime::currentSecsSinceEpoch() / 30;
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/2fa/enable"), {{QStringLiteral("otp"), enableCode}}, token).status, 200);

        const QJsonObject noOtp{{QStringLiteral("email"), QStringLiteral("otp@bank.test")},
                                {QStringLiteral("password"), QLatin1String(HttpClient::kStaffPassword)}};
        const HttpResult needOtp = m_http->post(QStringLiteral("/api/v1/auth/login"), noOtp);
        QCOMPARE(needOtp.status, 401);
        QCOMPARE(needOtp.code(), QStringLiteral("otp_required"));
        // The code that enabled two-factor cannot sign in again (a code counts once); wait for
        // the next 30-second step, whose code works once.
        QJsonObject withOtp = noOtp;
        withOtp.insert(QStringLiteral("otp"), enableCode);
        const HttpResult replayed = m_http->post(QStringLiteral("/api/v1/auth/login"), withOtp);
        QCOMPARE(replayed.status, 401);
        QCOMPARE(replayed.code(), QStringLiteral("otp_required"));
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() / 30 > enabledStep, 31000);
        withOtp.insert(QStringLiteral("otp"), Totp::code(raw, QDateTime::currentDateTimeUtc()));
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/login"), withOtp).status, 200);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/login"), withOtp).status, 401);
    }

    void adminCanRequireTwoFactorForARole()
    {
        const QString agent = m_http->createStaff(m_admin, QStringLiteral("agent2@bank.test"), QStringLiteral("agent"));
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/settings/system"),
                             {{QStringLiteral("require_2fa_roles"), QJsonArray{QStringLiteral("agent")}}}, m_admin).status, 200);
        const HttpResult blocked = m_http->get(QStringLiteral("/api/v1/settings"), agent);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.code(), QStringLiteral("two_factor_required"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), agent).json().value(QStringLiteral("two_factor_required")).toBool(), true);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/settings/system"),
                             {{QStringLiteral("require_2fa_roles"), QJsonArray{}}}, m_admin).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/settings"), agent).status, 200);
    }

    void loginRateLimitAnswers429WithRetryAfter()
    {
        TestServer limited([](Config &c) { c.rateLimitAuth = 3; });
        QVERIFY(limited.started());
        HttpClient http(limited.baseUrl());
        const QJsonObject body{{QStringLiteral("email"), QStringLiteral("x@y.z")}, {QStringLiteral("password"), QStringLiteral("abc")}};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.post(QStringLiteral("/api/v1/auth/login"), body).status, 401);
        const HttpResult r = http.post(QStringLiteral("/api/v1/auth/login"), body);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.code(), QStringLiteral("rate_limited"));
        QVERIFY(r.header("Retry-After").toInt() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
