// Staff accounts over HTTP against a real server: list, create, read, update, reset, and the
// rules around roles, deactivation, token revocation and the last admin.

#include "tests/api/adminapifixture.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiUsers : public AdminApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
    }

    void cleanupTestCase() { tearDownServer(); }

    void adminListsUsersInTheListEnvelope()
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/users"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QVERIFY(body.value(QStringLiteral("items")).isArray());
        QVERIFY(body.value(QStringLiteral("total")).toInteger() >= 1);
        QCOMPARE(body.value(QStringLiteral("limit")).toInt(), 50);
        QCOMPARE(body.value(QStringLiteral("offset")).toInt(), 0);
        bool sawAdmin = false;
        for (const QJsonValue &v : r.items()) {
            const QJsonObject u = v.toObject();
            QVERIFY(!u.contains(QStringLiteral("password_hash")));
            QVERIFY(!u.contains(QStringLiteral("totp_secret")));
            sawAdmin
                = sawAdmin || u.value(QStringLiteral("email")).toString() == QLatin1String("admin@joxai.com");
        }
        QVERIFY(sawAdmin);
        QVERIFY(!r.body.contains("$2"));
    }

    void createWithoutPasswordAnswersATemporaryPasswordOnce()
    {
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), QStringLiteral("New.Agent@Bank.test") },
                { QStringLiteral("full_name"), QStringLiteral("New Agent") },
                { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        QCOMPARE(made.status, 201);
        const QJsonObject u = made.json();
        const qint64 id = u.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(u.value(QStringLiteral("email")).toString(), QStringLiteral("new.agent@bank.test"));
        QCOMPARE(u.value(QStringLiteral("full_name")).toString(), QStringLiteral("New Agent"));
        QCOMPARE(u.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
        QCOMPARE(u.value(QStringLiteral("is_active")).toBool(), true);
        QCOMPARE(u.value(QStringLiteral("must_change_password")).toBool(), true);
        QVERIFY(!u.contains(QStringLiteral("password_hash")));
        const QString temporary = u.value(QStringLiteral("temporary_password")).toString();
        QVERIFY(temporary.size() >= 12);

        // Only once: reading the user again does not show it.
        const HttpResult read = m_http->get(usersPath(id), m_admin);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.json().contains(QStringLiteral("temporary_password")));
        QVERIFY(!read.body.contains(temporary.toUtf8()));
        const HttpResult list = m_http->get(QStringLiteral("/api/v1/users?limit=200"), m_admin);
        QVERIFY(!list.body.contains(temporary.toUtf8()));
        // Nor does the audit log.
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=user.create&limit=200"), m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(!audit.body.contains(temporary.toUtf8()));

        // The temporary password signs in, but only to change it.
        const HttpResult first = login(QStringLiteral("new.agent@bank.test"), temporary);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("must_change_password"))
                     .toBool(),
            true);
        const QString token = first.json().value(QStringLiteral("token")).toString();
        const HttpResult blocked = m_http->get(QStringLiteral("/api/v1/settings"), token);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.code(), QStringLiteral("password_change_required"));
    }

    void createWithAPasswordStillForcesAChangeAtFirstLogin()
    {
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), QStringLiteral("given.pw@bank.test") },
                { QStringLiteral("full_name"), QStringLiteral("Given Password") },
                { QStringLiteral("role"), QStringLiteral("supervisor") },
                { QStringLiteral("password"), QStringLiteral("Given-pass-2026") } },
            m_admin);
        QCOMPARE(made.status, 201);
        QVERIFY(!made.json().contains(QStringLiteral("temporary_password")));
        QCOMPARE(made.json().value(QStringLiteral("must_change_password")).toBool(), true);
        const HttpResult first
            = login(QStringLiteral("given.pw@bank.test"), QStringLiteral("Given-pass-2026"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("must_change_password"))
                     .toBool(),
            true);
    }

    void createWithoutAFullNameGivesAnEmptyName()
    {
        // full_name is optional (shared/API.md lists it among the fields, not as required).
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), QStringLiteral("nameless@bank.test") },
                { QStringLiteral("role"), QStringLiteral("agent") } },
            m_admin);
        QVERIFY2(made.status == 201, qPrintable(describe(made)));
        QCOMPARE(made.json().value(QStringLiteral("full_name")).toString(), QString());
        QVERIFY(!made.json().value(QStringLiteral("temporary_password")).toString().isEmpty());
    }

    void createRefusesADuplicateEmail()
    {
        const QJsonObject body { { QStringLiteral("email"), QStringLiteral("twice@bank.test") },
            { QStringLiteral("full_name"), QStringLiteral("Twice") },
            { QStringLiteral("role"), QStringLiteral("agent") } };
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/users"), body, m_admin).status, 201);
        const qint64 before = auditTotal(QStringLiteral("action=user.create"));
        const HttpResult again = m_http->post(QStringLiteral("/api/v1/users"),
            { { QStringLiteral("email"), QStringLiteral("TWICE@bank.test") },
                { QStringLiteral("full_name"), QStringLiteral("Twice Again") },
                { QStringLiteral("role"), QStringLiteral("supervisor") } },
            m_admin);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.code(), QStringLiteral("email_taken"));
        QVERIFY(!again.json().value(QStringLiteral("detail")).toString().isEmpty());
        // A refused duplicate is not a database outage.
        const HttpResult health = m_http->get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        QCOMPARE(auditTotal(QStringLiteral("action=user.create")), before);
    }

    void createValidatesItsInput_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const auto email = QStringLiteral("email");
        const auto role = QStringLiteral("role");
        QTest::newRow("unknown role")
            << QJsonObject { { email, QStringLiteral("r1@bank.test") }, { role, QStringLiteral("root") } }
            << role;
        QTest::newRow("role not a string")
            << QJsonObject { { email, QStringLiteral("r2@bank.test") }, { role, 1 } } << role;
        QTest::newRow("no role") << QJsonObject { { email, QStringLiteral("r3@bank.test") } } << role;
        QTest::newRow("not an e-mail")
            << QJsonObject { { email, QStringLiteral("not-an-email") }, { role, QStringLiteral("agent") } }
            << email;
        QTest::newRow("e-mail with a space")
            << QJsonObject { { email, QStringLiteral("a b@bank.test") }, { role, QStringLiteral("agent") } }
            << email;
        QTest::newRow("no e-mail") << QJsonObject { { role, QStringLiteral("agent") } } << email;
        QTest::newRow("e-mail not a string")
            << QJsonObject { { email, 12345 }, { role, QStringLiteral("agent") } } << email;
        QTest::newRow("weak password") << QJsonObject { { email, QStringLiteral("r4@bank.test") },
            { role, QStringLiteral("agent") }, { QStringLiteral("password"), QStringLiteral("abc") } }
                                       << QStringLiteral("password");
    }

    void createValidatesItsInput()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/users"), body, m_admin);
        QVERIFY2(r.status == 422, qPrintable(describe(r)));
        QVERIFY2(
            r.json().value(QStringLiteral("fields")).toObject().contains(field), qPrintable(describe(r)));
        if (body.contains(QStringLiteral("email")) && body.value(QStringLiteral("email")).isString()) {
            const HttpResult found = m_http->get(
                QStringLiteral("/api/v1/users?q=") + body.value(QStringLiteral("email")).toString(), m_admin);
            QCOMPARE(found.json().value(QStringLiteral("total")).toInt(), 0);
        }
    }

    void readsAUserAndAnswers404ForUnknownIds()
    {
        qint64 id = 0;
        QVERIFY(
            !m_http->createStaff(m_admin, QStringLiteral("readme@bank.test"), QStringLiteral("agent"), &id)
                 .isEmpty());
        const HttpResult r = m_http->get(usersPath(id), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), QStringLiteral("readme@bank.test"));
        QCOMPARE(r.json().value(QStringLiteral("must_change_password")).toBool(), false);

        for (const QString &path : { usersPath(id + 100000), QStringLiteral("/api/v1/users/abc"),
                 QStringLiteral("/api/v1/users/-1") }) {
            const HttpResult missing = m_http->get(path, m_admin);
            QVERIFY2(missing.status == 404, qPrintable(path + QStringLiteral(" → ") + describe(missing)));
        }
        const HttpResult patchMissing = m_http->patch(
            usersPath(id + 100000), { { QStringLiteral("full_name"), QStringLiteral("x") } }, m_admin);
        QCOMPARE(patchMissing.status, 404);
        QCOMPARE(
            m_http->post(usersPath(id + 100000, QStringLiteral("/reset-password")), {}, m_admin).status, 404);
    }

    void patchValidatesItsInput()
    {
        qint64 id = 0;
        QVERIFY(
            !m_http->createStaff(m_admin, QStringLiteral("patchval@bank.test"), QStringLiteral("agent"), &id)
                 .isEmpty());
        HttpResult r
            = m_http->patch(usersPath(id), { { QStringLiteral("role"), QStringLiteral("boss") } }, m_admin);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("role")));
        r = m_http->patch(usersPath(id), { { QStringLiteral("is_active"), QStringLiteral("no") } }, m_admin);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("is_active")));
        r = m_http->patch(
            usersPath(id), { { QStringLiteral("full_name"), QString(201, QLatin1Char('x')) } }, m_admin);
        QCOMPARE(r.status, 422);
        const QJsonObject now = m_http->get(usersPath(id), m_admin).json();
        QCOMPARE(now.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
        QCOMPARE(now.value(QStringLiteral("is_active")).toBool(), true);
    }

    void patchChangesTheNameWithoutRevokingTokens()
    {
        qint64 id = 0;
        const QString token
            = m_http->createStaff(m_admin, QStringLiteral("rename@bank.test"), QStringLiteral("agent"), &id);
        QVERIFY(!token.isEmpty());
        const HttpResult r = m_http->patch(
            usersPath(id), { { QStringLiteral("full_name"), QStringLiteral("Renamed Person") } }, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("full_name")).toString(), QStringLiteral("Renamed Person"));
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
        QCOMPARE(m_http->get(usersPath(id), m_admin).json().value(QStringLiteral("full_name")).toString(),
            QStringLiteral("Renamed Person"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), token).status, 200);
    }

    void aRoleChangeRevokesThatUsersTokens()
    {
        qint64 id = 0;
        const QString token
            = m_http->createStaff(m_admin, QStringLiteral("promote@bank.test"), QStringLiteral("agent"), &id);
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), token).status, 200);
        const qint64 updatesBefore = auditTotal(QStringLiteral("action=user.update&target_type=user"));

        const HttpResult r = m_http->patch(
            usersPath(id), { { QStringLiteral("role"), QStringLiteral("supervisor") } }, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("supervisor"));
        const HttpResult old = m_http->get(QStringLiteral("/api/v1/auth/me"), token);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.code(), QStringLiteral("token_revoked"));
        // The admin's own token is untouched.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin).status, 200);

        const HttpResult again
            = login(QStringLiteral("promote@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(again.status, 200);
        QCOMPARE(
            again.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(),
            QStringLiteral("supervisor"));

        QCOMPARE(auditTotal(QStringLiteral("action=user.update&target_type=user")), updatesBefore + 1);
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=user.update&limit=1"), m_admin);
        const QJsonObject entry = audit.items().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("target_id")).toString(), QString::number(id));
        QCOMPARE(entry.value(QStringLiteral("actor_id")).toInteger(), m_adminId);
        const QJsonObject role
            = entry.value(QStringLiteral("details")).toObject().value(QStringLiteral("role")).toObject();
        QCOMPARE(role.value(QStringLiteral("from")).toString(), QStringLiteral("agent"));
        QCOMPARE(role.value(QStringLiteral("to")).toString(), QStringLiteral("supervisor"));
    }

    void deactivationRevokesTokensAndBlocksSignIn()
    {
        qint64 id = 0;
        const QString token
            = m_http->createStaff(m_admin, QStringLiteral("leaver@bank.test"), QStringLiteral("agent"), &id);
        QVERIFY(!token.isEmpty());
        const HttpResult r
            = m_http->patch(usersPath(id), { { QStringLiteral("is_active"), false } }, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("is_active")).toBool(), false);

        const HttpResult old = m_http->get(QStringLiteral("/api/v1/auth/me"), token);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.code(), QStringLiteral("token_revoked"));
        const HttpResult signIn
            = login(QStringLiteral("leaver@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(signIn.status, 403);
        QCOMPARE(signIn.code(), QStringLiteral("account_disabled"));
        QVERIFY(!signIn.json().contains(QStringLiteral("token")));

        QCOMPARE(
            m_http->patch(usersPath(id), { { QStringLiteral("is_active"), true } }, m_admin).status, 200);
        QCOMPARE(
            login(QStringLiteral("leaver@bank.test"), QLatin1String(HttpClient::kStaffPassword)).status, 200);
    }

    void theLastActiveAdminCannotBeDemotedOrDisabled()
    {
        HttpResult r = m_http->patch(
            usersPath(m_adminId), { { QStringLiteral("role"), QStringLiteral("agent") } }, m_admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("last_admin"));
        r = m_http->patch(usersPath(m_adminId), { { QStringLiteral("is_active"), false } }, m_admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("last_admin"));
        const QJsonObject still = m_http->get(usersPath(m_adminId), m_admin).json();
        QCOMPARE(still.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(still.value(QStringLiteral("is_active")).toBool(), true);

        // With a second active admin, that one may be demoted; a disabled admin does not count.
        qint64 second = 0;
        qint64 third = 0;
        QVERIFY(
            !m_http->createStaff(
                       m_admin, QStringLiteral("admin2@bank.test"), QStringLiteral("admin"), &second)
                 .isEmpty());
        QVERIFY(
            !m_http->createStaff(m_admin, QStringLiteral("admin3@bank.test"), QStringLiteral("admin"), &third)
                 .isEmpty());
        QCOMPARE(m_http
                     ->patch(usersPath(second), { { QStringLiteral("role"), QStringLiteral("supervisor") } },
                         m_admin)
                     .status,
            200);
        QCOMPARE(
            m_http->patch(usersPath(third), { { QStringLiteral("is_active"), false } }, m_admin).status, 200);
        r = m_http->patch(
            usersPath(m_adminId), { { QStringLiteral("role"), QStringLiteral("supervisor") } }, m_admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("last_admin"));
        // Changing only the name of the last admin is fine.
        r = m_http->patch(usersPath(m_adminId),
            { { QStringLiteral("full_name"), QStringLiteral("The Administrator") } }, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin).status, 200);
    }

    void resetPasswordAnswersATemporaryPasswordAndForcesAChange()
    {
        qint64 id = 0;
        const QString token
            = m_http->createStaff(m_admin, QStringLiteral("forgot@bank.test"), QStringLiteral("agent"), &id);
        QVERIFY(!token.isEmpty());
        const HttpResult reset = m_http->post(usersPath(id, QStringLiteral("/reset-password")), {}, m_admin);
        QCOMPARE(reset.status, 200);
        QCOMPARE(reset.json().value(QStringLiteral("must_change_password")).toBool(), true);
        const QString temporary = reset.json().value(QStringLiteral("temporary_password")).toString();
        QVERIFY(temporary.size() >= 12);

        const HttpResult old = m_http->get(QStringLiteral("/api/v1/auth/me"), token);
        QCOMPARE(old.status, 401);
        QCOMPARE(old.code(), QStringLiteral("token_revoked"));
        QCOMPARE(
            login(QStringLiteral("forgot@bank.test"), QLatin1String(HttpClient::kStaffPassword)).status, 401);
        const HttpResult first = login(QStringLiteral("forgot@bank.test"), temporary);
        QCOMPARE(first.status, 200);
        const QString fresh = first.json().value(QStringLiteral("token")).toString();
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/auth/me"), fresh)
                     .json()
                     .value(QStringLiteral("must_change_password"))
                     .toBool(),
            true);
        const HttpResult blocked = m_http->get(QStringLiteral("/api/v1/settings"), fresh);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.code(), QStringLiteral("password_change_required"));
        QCOMPARE(
            m_http->get(usersPath(id), m_admin).json().value(QStringLiteral("must_change_password")).toBool(),
            true);

        const HttpResult changed = m_http->post(QStringLiteral("/api/v1/auth/change-password"),
            { { QStringLiteral("current_password"), temporary },
                { QStringLiteral("new_password"), QStringLiteral("Brand-new-2026") } },
            fresh);
        QCOMPARE(changed.status, 200);
        QCOMPARE(m_http
                     ->get(QStringLiteral("/api/v1/settings"),
                         changed.json().value(QStringLiteral("token")).toString())
                     .status,
            200);

        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=user.reset_password"), m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.json().value(QStringLiteral("total")).toInt() >= 1);
        QCOMPARE(audit.items().at(0).toObject().value(QStringLiteral("target_id")).toString(),
            QString::number(id));
        QVERIFY(!audit.body.contains(temporary.toUtf8()));
    }

    void everyStaffMemberReadsTheDirectoryOfActiveColleagues()
    {
        qint64 leaverId = 0;
        const QString supervisor = m_http->createStaff(m_admin, QStringLiteral("dir-super@bank.test"),
                                                       QStringLiteral("supervisor"));
        const QString agent = m_http->createStaff(m_admin, QStringLiteral("dir-agent@bank.test"), QStringLiteral("agent"));
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("dir-leaver@bank.test"), QStringLiteral("agent"), &leaverId)
                     .isEmpty());
        QCOMPARE(m_http->patch(usersPath(leaverId), {{QStringLiteral("is_active"), false}}, m_admin).status, 200);
        for (const QString &token : {supervisor, agent, m_admin}) {
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/staff?q=dir-&limit=50"), token);
            QCOMPARE(r.status, 200);
            QStringList emails;
            for (const QJsonValue &v : r.items()) {
                const QJsonObject u = v.toObject();
                emails << u.value(QStringLiteral("email")).toString();
                // Names and roles only: nothing about sign-in or two-factor.
                const QStringList keys = u.keys();
                QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                         (QSet<QString>{QStringLiteral("id"), QStringLiteral("full_name"), QStringLiteral("email"),
                                        QStringLiteral("role")}));
            }
            emails.sort();
            QCOMPARE(emails, (QStringList{QStringLiteral("dir-agent@bank.test"), QStringLiteral("dir-super@bank.test")}));
        }
        const HttpResult agents = m_http->get(QStringLiteral("/api/v1/staff?role=supervisor&q=dir-"), agent);
        QCOMPARE(agents.items().size(), 1);
        QCOMPARE(agents.items().at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("supervisor"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/staff?role=boss"), agent).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/staff?limit=0"), agent).status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/staff")).status, 401);
    }

    void supervisorsAndAgentsCannotManageUsers()
    {
        qint64 supervisorId = 0;
        const QString supervisor = m_http->createStaff(
            m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor"), &supervisorId);
        const QString agent = m_http->createStaff(
            m_admin, QStringLiteral("agent-nousers@bank.test"), QStringLiteral("agent"));
        QVERIFY(!supervisor.isEmpty() && !agent.isEmpty());
        for (const QString &token : { supervisor, agent }) {
            HttpResult r = m_http->get(QStringLiteral("/api/v1/users"), token);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.code(), QStringLiteral("forbidden"));
            QCOMPARE(m_http
                         ->post(QStringLiteral("/api/v1/users"),
                             { { QStringLiteral("email"), QStringLiteral("sneaky@bank.test") },
                                 { QStringLiteral("role"), QStringLiteral("admin") } },
                             token)
                         .status,
                403);
            QCOMPARE(m_http->get(usersPath(m_adminId), token).status, 403);
            QCOMPARE(m_http
                         ->patch(usersPath(supervisorId),
                             { { QStringLiteral("role"), QStringLiteral("admin") } }, token)
                         .status,
                403);
            QCOMPARE(
                m_http->post(usersPath(m_adminId, QStringLiteral("/reset-password")), {}, token).status, 403);
        }
        QCOMPARE(
            m_http->get(usersPath(supervisorId), m_admin).json().value(QStringLiteral("role")).toString(),
            QStringLiteral("supervisor"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/users?q=sneaky"), m_admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
            0);
    }

    // ---- settings ----
};

QTEST_GUILESS_MAIN(TestApiUsers)
#include "tst_api_users.moc"
