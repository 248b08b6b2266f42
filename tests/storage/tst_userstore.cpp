// UserStore against a real database: accounts, unique e-mail, token versions, lockout, listing.

#include "server/storage/database.h"
#include "server/storage/migrator.h"
#include "server/storage/userstore.h"
#include "tests/support/testdatabase.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestUserStore : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

    User make(SqlSession &s, const QString &email, const QString &name = QStringLiteral("Some One"),
        const QString &role = QStringLiteral("agent"))
    {
        auto made = UserStore::create(s, { email, name, role, QByteArrayLiteral("$2b$04$hash"), false });
        if (!made)
            qWarning("create %s failed: %s", qPrintable(email), qPrintable(made.error().detail));
        return made ? made.value() : User();
    }

    static QStringList emails(const Page<User> &page)
    {
        QStringList list;
        for (const User &u : page.items)
            list << u.email;
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanupTestCase() { m_db.reset(); }

    void createsAUserAndFindsItByIdAndEmail()
    {
        SqlSession s = m_db->session();
        auto made = UserStore::create(s,
            { QStringLiteral("  Alice@Bank.Test "), QStringLiteral("Alice Martin"),
                QStringLiteral("supervisor"), QByteArrayLiteral("$2b$04$abc"), true });
        QVERIFY2(made.ok(), qPrintable(made.error().detail));
        QVERIFY(made->id > 0);
        QCOMPARE(made->email, QStringLiteral("alice@bank.test"));
        QCOMPARE(made->fullName, QStringLiteral("Alice Martin"));
        QCOMPARE(made->role, QStringLiteral("supervisor"));
        QCOMPARE(made->passwordHash, QByteArrayLiteral("$2b$04$abc"));
        QCOMPARE(made->isActive, true);
        QCOMPARE(made->mustChangePassword, true);
        QCOMPARE(made->tokenVersion, qint64(1));
        QCOMPARE(made->failedLogins, 0);
        QVERIFY(!made->lockedUntil.isValid());
        QVERIFY(made->createdAt.isValid());
        QVERIFY(qAbs(made->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        auto byId = UserStore::byId(s, made->id);
        QVERIFY(byId.ok() && byId->has_value());
        QCOMPARE((*byId)->email, QStringLiteral("alice@bank.test"));
        QCOMPARE((*byId)->fullName, QStringLiteral("Alice Martin"));

        for (const QString &spelling : { QStringLiteral("alice@bank.test"), QStringLiteral("ALICE@BANK.TEST"),
                 QStringLiteral(" Alice@bank.Test") }) {
            auto byEmail = UserStore::byEmail(s, spelling);
            QVERIFY(byEmail.ok());
            QVERIFY2(byEmail->has_value(), qPrintable(spelling));
            QCOMPARE((*byEmail)->id, made->id);
        }

        auto none = UserStore::byEmail(s, QStringLiteral("nobody@bank.test"));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        auto noId = UserStore::byId(s, made->id + 100000);
        QVERIFY(noId.ok());
        QVERIFY(!noId->has_value());
    }

    void createsAUserWithoutAName()
    {
        // NewUser::fullName left unset (a null QString, as the API passes when full_name is absent):
        // the column is NOT NULL DEFAULT '', so the account gets an empty name.
        SqlSession s = m_db->session();
        auto made = UserStore::create(s,
            { QStringLiteral("nameless@bank.test"), QString(), QStringLiteral("agent"),
                QByteArrayLiteral("h"), false });
        QVERIFY2(made.ok(), qPrintable(made.error().code + QLatin1Char(' ') + made.error().detail));
        QCOMPARE(made->fullName, QString());
        QVERIFY(UserStore::byEmail(s, QStringLiteral("nameless@bank.test"))->has_value());
    }

    void aDuplicateEmailIsAConflict()
    {
        SqlSession s = m_db->session();
        QVERIFY(make(s, QStringLiteral("dup@bank.test")).id > 0);
        auto again = UserStore::create(s,
            { QStringLiteral("DUP@bank.test"), QStringLiteral("Other"), QStringLiteral("agent"),
                QByteArrayLiteral("h"), false });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(again.error().code, QStringLiteral("email_taken"));
        QVERIFY(again.error().fields.contains(QStringLiteral("email")));
        auto list = UserStore::list(s, { QString(), QStringLiteral("dup@bank.test"), std::nullopt, {} });
        QVERIFY(list.ok());
        QCOMPARE(list->total, qint64(1));
    }

    void updateChangesFieldsAndRevokeTokensBumpsTheVersion()
    {
        SqlSession s = m_db->session();
        const User u = make(s, QStringLiteral("update@bank.test"), QStringLiteral("Before"));
        QVERIFY(u.id > 0);

        UserChanges rename;
        rename.fullName = QStringLiteral("After");
        auto renamed = UserStore::update(s, u.id, rename);
        QVERIFY(renamed.ok() && renamed->has_value());
        QCOMPARE((*renamed)->fullName, QStringLiteral("After"));
        QCOMPARE((*renamed)->role, QStringLiteral("agent"));
        QCOMPARE((*renamed)->tokenVersion, u.tokenVersion);

        UserChanges promote;
        promote.role = QStringLiteral("supervisor");
        promote.isActive = false;
        promote.revokeTokens = true;
        auto promoted = UserStore::update(s, u.id, promote);
        QVERIFY(promoted.ok() && promoted->has_value());
        QCOMPARE((*promoted)->role, QStringLiteral("supervisor"));
        QCOMPARE((*promoted)->isActive, false);
        QCOMPARE((*promoted)->fullName, QStringLiteral("After"));
        QCOMPARE((*promoted)->tokenVersion, u.tokenVersion + 1);

        auto missing = UserStore::update(s, u.id + 100000, rename);
        QVERIFY(missing.ok());
        QVERIFY(!missing->has_value());
    }

    void recordFailedLoginLocksAtTheThreshold()
    {
        SqlSession s = m_db->session();
        const User u = make(s, QStringLiteral("lockme@bank.test"));
        QVERIFY(u.id > 0);
        const QDateTime lockUntil(QDate(2031, 3, 4), QTime(5, 6, 7, 890), QTimeZone::utc());
        for (int i = 1; i <= 2; ++i) {
            auto after = UserStore::recordFailedLogin(s, u.id, 3, lockUntil);
            QVERIFY(after.ok());
            QCOMPARE(after->failedLogins, i);
            QVERIFY2(!after->lockedUntil.isValid(), "locked before the threshold");
        }
        auto third = UserStore::recordFailedLogin(s, u.id, 3, lockUntil);
        QVERIFY(third.ok());
        QCOMPARE(third->failedLogins, 3);
        QCOMPARE(third->lockedUntil, lockUntil);

        // A successful sign-in clears the count and the lock.
        QVERIFY(UserStore::recordLogin(s, u.id, QDateTime::currentDateTimeUtc()).ok());
        auto reset = UserStore::byId(s, u.id);
        QCOMPARE((*reset)->failedLogins, 0);
        QVERIFY(!(*reset)->lockedUntil.isValid());
        QVERIFY((*reset)->lastLoginAt.isValid());
    }

    void setPasswordClearsTheLockoutAndBumpsTheVersion()
    {
        SqlSession s = m_db->session();
        const User u = make(s, QStringLiteral("setpw@bank.test"));
        QVERIFY(u.id > 0);
        const QDateTime lockUntil = QDateTime::currentDateTimeUtc().addSecs(900);
        for (int i = 0; i < 2; ++i)
            QVERIFY(UserStore::recordFailedLogin(s, u.id, 2, lockUntil).ok());
        auto locked = UserStore::byId(s, u.id);
        QVERIFY((*locked)->lockedUntil.isValid());

        QVERIFY(UserStore::setPassword(s, u.id, QByteArrayLiteral("$2b$04$new"), true).ok());
        auto after = UserStore::byId(s, u.id);
        QVERIFY(after.ok() && after->has_value());
        QCOMPARE((*after)->passwordHash, QByteArrayLiteral("$2b$04$new"));
        QCOMPARE((*after)->failedLogins, 0);
        QVERIFY(!(*after)->lockedUntil.isValid());
        QCOMPARE((*after)->mustChangePassword, true);
        QCOMPARE((*after)->tokenVersion, u.tokenVersion + 1);

        QVERIFY(UserStore::setPassword(s, u.id, QByteArrayLiteral("$2b$04$newer"), false).ok());
        auto again = UserStore::byId(s, u.id);
        QCOMPARE((*again)->mustChangePassword, false);
        QCOMPARE((*again)->tokenVersion, u.tokenVersion + 2);
    }

    void listFiltersAndPages()
    {
        SqlSession s = m_db->session();
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids << make(s, QStringLiteral("page%1@list.test").arg(i), QStringLiteral("Lister %1").arg(i),
                QStringLiteral("supervisor"))
                       .id;
        QVERIFY(make(s, QStringLiteral("agent@list.test"), QStringLiteral("Lister agent")).id > 0);

        UserFilter f;
        f.search = QStringLiteral("@list.test");
        f.role = QStringLiteral("supervisor");
        f.page = { 2, 2 };
        auto page = UserStore::list(s, f);
        QVERIFY(page.ok());
        QCOMPARE(page->total, qint64(5));
        QCOMPARE(page->limit, 2);
        QCOMPARE(page->offset, 2);
        QCOMPARE(emails(page.value()),
            (QStringList { QStringLiteral("page2@list.test"), QStringLiteral("page3@list.test") }));

        f.page = { 50, 4 };
        page = UserStore::list(s, f);
        QCOMPARE(page->total, qint64(5));
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("page4@list.test") });

        f.page = { 50, 10 };
        page = UserStore::list(s, f);
        QCOMPARE(page->total, qint64(5));
        QVERIFY(page->items.isEmpty());

        f.role.clear();
        f.page = {};
        page = UserStore::list(s, f);
        QCOMPARE(page->total, qint64(6));

        UserChanges off;
        off.isActive = false;
        QVERIFY(UserStore::update(s, ids.at(1), off).ok());
        f.active = true;
        page = UserStore::list(s, f);
        QCOMPARE(page->total, qint64(5));
        QVERIFY(!emails(page.value()).contains(QStringLiteral("page1@list.test")));
        f.active = false;
        page = UserStore::list(s, f);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("page1@list.test") });

        // The search looks at names too, case-insensitively.
        UserFilter byName;
        byName.search = QStringLiteral("LISTER AGENT");
        page = UserStore::list(s, byName);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("agent@list.test") });
    }

    void searchTreatsLikeWildcardsAsPlainText()
    {
        SqlSession s = m_db->session();
        QVERIFY(make(s, QStringLiteral("percent@esc.test"), QStringLiteral("Sure 100% yes")).id > 0);
        QVERIFY(make(s, QStringLiteral("under@esc.test"), QStringLiteral("snake_case name")).id > 0);
        QVERIFY(make(s, QStringLiteral("slash@esc.test"), QStringLiteral("back\\slash")).id > 0);
        QVERIFY(make(s, QStringLiteral("plain@esc.test"), QStringLiteral("Plain person")).id > 0);

        UserFilter f;
        f.search = QStringLiteral("%");
        auto page = UserStore::list(s, f);
        QVERIFY(page.ok());
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("percent@esc.test") });
        QCOMPARE(page->total, qint64(1));

        f.search = QStringLiteral("_");
        page = UserStore::list(s, f);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("under@esc.test") });

        f.search = QStringLiteral("\\");
        page = UserStore::list(s, f);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("slash@esc.test") });

        f.search = QStringLiteral("0%");
        page = UserStore::list(s, f);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("percent@esc.test") });

        // "_" is one literal character: "e_c" is in "snake_case", not in every "esc.test" address.
        f.search = QStringLiteral("e_c");
        page = UserStore::list(s, f);
        QCOMPARE(emails(page.value()), QStringList { QStringLiteral("under@esc.test") });
    }

    void countsActiveAdmins()
    {
        SqlSession s = m_db->session();
        auto before = UserStore::countActiveAdmins(s);
        QVERIFY(before.ok());
        const User a
            = make(s, QStringLiteral("admin1@count.test"), QStringLiteral("A1"), QStringLiteral("admin"));
        const User b
            = make(s, QStringLiteral("admin2@count.test"), QStringLiteral("A2"), QStringLiteral("admin"));
        QVERIFY(a.id > 0 && b.id > 0);
        QCOMPARE(UserStore::countActiveAdmins(s).value(), before.value() + 2);
        UserChanges off;
        off.isActive = false;
        QVERIFY(UserStore::update(s, b.id, off).ok());
        QCOMPARE(UserStore::countActiveAdmins(s).value(), before.value() + 1);
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "tst_userstore.moc"
