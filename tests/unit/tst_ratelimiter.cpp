#include "server/auth/ratelimiter.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace joxai;

namespace {

const QString Login = QStringLiteral("login");
const QString Chat = QStringLiteral("chat");
constexpr qint64 T0 = 1'000'000; // an arbitrary monotonic start

} // namespace

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowsUpToTheLimitThenRefuses();
    void retryAfterIsWhenTheOldestHitLeavesTheWindow();
    void retryAfterStaysWithinOneToSixty();
    void otherKeyIsUnaffected();
    void categoriesAreSeparate();
    void zeroLimitMeansUnlimited();
    void unknownCategoryIsUnlimited();
    void windowSlides();
    void refusedHitsDoNotExtendTheBan();
    void loweringTheLimitAppliesAtOnce();
    void pruneDropsOnlyExpiredWindows();
    void wallClockOverloadCounts();
    void concurrentHitsNeverExceedTheLimit();
};

void TestRateLimiter::allowsUpToTheLimitThenRefuses()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 5);
    for (int i = 0; i < 5; ++i)
        QVERIFY2(limiter.hit(Login, QStringLiteral("10.0.0.1"), T0 + i).allowed,
                 qPrintable(QString::number(i)));
    const RateLimiter::Decision refused = limiter.hit(Login, QStringLiteral("10.0.0.1"), T0 + 5);
    QVERIFY(!refused.allowed);
    QVERIFY(refused.retryAfterSeconds >= 1);
    QVERIFY(refused.retryAfterSeconds <= 60);
}

void TestRateLimiter::retryAfterIsWhenTheOldestHitLeavesTheWindow()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 2);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0 + 20'000).allowed);
    // The first hit leaves the window at T0 + 60 s; asked at T0 + 30 s that is 30 s away.
    RateLimiter::Decision d = limiter.hit(Login, QStringLiteral("k"), T0 + 30'000);
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterSeconds, 30);
    // Rounded up: 0.5 s left → 1 s, never 0.
    d = limiter.hit(Login, QStringLiteral("k"), T0 + 59'500);
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterSeconds, 1);
    // Honouring Retry-After is enough: at T0 + 60 s one more fits.
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0 + 60'000).allowed);
}

void TestRateLimiter::retryAfterStaysWithinOneToSixty()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    for (qint64 t = T0; t < T0 + 60'000; t += 1'250) {
        const RateLimiter::Decision d = limiter.hit(Login, QStringLiteral("k"), t);
        QVERIFY(!d.allowed);
        QVERIFY2(d.retryAfterSeconds >= 1 && d.retryAfterSeconds <= 60,
                 qPrintable(QString::number(d.retryAfterSeconds)));
    }
    QCOMPARE(limiter.hit(Login, QStringLiteral("k"), T0).retryAfterSeconds, 60);
}

void TestRateLimiter::otherKeyIsUnaffected()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 1);
    QVERIFY(limiter.hit(Login, QStringLiteral("alice"), T0).allowed);
    QVERIFY(!limiter.hit(Login, QStringLiteral("alice"), T0 + 1).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("bob"), T0 + 2).allowed);
    // Keys that could collide if joined naively stay apart.
    limiter.setLimit(QStringLiteral("a"), 1);
    limiter.setLimit(QStringLiteral("a\nb"), 1);
    QVERIFY(limiter.hit(QStringLiteral("a"), QStringLiteral("b\nc"), T0).allowed);
    QVERIFY(limiter.hit(QStringLiteral("a\nb"), QStringLiteral("c"), T0).allowed);
}

void TestRateLimiter::categoriesAreSeparate()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 1);
    limiter.setLimit(Chat, 1);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    QVERIFY(limiter.hit(Chat, QStringLiteral("k"), T0).allowed);
    QVERIFY(!limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    QVERIFY(!limiter.hit(Chat, QStringLiteral("k"), T0).allowed);
}

void TestRateLimiter::zeroLimitMeansUnlimited()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 0);
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    limiter.setLimit(Chat, -3); // nonsense is treated as off, not as "refuse all"
    QVERIFY(limiter.hit(Chat, QStringLiteral("k"), T0).allowed);
    // Turning a limit off stops counting; turning it on again starts from nothing.
    limiter.setLimit(Login, 2);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    QVERIFY(!limiter.hit(Login, QStringLiteral("k"), T0).allowed);
}

void TestRateLimiter::unknownCategoryIsUnlimited()
{
    RateLimiter limiter;
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.hit(QStringLiteral("never-configured"), QStringLiteral("k"), T0).allowed);
}

