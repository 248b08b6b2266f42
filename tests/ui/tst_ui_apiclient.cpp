// ApiClient against a real server: sign-in (ok, wrong password, one-time code, lock-out), errors
// in plain words (server down), session expiry, the forced password change.

#include "server/auth/totp.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "ui/client/apiclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

#include <optional>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;

namespace {

template<typename T>
std::optional<ApiResult<T>> waitFor(const std::function<void(const ApiClient::Typed<T> &)> &call)
{
    std::optional<ApiResult<T>> out;
    call([&out](const ApiResult<T> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return std::nullopt;
    return out;
}

ApiResult<Session> login(ApiClient &api, const QString &email, const QString &password, const QString &otp = {})
{
    auto r = waitFor<Session>([&](const ApiClient::Typed<Session> &done) { api.login(email, password, otp, &api, done); });
    return r ? *r : ApiResult<Session>{};
}

ApiReply call(const std::function<void(const ApiClient::Callback &)> &start)
{
    std::optional<ApiReply> out;
    start([&out](const ApiReply &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        qWarning("no answer within 20 s");
    return out.value_or(ApiReply{});
}

} // namespace

class TestUiApiClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Config &c) { c.loginMaxFailures = 3; });
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
    }

    void signsInAndReadsTheUser()
    {
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("ok@bank.test"), QStringLiteral("supervisor")).isEmpty());
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        const auto r = login(api, QStringLiteral("ok@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
        QVERIFY(!r->token.isEmpty());
        QCOMPARE(r->user.role, QStringLiteral("supervisor"));
        QVERIFY(!r->user.mustChangePassword);
        QVERIFY(r->expiresAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(api.token(), r->token);

        const auto me = waitFor<SessionUser>([&](const ApiClient::Typed<SessionUser> &done) { api.me(&api, done); });
        QVERIFY(me && me->ok());
        QCOMPARE((*me)->email, QStringLiteral("ok@bank.test"));
        QVERIFY(api.user().isSupervisorOrAdmin());
        QVERIFY(!api.user().isAdmin());
    }

    void wrongPasswordSaysSoPlainly()
    {
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        QSignalSpy expired(&api, &ApiClient::sessionExpired);
        const auto r = login(api, QStringLiteral("ok@bank.test"), QStringLiteral("not-the-password"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.status, 401);
        QCOMPARE(r.error.code, QStringLiteral("invalid_credentials"));
        QCOMPARE(r.error.message(), QStringLiteral("The e-mail address or the password is wrong."));
        QVERIFY(!api.hasSession());
        QCOMPARE(expired.count(), 0); // a failed sign-in is not an expired session
    }

    void oneTimeCodeIsAskedForAndAccepted()
    {
        const QString token = m_http->createStaff(m_admin, QStringLiteral("otp@bank.test"), QStringLiteral("agent"));
        const HttpResult setup = m_http->post(QStringLiteral("/api/v1/auth/2fa/setup"), {}, token);
        QCOMPARE(setup.status, 200);
        const QByteArray secret = Totp::fromBase32(setup.json().value(QStringLiteral("secret")).toString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/2fa/enable"), {{QStringLiteral("otp"), Totp::code(secret, now)}}, token).status, 200);

        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        const auto asked = login(api, QStringLiteral("otp@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QVERIFY(!asked.ok());
        QCOMPARE(asked.error.code, QStringLiteral("otp_required"));
        QCOMPARE(asked.error.message(), QStringLiteral("Enter the six-digit code from your authenticator app."));
        // The next 30-second step: the one used to switch two-factor on counts once only.
        const auto signedIn = login(api, QStringLiteral("otp@bank.test"), QLatin1String(HttpClient::kStaffPassword),
                                    Totp::code(secret, now.addSecs(30)));
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error.message()));
        QVERIFY(signedIn->user.twoFactorEnabled);
    }

    void lockedAccountIsExplained()
    {
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("lock@bank.test"), QStringLiteral("agent")).isEmpty());
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        ApiResult<Session> r;
        for (int i = 0; i < 4 && r.error.status != 423; ++i)
            r = login(api, QStringLiteral("lock@bank.test"), QStringLiteral("wrong-password-%1").arg(i));
        QCOMPARE(r.error.status, 423);
        QCOMPARE(r.error.code, QStringLiteral("account_locked"));
        QVERIFY(r.error.message().contains(QStringLiteral("locked")));
        // Even the right password is refused while the lock holds.
        const auto still = login(api, QStringLiteral("lock@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(still.error.status, 423);
    }

    void serverDownIsAPlainSentence()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        ApiClient api;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        api.setServer(url);
        const auto r = login(api, QStringLiteral("ok@bank.test"), QStringLiteral("x"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error.status, 0);
        QVERIFY(r.error.isNetwork());
        QVERIFY(!r.error.networkError.isEmpty());
        QCOMPARE(r.error.message(),
                 QStringLiteral("The server at %1 cannot be reached. Check the address, that the server is running, "
                                "and your network connection.").arg(url.toDisplayString()));
    }

    void revokedTokenSignalsExpiredSession()
    {
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        QVERIFY(login(api, QStringLiteral("ok@bank.test"), QLatin1String(HttpClient::kStaffPassword)).ok());
        QSignalSpy expired(&api, &ApiClient::sessionExpired);
        // Signing out everywhere from another client revokes this token too.
        const QString other = m_http->login(QStringLiteral("ok@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/logout"), {}, other).status, 200);
        const ApiReply r = call([&](const ApiClient::Callback &done) { api.get(QStringLiteral("/api/v1/settings"), {}, &api, done); });
        QCOMPARE(r.status, 401);
        QCOMPARE(expired.count(), 1);
        QCOMPARE(r.error->message(), QStringLiteral("Your session has ended. Please sign in again."));
    }

    void forcedPasswordChangeGivesAFreshSession()
    {
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/users"),
                                             {{QStringLiteral("email"), QStringLiteral("new@bank.test")},
                                              {QStringLiteral("role"), QStringLiteral("agent")}}, m_admin);
        QCOMPARE(made.status, 201);
        const QString temporary = made.json().value(QStringLiteral("temporary_password")).toString();
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        const auto first = login(api, QStringLiteral("new@bank.test"), temporary);
        QVERIFY(first.ok());
        QVERIFY(first->user.mustChangePassword);

        QSignalSpy mustChange(&api, &ApiClient::passwordChangeRequired);
        const ApiReply blocked = call([&](const ApiClient::Callback &done) { api.get(QStringLiteral("/api/v1/settings"), {}, &api, done); });
        QCOMPARE(blocked.status, 403);
        QCOMPARE(mustChange.count(), 1);

        const auto weak = waitFor<Session>([&](const ApiClient::Typed<Session> &done) {
            api.changePassword(temporary, QStringLiteral("short"), &api, done);
        });
        QVERIFY(weak && !weak->ok());
        QCOMPARE(weak->error.code, QStringLiteral("weak_password"));
        QVERIFY(weak->error.message().startsWith(QStringLiteral("The new password is not strong enough")));

        const auto changed = waitFor<Session>([&](const ApiClient::Typed<Session> &done) {
            api.changePassword(temporary, QStringLiteral("A-much-better-pass-2026"), &api, done);
        });
        QVERIFY(changed && changed->ok());
        QVERIFY(!(*changed)->user.mustChangePassword);
        QCOMPARE(api.token(), (*changed)->token);
        const ApiReply now = call([&](const ApiClient::Callback &done) { api.get(QStringLiteral("/api/v1/settings"), {}, &api, done); });
        QCOMPARE(now.status, 200);
        QVERIFY(now.object().contains(QStringLiteral("user")));
    }

    void answersForAGoneContextAreDropped()
    {
        ApiClient api;
        api.setServer(QUrl(m_server->baseUrl()));
        bool called = false;
        {
            QObject context;
            api.health(&context, [&called](const ApiReply &) { called = true; });
        }
        bool other = false;
        api.health(&api, [&other](const ApiReply &r) { other = r.ok() && r.object().value(QStringLiteral("status")) == QLatin1String("ok"); });
        QVERIFY(QTest::qWaitFor([&] { return other; }, 10000));
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestUiApiClient)
#include "tst_ui_apiclient.moc"
