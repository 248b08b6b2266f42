// Administration over HTTP against a real server: staff accounts, system and personal settings
// (secrets included), and the audit log with its CSV export.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

const QString kSecret = QStringLiteral("sk-test-SECRET123");

// RFC 4180: quoted cells, "" for a quote inside, CRLF between rows.
QList<QStringList> parseCsv(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

QString describe(const HttpResult &r)
{
    return QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(500)));
}

} // namespace

class TestApiAdmin : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    qint64 m_adminId = 0;

    QString usersPath(qint64 id, const QString &tail = QString()) const
    {
        return QStringLiteral("/api/v1/users/%1").arg(id) + tail;
    }

    HttpResult login(const QString &email, const QString &password)
    {
        return m_http->post(QStringLiteral("/api/v1/auth/login"),
            { { QStringLiteral("email"), email }, { QStringLiteral("password"), password } });
    }

    // Every row of a query, read through a connection of the test's own (not the server's).
    QStringList rawRows(const QString &sql, QString *error = nullptr)
    {
        const DatabaseTarget &t = m_server->database().target();
        const QString name
            = QStringLiteral("tst-api-admin-raw-") + QUuid::createUuid().toString(QUuid::Id128);
        QStringList rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(
                t.isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
            if (t.isPostgres()) {
                db.setHostName(t.host);
                db.setPort(t.port);
                db.setUserName(t.user);
                db.setPassword(t.password);
                db.setDatabaseName(t.name);
            } else {
                db.setDatabaseName(t.sqlitePath);
            }
            if (!db.open()) {
                if (error)
                    *error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(sql)) {
                    if (error)
                        *error = q.lastError().text();
                } else {
                    while (q.next()) {
                        QStringList cols;
                        for (int i = 0; i < q.record().count(); ++i)
                            cols << q.value(i).toString();
                        rows << cols.join(QLatin1Char('|'));
                    }
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }

    QJsonObject systemSettings(const QString &token)
    {
        return m_http->get(QStringLiteral("/api/v1/settings"), token)
            .json()
            .value(QStringLiteral("system"))
            .toObject();
    }

    qint64 auditTotal(const QString &query)
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?") + query, m_admin);
        return r.status == 200 ? r.json().value(QStringLiteral("total")).toInteger() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
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

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    // ---- users ----

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

    void settingsAnswerDefaultsForSystemAndUser()
    {
        const HttpResult r = m_http->get(QStringLiteral("/api/v1/settings"), m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject system = r.json().value(QStringLiteral("system")).toObject();
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(system.value(QStringLiteral("knowledge_four_eyes")), QJsonValue(true));
        QCOMPARE(system.value(QStringLiteral("retention_days")), QJsonValue(365));
        QCOMPARE(system.value(QStringLiteral("require_2fa_roles")), QJsonValue(QJsonArray()));
        QCOMPARE(system.value(QStringLiteral("sla_hours")).toObject().value(QStringLiteral("urgent")),
            QJsonValue(1));
        for (const char *secret : { "openai_api_key", "anthropic_api_key", "smtp_password" })
            QCOMPARE(system.value(QLatin1String(secret)).toString(), QStringLiteral("unset"));
        QCOMPARE(user.value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        QCOMPARE(user.value(QStringLiteral("theme")).toString(), QStringLiteral("system"));
    }

    void systemSettingsAreValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const auto days = QStringLiteral("retention_days");
        QTest::newRow("unknown key") << QJsonObject { { QStringLiteral("no_such_setting"), 1 } }
                                     << QStringLiteral("no_such_setting");
        QTest::newRow("days as text") << QJsonObject { { days, QStringLiteral("x") } } << days;
        QTest::newRow("days too few") << QJsonObject { { days, 29 } } << days;
        QTest::newRow("days too many") << QJsonObject { { days, 3651 } } << days;
        QTest::newRow("days fractional") << QJsonObject { { days, 100.5 } } << days;
        QTest::newRow("flag as text")
            << QJsonObject { { QStringLiteral("knowledge_four_eyes"), QStringLiteral("yes") } }
            << QStringLiteral("knowledge_four_eyes");
        QTest::newRow("unknown role")
            << QJsonObject { { QStringLiteral("require_2fa_roles"), QJsonArray { QStringLiteral("root") } } }
            << QStringLiteral("require_2fa_roles");
        QTest::newRow("unknown provider")
            << QJsonObject { { QStringLiteral("ai_provider"), QStringLiteral("skynet") } }
            << QStringLiteral("ai_provider");
        QTest::newRow("secret not a string")
            << QJsonObject { { QStringLiteral("openai_api_key"), 42 } } << QStringLiteral("openai_api_key");
        QTest::newRow("valid with invalid")
            << QJsonObject { { days, 400 }, { QStringLiteral("bogus"), true } } << QStringLiteral("bogus");
    }

    void systemSettingsAreValidated()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const HttpResult r = m_http->put(QStringLiteral("/api/v1/settings/system"), body, m_admin);
        QVERIFY2(r.status == 422, qPrintable(describe(r)));
        QCOMPARE(r.code(), QStringLiteral("validation_error"));
        QVERIFY2(
            r.json().value(QStringLiteral("fields")).toObject().contains(field), qPrintable(describe(r)));
        // Nothing of a refused change is applied.
        const QJsonObject system = systemSettings(m_admin);
        QCOMPARE(system.value(QStringLiteral("retention_days")), QJsonValue(365));
        QCOMPARE(system.value(QStringLiteral("openai_api_key")).toString(), QStringLiteral("unset"));
        QCOMPARE(system.value(QStringLiteral("knowledge_four_eyes")), QJsonValue(true));
        QCOMPARE(system.value(QStringLiteral("require_2fa_roles")), QJsonValue(QJsonArray()));
        QVERIFY(!system.contains(QStringLiteral("no_such_setting")));
    }

    void aValidSystemChangeIsSavedAndAudited()
    {
        const HttpResult r = m_http->put(QStringLiteral("/api/v1/settings/system"),
            { { QStringLiteral("retention_days"), 400 }, { QStringLiteral("knowledge_four_eyes"), false } },
            m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("system")).toObject().value(QStringLiteral("retention_days")),
            QJsonValue(400));
        const QJsonObject system = systemSettings(m_admin);
        QCOMPARE(system.value(QStringLiteral("retention_days")), QJsonValue(400));
        QCOMPARE(system.value(QStringLiteral("knowledge_four_eyes")), QJsonValue(false));

        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=settings.system&limit=1"), m_admin);
        const QJsonObject details
            = audit.items().at(0).toObject().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("retention_days")), QJsonValue(400));
        QCOMPARE(details.value(QStringLiteral("knowledge_four_eyes")), QJsonValue(false));

        // null puts a setting back to its default.
        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/settings/system"),
                         { { QStringLiteral("knowledge_four_eyes"), QJsonValue::Null } }, m_admin)
                     .status,
            200);
        QCOMPARE(systemSettings(m_admin).value(QStringLiteral("knowledge_four_eyes")), QJsonValue(true));
    }

    void secretsAreStoredSealedAndNeverShown()
    {
        const HttpResult set = m_http->put(QStringLiteral("/api/v1/settings/system"),
            { { QStringLiteral("openai_api_key"), kSecret } }, m_admin);
        QCOMPARE(set.status, 200);
        QVERIFY(!set.body.contains("SECRET123"));
        QCOMPARE(set.json()
                     .value(QStringLiteral("system"))
                     .toObject()
                     .value(QStringLiteral("openai_api_key"))
                     .toString(),
            QStringLiteral("set"));

        const HttpResult read = m_http->get(QStringLiteral("/api/v1/settings"), m_admin);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.body.contains("SECRET123"));
        QCOMPARE(read.json()
                     .value(QStringLiteral("system"))
                     .toObject()
                     .value(QStringLiteral("openai_api_key"))
                     .toString(),
            QStringLiteral("set"));
        QCOMPARE(read.json()
                     .value(QStringLiteral("system"))
                     .toObject()
                     .value(QStringLiteral("anthropic_api_key"))
                     .toString(),
            QStringLiteral("unset"));
        const QString agent = m_http->createStaff(
            m_admin, QStringLiteral("secret-reader@bank.test"), QStringLiteral("agent"));
        QVERIFY(!agent.isEmpty());
        const HttpResult agentRead = m_http->get(QStringLiteral("/api/v1/settings"), agent);
        QCOMPARE(agentRead.status, 200);
        QVERIFY(!agentRead.body.contains("SECRET123"));

        // At rest: sealed, not the key itself.
        QString error;
        const QStringList stored = rawRows(QStringLiteral("SELECT key, value FROM system_settings"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList keyRows = stored.filter(QRegularExpression(QStringLiteral("^openai_api_key\\|")));
        QCOMPARE(keyRows.size(), 1);
        QVERIFY(keyRows.first().size() > QStringLiteral("openai_api_key|").size() + 10);
        QVERIFY2(!stored.join(QLatin1Char('\n')).contains(QLatin1String("SECRET123")),
            qPrintable(keyRows.first()));

        // The audit log records that it changed, never the value.
        const QStringList auditRows
            = rawRows(QStringLiteral("SELECT action, details FROM audit_log"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!auditRows.isEmpty());
        QVERIFY(!auditRows.join(QLatin1Char('\n')).contains(QLatin1String("SECRET123")));
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=settings.system&limit=1"), m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(!audit.body.contains("SECRET123"));
        QCOMPARE(audit.items()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("openai_api_key"))
                     .toString(),
            QStringLiteral("changed"));
        const HttpResult csv = m_http->get(QStringLiteral("/api/v1/audit/export"), m_admin);
        QCOMPARE(csv.status, 200);
        QVERIFY(!csv.body.contains("SECRET123"));

        // null removes it.
        const HttpResult removed = m_http->put(QStringLiteral("/api/v1/settings/system"),
            { { QStringLiteral("openai_api_key"), QJsonValue::Null } }, m_admin);
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.json()
                     .value(QStringLiteral("system"))
                     .toObject()
                     .value(QStringLiteral("openai_api_key"))
                     .toString(),
            QStringLiteral("unset"));
        QCOMPARE(systemSettings(m_admin).value(QStringLiteral("openai_api_key")).toString(),
            QStringLiteral("unset"));
        QVERIFY(rawRows(QStringLiteral("SELECT key FROM system_settings WHERE key = 'openai_api_key'"))
                    .isEmpty());
        const HttpResult removal
            = m_http->get(QStringLiteral("/api/v1/audit?action=settings.system&limit=1"), m_admin);
        QCOMPARE(removal.items()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("openai_api_key"))
                     .toString(),
            QStringLiteral("removed"));
    }

    void agentsChangeTheirOwnSettingsOnly()
    {
        const QString agent
            = m_http->createStaff(m_admin, QStringLiteral("prefs@bank.test"), QStringLiteral("agent"));
        QVERIFY(!agent.isEmpty());
        HttpResult r = m_http->put(QStringLiteral("/api/v1/settings/me"),
            { { QStringLiteral("language"), QStringLiteral("fr") } }, agent);
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("language")).toString(),
            QStringLiteral("fr"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/settings"), agent)
                     .json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("language"))
                     .toString(),
            QStringLiteral("fr"));

        r = m_http->put(QStringLiteral("/api/v1/settings/me"),
            { { QStringLiteral("language"), QStringLiteral("de") } }, agent);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("language")));
        r = m_http->put(
            QStringLiteral("/api/v1/settings/me"), { { QStringLiteral("retention_days"), 100 } }, agent);
        QCOMPARE(r.status, 422);
        QVERIFY(
            r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("retention_days")));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/settings"), agent)
                     .json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("language"))
                     .toString(),
            QStringLiteral("fr"));

        // Another user's preferences are untouched; the system ones are an admin's.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/settings"), m_admin)
                     .json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("language"))
                     .toString(),
            QStringLiteral("en"));
        r = m_http->put(
            QStringLiteral("/api/v1/settings/system"), { { QStringLiteral("retention_days"), 100 } }, agent);
        QCOMPARE(r.status, 403);
        QCOMPARE(systemSettings(m_admin).value(QStringLiteral("retention_days")), QJsonValue(400));
    }

    // ---- audit ----

    void auditListFiltersByActionAndActor()
    {
        qint64 agentId = 0;
        QVERIFY(!m_http
                     ->createStaff(
                         m_admin, QStringLiteral("audited@bank.test"), QStringLiteral("agent"), &agentId)
                     .isEmpty());

        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?action=user.create&limit=200"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("total")).toInt() >= 5);
        bool sawAudited = false;
        for (const QJsonValue &v : r.items()) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("action")).toString(), QStringLiteral("user.create"));
            QCOMPARE(e.value(QStringLiteral("actor_id")).toInteger(), m_adminId);
            sawAudited
                = sawAudited || e.value(QStringLiteral("target_id")).toString() == QString::number(agentId);
        }
        QVERIFY(sawAudited);

        r = m_http->get(QStringLiteral("/api/v1/audit?actor=%1").arg(agentId), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.items().isEmpty());
        QStringList actions;
        for (const QJsonValue &v : r.items()) {
            QCOMPARE(v.toObject().value(QStringLiteral("actor_id")).toInteger(), agentId);
            QCOMPARE(v.toObject().value(QStringLiteral("actor_email")).toString(),
                QStringLiteral("audited@bank.test"));
            actions << v.toObject().value(QStringLiteral("action")).toString();
        }
        QVERIFY2(actions.contains(QStringLiteral("auth.password_changed")),
            qPrintable(actions.join(QLatin1Char(','))));

        r = m_http->get(QStringLiteral("/api/v1/audit?action=user.&actor=%1").arg(m_adminId), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.items().isEmpty());
        for (const QJsonValue &v : r.items())
            QVERIFY(
                v.toObject().value(QStringLiteral("action")).toString().startsWith(QLatin1String("user.")));

        r = m_http->get(QStringLiteral("/api/v1/audit?target_type=settings"), m_admin);
        QVERIFY(!r.items().isEmpty());
        for (const QJsonValue &v : r.items())
            QCOMPARE(
                v.toObject().value(QStringLiteral("target_type")).toString(), QStringLiteral("settings"));

        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QVERIFY(auditTotal(QStringLiteral("from=") + today) > 0);
        QCOMPARE(auditTotal(QStringLiteral("from=2000-01-01&to=2000-01-02")), qint64(0));

        for (const QString &bad : { QStringLiteral("actor=abc"), QStringLiteral("actor=-3"),
                 QStringLiteral("from=yesterday"), QStringLiteral("limit=0"), QStringLiteral("offset=-1") }) {
            const HttpResult refused = m_http->get(QStringLiteral("/api/v1/audit?") + bad, m_admin);
            QVERIFY2(refused.status == 422, qPrintable(bad + QStringLiteral(" → ") + describe(refused)));
        }
    }

    void auditListUsesTheListEnvelope()
    {
        const qint64 total = auditTotal(QString());
        QVERIFY(total > 3);
        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?limit=2&offset=1"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("offset")).toInt(), 1);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), total);
        QCOMPARE(r.items().size(), 2);
        // Newest first, and offset 1 starts after the newest.
        const HttpResult top = m_http->get(QStringLiteral("/api/v1/audit?limit=3"), m_admin);
        QCOMPARE(top.items().at(1).toObject().value(QStringLiteral("id")),
            r.items().at(0).toObject().value(QStringLiteral("id")));
        QVERIFY(top.items().at(0).toObject().value(QStringLiteral("id")).toInteger()
            > top.items().at(1).toObject().value(QStringLiteral("id")).toInteger());
        r = m_http->get(QStringLiteral("/api/v1/audit?limit=5000"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("limit")).toInt(), 200);
        r = m_http->get(QStringLiteral("/api/v1/audit?skip=2&limit=1"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("offset")).toInt(), 2);
        QCOMPARE(r.items().at(0).toObject().value(QStringLiteral("id")),
            top.items().at(2).toObject().value(QStringLiteral("id")));
    }

    void auditExportIsCsvWithFormulaCellsNeutralised()
    {
        // A formula in a name lands inside the JSON details of the update…
        qint64 id = 0;
        QVERIFY(
            !m_http->createStaff(m_admin, QStringLiteral("formula@bank.test"), QStringLiteral("agent"), &id)
                 .isEmpty());
        const QString formulaName = QStringLiteral("=HYPERLINK(\"x\")");
        QCOMPARE(
            m_http->patch(usersPath(id), { { QStringLiteral("full_name"), formulaName } }, m_admin).status,
            200);
        // …and one typed as an e-mail at the sign-in form becomes a cell of its own (actor_email).
        const QStringList typed
            = { QStringLiteral("=hyperlink(\"http://evil.test\",\"x\")"), QStringLiteral("+1+2@evil.test"),
                  QStringLiteral("-1+2@evil.test"), QStringLiteral("@sum(a1)@evil.test") };
        for (const QString &email : typed)
            QCOMPARE(login(email, QStringLiteral("whatever-1")).status, 401);

        const HttpResult r = m_http->get(QStringLiteral("/api/v1/audit/export"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type").constData());
        QVERIFY(r.header("Content-Disposition").startsWith("attachment"));
        const QList<QStringList> rows = parseCsv(r.body);
        QVERIFY(rows.size() > 10);
        QCOMPARE(rows.first().join(QLatin1Char(',')),
            QStringLiteral(
                "id,created_at,actor_id,actor_email,action,target_type,target_id,client_address,details"));
        qint64 lastId = 0;
        bool sawUpdate = false;
        QStringList neutralised;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), 9);
            // Oldest first.
            QVERIFY(row.at(0).toLongLong() > lastId);
            lastId = row.at(0).toLongLong();
            for (const QString &cell : row)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.front()), qPrintable(cell));
            if (row.at(4) == QLatin1String("user.update") && row.at(6) == QString::number(id)) {
                sawUpdate = true;
                const QJsonObject details = QJsonDocument::fromJson(row.at(8).toUtf8()).object();
                QCOMPARE(details.value(QStringLiteral("full_name")).toString(), formulaName);
            }
            if (row.at(4) == QLatin1String("auth.login_failed") && row.at(3).startsWith(QLatin1Char('\'')))
                neutralised << row.at(3);
        }
        QVERIFY(sawUpdate);
        for (const QString &email : typed)
            QVERIFY2(neutralised.contains(QLatin1Char('\'') + email), qPrintable(email));
    }

    void theExportIsItselfAudited()
    {
        const qint64 before = auditTotal(QStringLiteral("action=audit.export"));
        QVERIFY(before >= 0);
        const HttpResult csv = m_http->get(QStringLiteral("/api/v1/audit/export?action=user."), m_admin);
        QCOMPARE(csv.status, 200);
        const QList<QStringList> rows = parseCsv(csv.body);
        QVERIFY(rows.size() > 1);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i).at(4).startsWith(QLatin1String("user.")));

        QCOMPARE(auditTotal(QStringLiteral("action=audit.export")), before + 1);
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=audit.export&limit=1"), m_admin);
        const QJsonObject entry = audit.items().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("actor_id")).toInteger(), m_adminId);
        QCOMPARE(entry.value(QStringLiteral("details")).toObject().value(QStringLiteral("rows")).toInt(),
            int(rows.size() - 1));
    }

    void onlyAdminsReadTheAuditLog()
    {
        const QString supervisor = m_http->createStaff(
            m_admin, QStringLiteral("super-audit@bank.test"), QStringLiteral("supervisor"));
        QVERIFY(!supervisor.isEmpty());
        const qint64 exports = auditTotal(QStringLiteral("action=audit.export"));
        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit"), supervisor);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("forbidden"));
        r = m_http->get(QStringLiteral("/api/v1/audit/export"), supervisor);
        QCOMPARE(r.status, 403);
        QVERIFY(!r.body.contains("actor_email"));
        QCOMPARE(auditTotal(QStringLiteral("action=audit.export")), exports);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/audit")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiAdmin)
#include "tst_api_admin.moc"
