// System and personal settings over HTTP against a real server, secrets included: validated,
// sealed at rest, never shown or audited in clear.

#include "tests/api/adminapifixture.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {
const QString kSecret = QStringLiteral("sk-test-SECRET123");
} // namespace

class TestApiSettings : public AdminApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
    }

    void cleanupTestCase() { tearDownServer(); }

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
};

QTEST_GUILESS_MAIN(TestApiSettings)
#include "tst_api_settings.moc"
