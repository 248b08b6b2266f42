// SettingsStore against a real database: system and per-user values are upserted and removed.

#include "server/storage/database.h"
#include "server/storage/migrator.h"
#include "server/storage/settingsstore.h"
#include "server/storage/userstore.h"
#include "tests/support/testdatabase.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestSettingsStore : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

    qint64 makeUser(SqlSession &s, const QString &email)
    {
        auto made = UserStore::create(s,
            { email, QStringLiteral("Settings User"), QStringLiteral("agent"), QByteArrayLiteral("h"),
                false });
        return made ? made->id : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanupTestCase() { m_db.reset(); }

    void anEmptyDatabaseHasNoStoredSettings()
    {
        SqlSession s = m_db->session();
        auto system = SettingsStore::system(s);
        QVERIFY(system.ok());
        QVERIFY(system->isEmpty());
        auto mine = SettingsStore::user(s, 12345);
        QVERIFY(mine.ok());
        QVERIFY(mine->isEmpty());
    }

    void systemValuesAreUpserted()
    {
        SqlSession s = m_db->session();
        const qint64 admin = makeUser(s, QStringLiteral("settings-admin@bank.test"));
        QVERIFY(admin > 0);
        QVERIFY(
            SettingsStore::setSystem(s, QStringLiteral("retention_days"), QStringLiteral("[365]"), 0).ok());
        QVERIFY(SettingsStore::setSystem(s, QStringLiteral("greeting_en"), QStringLiteral("[\"Hi\"]"), admin)
                    .ok());
        auto values = SettingsStore::system(s);
        QVERIFY(values.ok());
        QCOMPARE(values->size(), 2);
        QCOMPARE(values->value(QStringLiteral("retention_days")), QStringLiteral("[365]"));

        // The second write of a key overwrites it (one row, new value, new author).
        QVERIFY(SettingsStore::setSystem(s, QStringLiteral("retention_days"), QStringLiteral("[400]"), admin)
                    .ok());
        values = SettingsStore::system(s);
        QCOMPARE(values->size(), 2);
        QCOMPARE(values->value(QStringLiteral("retention_days")), QStringLiteral("[400]"));
        QCOMPARE(values->value(QStringLiteral("greeting_en")), QStringLiteral("[\"Hi\"]"));
        auto rows = s.scalar(QStringLiteral("SELECT COUNT(*) FROM system_settings WHERE key = ?"),
            { QStringLiteral("retention_days") });
        QCOMPARE(rows->value().toInt(), 1);
        auto author = s.scalar(QStringLiteral("SELECT updated_by FROM system_settings WHERE key = ?"),
            { QStringLiteral("retention_days") });
        QCOMPARE(author->value().toLongLong(), admin);

        QVERIFY(
            SettingsStore::setSystem(s, QStringLiteral("retention_days"), QStringLiteral("[500]"), 0).ok());
        author = s.scalar(QStringLiteral("SELECT updated_by FROM system_settings WHERE key = ?"),
            { QStringLiteral("retention_days") });
        QVERIFY(author->value().isNull());
    }

    void removeSystemDeletesOnlyThatKey()
    {
        SqlSession s = m_db->session();
        QVERIFY(
            SettingsStore::setSystem(s, QStringLiteral("smtp_password"), QStringLiteral("[\"sealed\"]"), 0)
                .ok());
        QVERIFY(SettingsStore::setSystem(s, QStringLiteral("business_hours"), QStringLiteral("[\"9-5\"]"), 0)
                    .ok());
        QVERIFY(SettingsStore::removeSystem(s, QStringLiteral("smtp_password")).ok());
        auto values = SettingsStore::system(s);
        QVERIFY(values.ok());
        QVERIFY(!values->contains(QStringLiteral("smtp_password")));
        QCOMPARE(values->value(QStringLiteral("business_hours")), QStringLiteral("[\"9-5\"]"));
        // Removing what is not there is not an error.
        QVERIFY(SettingsStore::removeSystem(s, QStringLiteral("smtp_password")).ok());
        QVERIFY(SettingsStore::removeSystem(s, QStringLiteral("never_set")).ok());
        QCOMPARE(SettingsStore::system(s)->size(), values->size());
    }

    void userValuesAreUpsertedPerUser()
    {
        SqlSession s = m_db->session();
        const qint64 ann = makeUser(s, QStringLiteral("ann@bank.test"));
        const qint64 bob = makeUser(s, QStringLiteral("bob@bank.test"));
        QVERIFY(ann > 0 && bob > 0);
        QVERIFY(SettingsStore::setUser(s, ann, QStringLiteral("language"), QStringLiteral("[\"en\"]")).ok());
        QVERIFY(SettingsStore::setUser(s, ann, QStringLiteral("theme"), QStringLiteral("[\"dark\"]")).ok());
        QVERIFY(SettingsStore::setUser(s, bob, QStringLiteral("language"), QStringLiteral("[\"en\"]")).ok());
        QVERIFY(SettingsStore::setUser(s, ann, QStringLiteral("language"), QStringLiteral("[\"fr\"]")).ok());

        auto annValues = SettingsStore::user(s, ann);
        QVERIFY(annValues.ok());
        QCOMPARE(annValues->size(), 2);
        QCOMPARE(annValues->value(QStringLiteral("language")), QStringLiteral("[\"fr\"]"));
        QCOMPARE(annValues->value(QStringLiteral("theme")), QStringLiteral("[\"dark\"]"));
        auto bobValues = SettingsStore::user(s, bob);
        QCOMPARE(bobValues->size(), 1);
        QCOMPARE(bobValues->value(QStringLiteral("language")), QStringLiteral("[\"en\"]"));
        auto rows
            = s.scalar(QStringLiteral("SELECT COUNT(*) FROM user_settings WHERE user_id = ? AND key = ?"),
                { ann, QStringLiteral("language") });
        QCOMPARE(rows->value().toInt(), 1);
        // System settings are a separate table.
        QVERIFY(!SettingsStore::system(s)->contains(QStringLiteral("theme")));
    }

    void userValuesNeedAnExistingUser()
    {
        SqlSession s = m_db->session();
        const Status refused
            = SettingsStore::setUser(s, 987654, QStringLiteral("language"), QStringLiteral("[\"en\"]"));
        QVERIFY(!refused.ok());
        // A refused statement is an error, not an outage, and the session keeps working.
        QCOMPARE(refused.error().kind, ErrorKind::Internal);
        auto after = SettingsStore::user(s, 987654);
        QVERIFY(after.ok());
        QVERIFY(after->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