void TestRateLimiter::windowSlides()
{
    RateLimiter limiter;
    limiter.setLimit(Chat, 3);
    const QString key = QStringLiteral("user:7");
    QVERIFY(limiter.hit(Chat, key, T0).allowed);            // leaves at T0 + 60 s
    QVERIFY(limiter.hit(Chat, key, T0 + 10'000).allowed);   // leaves at T0 + 70 s
    QVERIFY(limiter.hit(Chat, key, T0 + 20'000).allowed);   // leaves at T0 + 80 s
    QVERIFY(!limiter.hit(Chat, key, T0 + 59'999).allowed);
    QVERIFY(limiter.hit(Chat, key, T0 + 60'000).allowed);   // the first left; this one takes its place
    QVERIFY(!limiter.hit(Chat, key, T0 + 65'000).allowed);
    QVERIFY(limiter.hit(Chat, key, T0 + 70'000).allowed);
    QVERIFY(!limiter.hit(Chat, key, T0 + 70'001).allowed);
    // After a quiet minute the whole allowance is back.
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.hit(Chat, key, T0 + 200'000).allowed);
    QVERIFY(!limiter.hit(Chat, key, T0 + 200'000).allowed);
}

void TestRateLimiter::refusedHitsDoNotExtendTheBan()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 1);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0).allowed);
    for (qint64 t = T0 + 1'000; t < T0 + 60'000; t += 1'000)
        QVERIFY(!limiter.hit(Login, QStringLiteral("k"), t).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0 + 60'000).allowed);
}

void TestRateLimiter::loweringTheLimitAppliesAtOnce()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 10);
    for (int i = 0; i < 4; ++i)
        QVERIFY(limiter.hit(Login, QStringLiteral("k"), T0 + i * 10'000).allowed);
    limiter.setLimit(Login, 2);
    const RateLimiter::Decision d = limiter.hit(Login, QStringLiteral("k"), T0 + 35'000);
    QVERIFY(!d.allowed);
    // Hits at 0, 10, 20, 30 s: one more fits when only one is left, i.e. when the one at 20 s
    // leaves at 80 s, 45 s from now.
    QCOMPARE(d.retryAfterSeconds, 45);
}

void TestRateLimiter::pruneDropsOnlyExpiredWindows()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 1);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.hit(Login, QStringLiteral("ip-%1").arg(i), T0).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("late"), T0 + 30'000).allowed);

    limiter.prune(T0 + 60'000); // the 1000 early windows have emptied; "late" has not
    QVERIFY(!limiter.hit(Login, QStringLiteral("late"), T0 + 60'001).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("ip-1"), T0 + 60'001).allowed);

    limiter.prune(T0 + 200'000);
    QVERIFY(limiter.hit(Login, QStringLiteral("late"), T0 + 200'000).allowed);
}

void TestRateLimiter::wallClockOverloadCounts()
{
    RateLimiter limiter;
    limiter.setLimit(Login, 2);
    QVERIFY(limiter.hit(Login, QStringLiteral("k")).allowed);
    QVERIFY(limiter.hit(Login, QStringLiteral("k")).allowed);
    const RateLimiter::Decision d = limiter.hit(Login, QStringLiteral("k"));
    QVERIFY(!d.allowed);
    QVERIFY(d.retryAfterSeconds >= 1 && d.retryAfterSeconds <= 60);
}

void TestRateLimiter::concurrentHitsNeverExceedTheLimit()
{
    RateLimiter limiter;
    constexpr int Limit = 500;
    constexpr int Threads = 8;
    constexpr int HitsPerThread = 2'000;
    limiter.setLimit(Chat, Limit);

    std::atomic<int> allowedShared{0};
    std::atomic<int> allowedOwn{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&limiter, &allowedShared, &allowedOwn, t] {
            const QString own = QStringLiteral("own-%1").arg(t);
            for (int i = 0; i < HitsPerThread; ++i) {
                if (limiter.hit(Chat, QStringLiteral("shared"), T0 + i).allowed)
                    ++allowedShared;
                if (limiter.hit(Chat, own, T0 + i).allowed)
                    ++allowedOwn;
                if (i % 500 == 0)
                    limiter.prune(T0 + i);
                if (i % 700 == 0)
                    limiter.setLimit(Chat, Limit);
            }
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120'000)));

    // All hits fall inside one minute, so exactly the limit got through for every key.
    QCOMPARE(allowedShared.load(), Limit);
    QCOMPARE(allowedOwn.load(), Limit * Threads);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
