#include "server/assistant/replycache.h"

#include <QRunnable>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace joxai;

namespace {

const QString En = QStringLiteral("en");
const QString Fr = QStringLiteral("fr");

AssistantReply answeredReply(const QString &text)
{
    AssistantReply r;
    r.text = text;
    r.sources = {SourceRef{4, QStringLiteral("Opening hours")}};
    r.provider = QStringLiteral("anthropic");
    r.model = QStringLiteral("claude-test");
    r.tokensIn = 120;
    r.tokensOut = 40;
    r.latencyMs = 850;
    r.costUsd = 0.0012;
    return r;
}

// A clock the test moves by hand.
struct ManualClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(1'000'000);
    ReplyCache::Clock clock() const
    {
        auto n = now;
        return [n] { return n->load(); };
    }
    void advanceSeconds(qint64 s) { *now += s * 1000; }
};

} // namespace

class TestReplyCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missThenHitAfterInsert();
    void hitIsFlaggedAndCarriesNoUsage();
    void normalisedQuestionsShareAnEntry();
    void languageAndVerificationSeparateEntries();
    void entryExpiresAtTheEndOfTheWindow();
    void reinsertRestartsTheWindow();
    void neverCachesUnansweredFallbackOrCachedReplies();
    void evictsTheLeastRecentlyUsedBeyondCapacity();
    void zeroWindowTurnsTheCacheOff();
    void emptyQuestionIsNeverCached();
    void clearEmptiesTheCache();
    void concurrentUseKeepsCountsAndBound();
};

void TestReplyCache::missThenHitAfterInsert()
{
    ReplyCache cache(300);
    QVERIFY(!cache.find(En, false, QStringLiteral("What are your opening hours?")).has_value());
    QCOMPARE(cache.misses(), 1);
    cache.insert(En, false, QStringLiteral("What are your opening hours?"), answeredReply(QStringLiteral("9 to 5")));
    const auto found = cache.find(En, false, QStringLiteral("What are your opening hours?"));
    QVERIFY(found.has_value());
    QCOMPARE(found->text, QStringLiteral("9 to 5"));
    QCOMPARE(found->sources.size(), 1);
    QCOMPARE(found->sources.front().id, 4);
    QCOMPARE(cache.hits(), 1);
    QCOMPARE(cache.misses(), 1);
}

void TestReplyCache::hitIsFlaggedAndCarriesNoUsage()
{
    ReplyCache cache(300);
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("9 to 5")));
    const auto found = cache.find(En, false, QStringLiteral("hours"));
    QVERIFY(found.has_value());
    QVERIFY(found->cacheHit);
    QCOMPARE(found->provider, QStringLiteral("anthropic"));
    QCOMPARE(found->model, QStringLiteral("claude-test"));
    QCOMPARE(found->tokensIn, 0);
    QCOMPARE(found->tokensOut, 0);
    QCOMPARE(found->costUsd, 0.0);
    QCOMPARE(found->latencyMs, 0);
}

void TestReplyCache::normalisedQuestionsShareAnEntry()
{
    ReplyCache cache(300);
    cache.insert(En, false, QStringLiteral("What are your opening hours?"), answeredReply(QStringLiteral("x")));
    QVERIFY(cache.find(En, false, QStringLiteral("  what ARE your\topening   hours ")).has_value());
    QVERIFY(cache.find(En, false, QStringLiteral("What are your opening hours?!…")).has_value());
    QVERIFY(cache.find(En, false, QStringLiteral("What are your opening hours ?")).has_value());
    QVERIFY(!cache.find(En, false, QStringLiteral("What are your closing hours?")).has_value());
    QCOMPARE(cache.hits(), 3);
    QCOMPARE(cache.misses(), 1);
}

void TestReplyCache::languageAndVerificationSeparateEntries()
{
    ReplyCache cache(300);
    cache.insert(En, false, QStringLiteral("fees"), answeredReply(QStringLiteral("anonymous")));
    QVERIFY(!cache.find(En, true, QStringLiteral("fees")).has_value());
    QVERIFY(!cache.find(Fr, false, QStringLiteral("fees")).has_value());
    cache.insert(En, true, QStringLiteral("fees"), answeredReply(QStringLiteral("verified")));
    QCOMPARE(cache.find(En, true, QStringLiteral("fees"))->text, QStringLiteral("verified"));
    QCOMPARE(cache.find(En, false, QStringLiteral("fees"))->text, QStringLiteral("anonymous"));
    QCOMPARE(cache.size(), 2);
}

void TestReplyCache::entryExpiresAtTheEndOfTheWindow()
{
    ManualClock clock;
    ReplyCache cache(300, 100, clock.clock());
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("x")));
    clock.advanceSeconds(299);
    QVERIFY(cache.find(En, false, QStringLiteral("hours")).has_value());
    clock.advanceSeconds(1);
    QVERIFY(!cache.find(En, false, QStringLiteral("hours")).has_value());
    QCOMPARE(cache.size(), 0); // the expired entry is gone, not just hidden
    QCOMPARE(cache.hits(), 1);
    QCOMPARE(cache.misses(), 1);
}

