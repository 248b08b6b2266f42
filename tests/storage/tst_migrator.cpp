// The migrator against a real database: applying and recording versions, refusing a newer schema,
// rolling back a failed migration, and splitting migration files into statements.

#include "server/storage/database.h"
#include "server/storage/migrator.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

// A database of its own for a test that needs to start from empty.
struct FreshDatabase
{
    TestDatabase test;
    Database db { test.target(), 1 };
};

bool hasTable(SqlSession &s, const QString &name)
{
    return s.database().tables().contains(name);
}

int maxVersion(SqlSession &s)
{
    auto v = s.scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    return v && v->has_value() ? v->value().toInt() : -1;
}

QString readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

int newestKnownVersion(Dialect dialect)
{
    const QList<Migration> all = Migrator().available(dialect);
    return all.isEmpty() ? -1 : all.last().version;
}

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesVersionOneToAnEmptyDatabaseAndRecordsIt()
    {
        FreshDatabase fresh;
        SqlSession s = fresh.db.session();
        QVERIFY(s.isOpen());
        QVERIFY(!hasTable(s, QStringLiteral("users")));

        auto applied = Migrator().migrate(s);
        QVERIFY2(applied.ok(), qPrintable(applied.error().detail));
        QVERIFY(!applied->isEmpty());
        QCOMPARE(applied->first(), 1);

        auto row = s.exec(
            QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
        QVERIFY(row.ok());
        QVERIFY(row->next());
        QCOMPARE(row->value(0).toInt(), 1);
        QCOMPARE(row->value(1).toString(), QStringLiteral("schema"));
        QVERIFY(SqlSession::readTime(row->value(2)).isValid());
        for (const char *table : { "users", "audit_log", "system_settings", "user_settings", "tickets" })
            QVERIFY2(hasTable(s, QLatin1String(table)), table);
    }

    void aSecondRunAppliesNothing()
    {
        FreshDatabase fresh;
        SqlSession s = fresh.db.session();
        auto first = Migrator().migrate(s);
        QVERIFY2(first.ok(), qPrintable(first.error().detail));
        auto count = s.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
        QVERIFY(count.ok());
        const int rows = count->value().toInt();
        QCOMPARE(rows, first->size());

        auto second = Migrator().migrate(s);
        QVERIFY2(second.ok(), qPrintable(second.error().detail));
        QVERIFY(second->isEmpty());
        count = s.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
        QCOMPARE(count->value().toInt(), rows);
    }

    void refusesADatabaseNewerThanTheProgram()
    {
        FreshDatabase fresh;
        SqlSession s = fresh.db.session();
        QVERIFY(Migrator().migrate(s).ok());
        QVERIFY(s.exec(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                     { 999, QStringLiteral("from_the_future") })
                    .ok());

        auto refused = Migrator().migrate(s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("schema_too_new"));
        const QString detail = refused.error().detail;
        QVERIFY2(detail.contains(QLatin1String("999")), qPrintable(detail));
        QVERIFY2(
            detail.contains(QStringLiteral("(%1)").arg(newestKnownVersion(s.dialect()))), qPrintable(detail));
        QCOMPARE(maxVersion(s), 999);
    }

    void refusesANewerDatabaseBeforeApplyingAnything()
    {
        FreshDatabase fresh;
        SqlSession s = fresh.db.session();
        QVERIFY(s.execRaw(QStringLiteral("CREATE TABLE schema_migrations (version integer PRIMARY KEY, "
                                         "name text NOT NULL, applied_at text)"))
                    .ok());
        QVERIFY(s.exec(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"),
                     { 999, QStringLiteral("from_the_future") })
                    .ok());

        auto refused = Migrator().migrate(s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("schema_too_new"));
        QVERIFY(refused.error().detail.contains(QLatin1String("999")));
        QVERIFY(refused.error().detail.contains(QStringLiteral("(%1)").arg(newestKnownVersion(s.dialect()))));
        QVERIFY(!hasTable(s, QStringLiteral("users")));
        auto count = s.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
        QCOMPARE(count->value().toInt(), 1);
    }

    void aBrokenMigrationLeavesTheDatabaseAsItWas()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        for (const QString &dialect : { QStringLiteral("sqlite"), QStringLiteral("postgresql") }) {
            QVERIFY(QDir(root.path()).mkpath(dialect));
            const QString schema = readResource(QStringLiteral(":/sql/%1/0001_schema.sql").arg(dialect));
            QVERIFY2(!schema.isEmpty(), qPrintable(dialect));
            QFile first(root.filePath(dialect + QStringLiteral("/0001_schema.sql")));
            QVERIFY(first.open(QIODevice::WriteOnly));
            first.write(schema.toUtf8());
            first.close();
            QFile broken(root.filePath(dialect + QStringLiteral("/0002_broken.sql")));
            QVERIFY(broken.open(QIODevice::WriteOnly));
            broken.write("-- The first statement works, the second cannot.\n"
                         "CREATE TABLE broken_probe (id integer PRIMARY KEY, note text);\n"
                         "THIS IS NOT SQL AT ALL;\n");
            broken.close();
        }

        FreshDatabase fresh;
        SqlSession s = fresh.db.session();
        const Migrator migrator(root.path());
        QCOMPARE(migrator.available(s.dialect()).size(), 2);

        auto failed = migrator.migrate(s);
        QVERIFY(!failed.ok());
        QVERIFY2(
            failed.error().detail.contains(QLatin1String("0002_broken")), qPrintable(failed.error().detail));
        QVERIFY(!failed.error().detail.contains(QLatin1String("THIS IS NOT SQL")));
        QVERIFY(!hasTable(s, QStringLiteral("broken_probe")));
        QCOMPARE(maxVersion(s), 1);
        QVERIFY(hasTable(s, QStringLiteral("users")));

        // Data written at version 1 survives another failed attempt.
        QVERIFY(s.exec(QStringLiteral("INSERT INTO users (email, role, password_hash) VALUES (?, ?, ?)"),
                     { QStringLiteral("kept@bank.test"), QStringLiteral("agent"), QStringLiteral("x") })
                    .ok());
        QVERIFY(!migrator.migrate(s).ok());
        QVERIFY(!hasTable(s, QStringLiteral("broken_probe")));
        QCOMPARE(maxVersion(s), 1);
        auto kept = s.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ?"),
            { QStringLiteral("kept@bank.test") });
        QVERIFY(kept.ok());
        QCOMPARE(kept->value().toInt(), 1);

        // The real migrations carry on from version 1, and the data written there stays.
        auto real = Migrator().migrate(s);
        QVERIFY2(real.ok(), qPrintable(real.error().detail));
        QCOMPARE(int(real->size()), newestKnownVersion(s.dialect()) - 1);
        QCOMPARE(maxVersion(s), newestKnownVersion(s.dialect()));
        kept = s.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ?"), { QStringLiteral("kept@bank.test") });
        QVERIFY(kept.ok());
        QCOMPARE(kept->value().toInt(), 1);
    }

    void splitsAtSemicolonsEndingALine()
    {
        const QStringList parts
            = Migrator::splitStatements(QStringLiteral("-- a comment before anything\n"
                                                       "\n"
                                                       "CREATE TABLE a (\n    x integer\n);\n"
                                                       "CREATE INDEX a_x ON a (x);\n"
                                                       "INSERT INTO a (x) VALUES (1)"));
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0), QStringLiteral("CREATE TABLE a (\n    x integer\n)"));
        QCOMPARE(parts.at(1), QStringLiteral("CREATE INDEX a_x ON a (x)"));
        QCOMPARE(parts.at(2), QStringLiteral("INSERT INTO a (x) VALUES (1)"));
    }

    void keepsDollarQuotedBodiesWhole()
    {
        const QStringList parts = Migrator::splitStatements(
            QStringLiteral("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                           "BEGIN\n"
                           "    UPDATE t SET n = n + 1;\n"
                           "    RAISE EXCEPTION 'no';\n"
                           "END;\n"
                           "$$;\n"
                           "CREATE TRIGGER t_f BEFORE UPDATE ON t\n"
                           "    FOR EACH ROW EXECUTE FUNCTION f();\n"
                           "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n"
                           "CREATE TABLE u (id integer);\n"));
        QCOMPARE(parts.size(), 4);
        QVERIFY(parts.at(0).startsWith(QLatin1String("CREATE FUNCTION f()")));
        QVERIFY(parts.at(0).contains(QLatin1String("RAISE EXCEPTION 'no';")));
        QVERIFY(parts.at(0).endsWith(QLatin1String("$$")));
        QCOMPARE(parts.at(1),
            QStringLiteral("CREATE TRIGGER t_f BEFORE UPDATE ON t\n    FOR EACH ROW EXECUTE FUNCTION f()"));
        QCOMPARE(
            parts.at(2), QStringLiteral("CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$"));
        QCOMPARE(parts.at(3), QStringLiteral("CREATE TABLE u (id integer)"));
    }

    void keepsSqliteTriggerBodiesWhole()
    {
        const QStringList parts
            = Migrator::splitStatements(QStringLiteral("CREATE TRIGGER a_sync AFTER UPDATE ON a BEGIN\n"
                                                       "    DELETE FROM b WHERE id = old.id;\n"
                                                       "    INSERT INTO b (id) VALUES (new.id);\n"
                                                       "END;\n"
                                                       "create trigger a_guard before delete on a\n"
                                                       "begin\n"
                                                       "    SELECT RAISE(ABORT, 'no');\n"
                                                       "end;\n"
                                                       "CREATE TABLE c (id integer);\n"));
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(0).startsWith(QLatin1String("CREATE TRIGGER a_sync")));
        QVERIFY(parts.at(0).contains(QLatin1String("INSERT INTO b (id) VALUES (new.id);")));
        QVERIFY(parts.at(0).endsWith(QLatin1String("END")));
        QVERIFY(parts.at(1).startsWith(QLatin1String("create trigger a_guard")));
        QVERIFY(parts.at(1).contains(QLatin1String("RAISE(ABORT, 'no');")));
        QCOMPARE(parts.at(2), QStringLiteral("CREATE TABLE c (id integer)"));
    }

    void splitsTheShippedSchemasIntoWholeStatements_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void splitsTheShippedSchemasIntoWholeStatements()
    {
        QFETCH(QString, dialect);
        const QString sql = readResource(QStringLiteral(":/sql/%1/0001_schema.sql").arg(dialect));
        QVERIFY(!sql.isEmpty());
        const QStringList parts = Migrator::splitStatements(sql);
        QVERIFY(parts.size() > 20);
        int triggers = 0;
        for (const QString &p : parts) {
            QVERIFY2(!p.endsWith(QLatin1Char(';')), qPrintable(p));
            QVERIFY2(p.compare(QLatin1String("END"), Qt::CaseInsensitive) != 0, "a trigger body was cut");
            QVERIFY2(!p.startsWith(QLatin1String("SELECT RAISE")) && !p.startsWith(QLatin1String("RAISE"))
                    && !p.startsWith(QLatin1String("BEGIN")),
                qPrintable(p));
            if (p.startsWith(QLatin1String("CREATE TRIGGER")))
                ++triggers;
        }
        QCOMPARE(triggers, int(sql.count(QLatin1String("CREATE TRIGGER"))));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
