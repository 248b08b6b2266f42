// DashboardCache: a range's answer is reused until its window ends, then computed again; ranges are
// kept apart (to the second of `to`); 0 seconds turns it off; it stays bounded.

#include "server/services/dashboardcache.h"

#include <QtTest>

using namespace joxai;
using namespace std::chrono_literals;

class TestDashboardCache : public QObject
{
    Q_OBJECT

    const QDateTime from { QDate(2026, 11, 1), QTime(0, 0), Qt::UTC };
    const QDateTime to { QDate(2026, 11, 26), QTime(3, 40, 12, 250), Qt::UTC };
    const DashboardCache::Clock::time_point t0 = DashboardCache::Clock::now();

    static QJsonObject answer(int total) { return QJsonObject { { QStringLiteral("total"), total } }; }

private Q_SLOTS:
    void reusedWithinTheWindowOnly()
    {
        DashboardCache cache(5);
        QVERIFY(!cache.find(from, to, t0));
        cache.store(from, to, answer(3), t0);
        QCOMPARE(cache.find(from, to, t0 + 4900ms).value_or(QJsonObject()), answer(3));
        QVERIFY(!cache.find(from, to, t0 + 5s)); // expired: the caller computes it again
        cache.store(from, to, answer(4), t0 + 5s);
        QCOMPARE(cache.find(from, to, t0 + 6s).value_or(QJsonObject()), answer(4));
    }

    void rangesAreKeptApart()
    {
        DashboardCache cache(5);
        cache.store(from, to, answer(3), t0);
        // The same second of `to` (the console's "now" a few ms later) shares the answer…
        QCOMPARE(cache.find(from, to.addMSecs(500), t0).value_or(QJsonObject()), answer(3));
        // …the next second, another `from`, or another day does not.
        QVERIFY(!cache.find(from, to.addSecs(1), t0));
        QVERIFY(!cache.find(from.addDays(-1), to, t0));
        QVERIFY(!cache.find(from, to.addDays(1), t0));
    }

    void zeroSecondsIsOff()
    {
        DashboardCache cache(0);
        QVERIFY(!cache.enabled());
        cache.store(from, to, answer(3), t0);
        QVERIFY(!cache.find(from, to, t0));
    }

    void staysBounded()
    {
        DashboardCache cache(5);
        for (int i = 0; i < 1000; ++i)
            cache.store(from.addDays(-i), to, answer(i), t0);
        // The newest range is always kept; the oldest went when the cache was full.
        QCOMPARE(cache.find(from.addDays(-999), to, t0).value_or(QJsonObject()), answer(999));
        QVERIFY(!cache.find(from, to, t0));
    }
};

QTEST_GUILESS_MAIN(TestDashboardCache)
#include "tst_dashboardcache.moc"
