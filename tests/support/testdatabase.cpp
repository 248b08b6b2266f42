#include "tests/support/testdatabase.h"

#include "server/config/configloader.h"
#include "server/storage/database.h"
#include "server/storage/migrator.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>
#include <cstdlib>

namespace joxai::test {

namespace {

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "FATAL test set-up: %s\n", qPrintable(why));
    std::exit(3);
}

} // namespace

QString TestDatabase::dialectName()
{
    const QString name = qEnvironmentVariable("JOXAI_TEST_DB", QStringLiteral("sqlite"));
    if (name != QLatin1String("sqlite") && name != QLatin1String("postgresql"))
        die(QStringLiteral("JOXAI_TEST_DB must be sqlite or postgresql, not '%1'").arg(name));
    return name;
}

TestDatabase::TestDatabase()
{
    if (!m_dir.isValid())
        die(QStringLiteral("cannot create a temporary folder"));
    if (dialectName() == QLatin1String("sqlite")) {
        m_target.sqlitePath = m_dir.filePath(QStringLiteral("test.db"));
        return;
    }
    // A PostgreSQL test that cannot reach its cluster must fail loudly, never pass by skipping.
    const QString adminUrl = qEnvironmentVariable("JOXAI_TEST_PG_URL");
    if (adminUrl.isEmpty())
        die(QStringLiteral("JOXAI_TEST_PG_URL is not set; run the suite with tests/run.sh, which starts "
                           "a throwaway PostgreSQL cluster"));
    auto admin = ConfigLoader::parseDatabaseUrl(adminUrl, m_dir.path());
    if (!admin || !admin->isPostgres())
        die(QStringLiteral("JOXAI_TEST_PG_URL is not a postgresql:// URL"));
    m_admin = admin.value();
    m_target = m_admin;
    m_target.name = QStringLiteral("joxai_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (!adminExec(QStringLiteral("CREATE DATABASE ") + m_target.name))
        die(QStringLiteral("cannot create a test database on %1:%2").arg(m_admin.host).arg(m_admin.port));
}

TestDatabase::~TestDatabase()
{
    if (m_target.isPostgres())
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_target.name + QStringLiteral(" WITH (FORCE)"));
}

QString TestDatabase::url() const
{
    if (!m_target.isPostgres())
        return QStringLiteral("sqlite://") + m_target.sqlitePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(m_target.user, m_target.host).arg(m_target.port).arg(m_target.name);
}

std::unique_ptr<Database> TestDatabase::openMigrated(int workers, QString *why) const
{
    auto db = std::make_unique<Database>(m_target, workers);
    SqlSession s = db->session();
    auto migrated = Migrator().migrate(s);
    if (!migrated) {
        *why = migrated.error().detail;
        return nullptr;
    }
    return db;
}

bool TestDatabase::adminExec(const QString &sql) const
{
    bool ok = false;
    const QString name = QStringLiteral("joxai-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_admin.host);
        db.setPort(m_admin.port);
        db.setUserName(m_admin.user);
        db.setPassword(m_admin.password);
        db.setDatabaseName(m_admin.name);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                std::fprintf(stderr, "admin SQL failed: %s\n", qPrintable(q.lastError().text()));
        } else {
            std::fprintf(stderr, "admin connection failed: %s\n", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace joxai::test
