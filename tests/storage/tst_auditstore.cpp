// AuditStore against a real database: appending, filtering, export order, and the database's own
// refusal to change or remove an audit row.

#include "server/storage/auditstore.h"
#include "server/storage/database.h"
#include "server/storage/migrator.h"
#include "tests/support/testdatabase.h"

#include <QSqlError>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestAuditStore : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

    static AuditEntry entry(qint64 actor, const QString &action, const QString &targetType = QString(),
        const QString &targetId = QString())
    {
        AuditEntry e;
        e.actorId = actor;
        e.actorEmail
            = actor > 0 ? QStringLiteral("user%1@bank.test").arg(actor) : QStringLiteral("ghost@bank.test");
        e.action = action;
        e.targetType = targetType;
        e.targetId = targetId;
        e.clientAddress = QStringLiteral("192.0.2.7");
        e.details = QJsonObject { { QStringLiteral("n"), actor } };
        return e;
    }

    static QStringList actions(const QList<AuditEntry> &items)
    {
        QStringList list;
        for (const AuditEntry &e : items)
            list << e.action;
        return list;
    }

    // Inserts a row with a chosen time (appending is allowed; only changes are refused).
    static bool appendAt(SqlSession &s, const QString &action, const QDateTime &at)
    {
        return s
            .exec(QStringLiteral("INSERT INTO audit_log (action, target_type, created_at) VALUES (?, ?, ?)"),
                { action, QStringLiteral("timed"), s.time(at) })
            .ok();
    }

    static QString rowsSnapshot(SqlSession &s)
    {
        auto q
            = s.exec(QStringLiteral("SELECT id, action, actor_email, target_id FROM audit_log ORDER BY id"));
        if (!q)
            return QStringLiteral("<query failed>");
        QStringList rows;
        while (q->next())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            q->value(3).toString());
        return rows.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanupTestCase() { m_db.reset(); }

    void appendsAndListsNewestFirst()
    {
        SqlSession s = m_db->session();
        AuditEntry first = entry(0, QStringLiteral("first.one"));
        first.details = QJsonObject { { QStringLiteral("reason"), QStringLiteral("unknown_account") },
            { QStringLiteral("nested"), QJsonObject { { QStringLiteral("k"), true } } } };
        QVERIFY(AuditStore::append(s, first).ok());
        QVERIFY(AuditStore::append(
            s, entry(7, QStringLiteral("first.two"), QStringLiteral("user"), QStringLiteral("42")))
                    .ok());

        AuditFilter f;
        f.action = QStringLiteral("first.");
        auto page = AuditStore::list(s, f);
        QVERIFY(page.ok());
        QCOMPARE(page->total, qint64(2));
        QCOMPARE(
            actions(page->items), (QStringList { QStringLiteral("first.two"), QStringLiteral("first.one") }));
        QVERIFY(page->items.at(0).id > page->items.at(1).id);

        const AuditEntry two = page->items.at(0);
        QCOMPARE(two.actorId, qint64(7));
        QCOMPARE(two.actorEmail, QStringLiteral("user7@bank.test"));
        QCOMPARE(two.targetType, QStringLiteral("user"));
        QCOMPARE(two.targetId, QStringLiteral("42"));
        QCOMPARE(two.clientAddress, QStringLiteral("192.0.2.7"));
        QVERIFY(qAbs(two.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        const AuditEntry one = page->items.at(1);
        QCOMPARE(one.actorId, qint64(0)); // stored as NULL: nobody was signed in
        QCOMPARE(one.details, first.details);
        auto nullActor
            = s.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id IS NULL"),
                { QStringLiteral("first.one") });
        QCOMPARE(nullActor->value().toInt(), 1);
    }

    void filtersByActorActionAndTargetType()
    {
        SqlSession s = m_db->session();
        QVERIFY(AuditStore::append(
            s, entry(101, QStringLiteral("user.create"), QStringLiteral("user"), QStringLiteral("1")))
                    .ok());
        QVERIFY(AuditStore::append(
            s, entry(101, QStringLiteral("user.update"), QStringLiteral("user"), QStringLiteral("1")))
                    .ok());
        QVERIFY(AuditStore::append(
            s, entry(102, QStringLiteral("user.update_extra"), QStringLiteral("user"), QStringLiteral("2")))
                    .ok());
        QVERIFY(
            AuditStore::append(s, entry(102, QStringLiteral("users.purge"), QStringLiteral("bulk"))).ok());
        QVERIFY(
            AuditStore::append(s, entry(101, QStringLiteral("xuser.update"), QStringLiteral("bulk"))).ok());
        QVERIFY(AuditStore::append(s,
            entry(
                103, QStringLiteral("settings.system"), QStringLiteral("settings"), QStringLiteral("system")))
                    .ok());

        AuditFilter byActor;
        byActor.actorId = 101;
        auto page = AuditStore::list(s, byActor);
        QVERIFY(page.ok());
        QCOMPARE(page->total, qint64(3));
        for (const AuditEntry &e : page->items)
            QCOMPARE(e.actorId, qint64(101));

        AuditFilter exact;
        exact.action = QStringLiteral("user.update");
        page = AuditStore::list(s, exact);
        QCOMPARE(actions(page->items), QStringList { QStringLiteral("user.update") });

        AuditFilter prefix;
        prefix.action = QStringLiteral("user.");
        page = AuditStore::list(s, prefix);
        QCOMPARE(actions(page->items),
            (QStringList { QStringLiteral("user.update_extra"), QStringLiteral("user.update"),
                QStringLiteral("user.create") }));
        QCOMPARE(page->total, qint64(3));

        AuditFilter byTarget;
        byTarget.targetType = QStringLiteral("bulk");
        page = AuditStore::list(s, byTarget);
        QCOMPARE(actions(page->items),
            (QStringList { QStringLiteral("xuser.update"), QStringLiteral("users.purge") }));

        AuditFilter combined;
        combined.actorId = 102;
        combined.action = QStringLiteral("user.");
        combined.targetType = QStringLiteral("user");
        page = AuditStore::list(s, combined);
        QCOMPARE(actions(page->items), QStringList { QStringLiteral("user.update_extra") });

        AuditFilter paged;
        paged.actorId = 101;
        paged.page = { 1, 1 };
        page = AuditStore::list(s, paged);
        QCOMPARE(page->total, qint64(3));
        QCOMPARE(actions(page->items), QStringList { QStringLiteral("user.update") });
    }

    void filtersByTimeWithInclusiveFromAndExclusiveTo()
    {
        SqlSession s = m_db->session();
        const QDateTime t2020(QDate(2020, 1, 1), QTime(12, 0), QTimeZone::utc());
        const QDateTime t2021(QDate(2021, 6, 15), QTime(8, 30, 0, 250), QTimeZone::utc());
        const QDateTime t2023(QDate(2023, 3, 3), QTime(23, 59, 59), QTimeZone::utc());
        QVERIFY(appendAt(s, QStringLiteral("timed.a"), t2020));
        QVERIFY(appendAt(s, QStringLiteral("timed.b"), t2021));
        QVERIFY(appendAt(s, QStringLiteral("timed.c"), t2023));

        AuditFilter f;
        f.action = QStringLiteral("timed.");
        f.from = QDateTime(QDate(2021, 1, 1), QTime(0, 0), QTimeZone::utc());
        f.to = QDateTime(QDate(2022, 1, 1), QTime(0, 0), QTimeZone::utc());
        auto page = AuditStore::list(s, f);
        QVERIFY(page.ok());
        QCOMPARE(actions(page->items), QStringList { QStringLiteral("timed.b") });
        QCOMPARE(page->items.at(0).createdAt, t2021);

        f.from = t2021;
        f.to = QDateTime();
        page = AuditStore::list(s, f);
        QCOMPARE(
            actions(page->items), (QStringList { QStringLiteral("timed.c"), QStringLiteral("timed.b") }));

        f.from = QDateTime();
        f.to = t2021;
        page = AuditStore::list(s, f);
        QCOMPARE(actions(page->items), QStringList { QStringLiteral("timed.a") });

        // A "to" given in another time zone means the same instant.
        f.to = t2021.addMSecs(1).toOffsetFromUtc(3600 * 5);
        page = AuditStore::list(s, f);
        QCOMPARE(
            actions(page->items), (QStringList { QStringLiteral("timed.b"), QStringLiteral("timed.a") }));
    }

    void exportsOldestFirstUpToTheLimit()
    {
        SqlSession s = m_db->session();
        for (int i = 0; i < 4; ++i)
            QVERIFY(AuditStore::append(s, entry(200 + i, QStringLiteral("export.row"))).ok());
        AuditFilter f;
        f.action = QStringLiteral("export.row");
        auto rows = AuditStore::exportRows(s, f, 3);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).actorId, qint64(200));
        QCOMPARE(rows->at(2).actorId, qint64(202));
    }

    void theLogIsAppendOnly()
    {
        SqlSession s = m_db->session();
        QVERIFY(AuditStore::append(
            s, entry(300, QStringLiteral("guarded.row"), QStringLiteral("user"), QStringLiteral("9")))
                    .ok());
        const QString before = rowsSnapshot(s);
        QVERIFY(before.contains(QLatin1String("guarded.row")));

        QStringList attacks
            = { QStringLiteral("UPDATE audit_log SET action = 'forged' WHERE action = 'guarded.row'"),
                  QStringLiteral("UPDATE audit_log SET actor_email = NULL"),
                  QStringLiteral("DELETE FROM audit_log WHERE action = 'guarded.row'"),
                  QStringLiteral("DELETE FROM audit_log") };
        if (s.isPostgres())
            attacks << QStringLiteral("TRUNCATE audit_log");
        for (const QString &sql : attacks) {
            QSqlQuery q(s.database());
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QVERIFY2(q.lastError().text().contains(QLatin1String("append-only")),
                qPrintable(sql + QStringLiteral(" → ") + q.lastError().text()));
        }
        QCOMPARE(rowsSnapshot(s), before);
    }

    void aRefusedAuditChangeIsAnErrorNotAnOutage()
    {
        SqlSession s = m_db->session();
        QVERIFY(AuditStore::append(s, entry(310, QStringLiteral("guarded.again"))).ok());
        const QString before = rowsSnapshot(s);
        auto refused = s.exec(QStringLiteral("DELETE FROM audit_log WHERE action = 'guarded.again'"));
        QVERIFY(!refused.ok());
        // The database said no; it did not go away (503 would tell clients to retry).
        QCOMPARE(refused.error().kind, ErrorKind::Internal);
        QCOMPARE(refused.error().code, QStringLiteral("internal_error"));
        // The same session keeps working.
        QCOMPARE(rowsSnapshot(s), before);

        // Inside a transaction the refusal rolls back the whole change.
        auto tx = s.transaction<Done>([&]() -> Status {
            if (auto r = AuditStore::append(s, entry(311, QStringLiteral("guarded.tx"))); !r)
                return r;
            auto del = s.exec(QStringLiteral("DELETE FROM audit_log WHERE action = 'guarded.again'"));
            if (!del)
                return del.error();
            return success();
        });
        QVERIFY(!tx.ok());
        QCOMPARE(tx.error().kind, ErrorKind::Internal);
        SqlSession again = m_db->session();
        QCOMPARE(rowsSnapshot(again), before);
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