void TestReplyCache::reinsertRestartsTheWindow()
{
    ManualClock clock;
    ReplyCache cache(300, 100, clock.clock());
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("old")));
    clock.advanceSeconds(200);
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("new")));
    clock.advanceSeconds(200);
    const auto found = cache.find(En, false, QStringLiteral("hours"));
    QVERIFY(found.has_value());
    QCOMPARE(found->text, QStringLiteral("new"));
    QCOMPARE(cache.size(), 1);
}

void TestReplyCache::neverCachesUnansweredFallbackOrCachedReplies()
{
    ReplyCache cache(300);
    AssistantReply unanswered = answeredReply(QStringLiteral("I don't know"));
    unanswered.answered = false;
    AssistantReply fallback = answeredReply(QStringLiteral("local instead"));
    fallback.fallback = true;
    AssistantReply cached = answeredReply(QStringLiteral("from the cache"));
    cached.cacheHit = true;
    cache.insert(En, false, QStringLiteral("a"), unanswered);
    cache.insert(En, false, QStringLiteral("b"), fallback);
    cache.insert(En, false, QStringLiteral("c"), cached);
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(En, false, QStringLiteral("a")).has_value());
    QVERIFY(!cache.find(En, false, QStringLiteral("b")).has_value());
    QVERIFY(!cache.find(En, false, QStringLiteral("c")).has_value());
}

void TestReplyCache::evictsTheLeastRecentlyUsedBeyondCapacity()
{
    ReplyCache cache(300, 3);
    cache.insert(En, false, QStringLiteral("one"), answeredReply(QStringLiteral("1")));
    cache.insert(En, false, QStringLiteral("two"), answeredReply(QStringLiteral("2")));
    cache.insert(En, false, QStringLiteral("three"), answeredReply(QStringLiteral("3")));
    QVERIFY(cache.find(En, false, QStringLiteral("one")).has_value()); // "two" is now the least recent
    cache.insert(En, false, QStringLiteral("four"), answeredReply(QStringLiteral("4")));
    QCOMPARE(cache.size(), 3);
    QVERIFY(!cache.find(En, false, QStringLiteral("two")).has_value());
    QVERIFY(cache.find(En, false, QStringLiteral("one")).has_value());
    QVERIFY(cache.find(En, false, QStringLiteral("three")).has_value());
    QVERIFY(cache.find(En, false, QStringLiteral("four")).has_value());
}

void TestReplyCache::zeroWindowTurnsTheCacheOff()
{
    ReplyCache cache(0);
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("x")));
    QVERIFY(!cache.find(En, false, QStringLiteral("hours")).has_value());
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.misses(), 1);
}

void TestReplyCache::emptyQuestionIsNeverCached()
{
    ReplyCache cache(300);
    cache.insert(En, false, QStringLiteral("  ?! "), answeredReply(QStringLiteral("x")));
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(En, false, QStringLiteral("?")).has_value());
}

void TestReplyCache::clearEmptiesTheCache()
{
    ReplyCache cache(300);
    cache.insert(En, false, QStringLiteral("hours"), answeredReply(QStringLiteral("x")));
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(En, false, QStringLiteral("hours")).has_value());
}

void TestReplyCache::concurrentUseKeepsCountsAndBound()
{
    constexpr int kCapacity = 50;
    constexpr int kTasks = 8;
    constexpr int kPerTask = 2000;
    ReplyCache cache(300, kCapacity);
    std::atomic<int> found{0};
    std::atomic<int> wrong{0};
    QThreadPool pool;
    pool.setMaxThreadCount(kTasks);
    for (int t = 0; t < kTasks; ++t) {
        pool.start([&cache, &found, &wrong, t] {
            for (int i = 0; i < kPerTask; ++i) {
                const QString question = QStringLiteral("question %1").arg((i * 7 + t) % 80);
                if (i % 3 == 0)
                    cache.insert(En, (i % 2) == 0, question, answeredReply(question));
                if (const auto hit = cache.find(En, (i % 2) == 0, question)) {
                    ++found;
                    if (hit->text != question || !hit->cacheHit)
                        ++wrong;
                }
            }
        });
    }
    pool.waitForDone();
    QCOMPARE(wrong.load(), 0);
    QVERIFY(found.load() > 0);
    QCOMPARE(cache.hits() + cache.misses(), qint64(kTasks) * kPerTask);
    QCOMPARE(cache.hits(), qint64(found.load()));
    QVERIFY(cache.size() <= kCapacity);
}

QTEST_GUILESS_MAIN(TestReplyCache)
#include "tst_replycache.moc"
