// The remote assistant providers (Anthropic Messages, OpenAI Chat Completions) against the local
// stand-in that speaks both wire formats: requests as the vendors document them, complete and
// streamed answers, retries with back-off, time-outs, malformed and cut answers, cost, the factory's
// choice; and their parts (SSE parser, retry policy, prices, prompt).

#include "server/assistant/anthropicprovider.h"
#include "server/assistant/modelpricing.h"
#include "server/assistant/openaiprovider.h"
#include "server/assistant/promptbuilder.h"
#include "server/assistant/providerfactory.h"
#include "server/assistant/retrypolicy.h"
#include "server/assistant/sseparser.h"
#include "tests/support/aistandin.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

#include <memory>
#include <optional>

using namespace joxai;
using joxai::test::AiStandIn;
using Reply = AiStandIn::Reply;

namespace {

const QString kKey = QStringLiteral("sk-test-0123456789");

struct Outcome
{
    int calls = 0;
    std::optional<Result<AssistantReply>> result;
};

AssistantRequest sampleRequest()
{
    AssistantRequest r;
    r.conversationId = QStringLiteral("7f0c2a4e-0000-4000-8000-000000000001");
    r.language = QStringLiteral("en");
    r.question = QStringLiteral("I lost my card **** **** **** 1111, how do I block it?");
    r.intent = Intent::CardLost;
    r.history = {{QStringLiteral("assistant"), QStringLiteral("Hello, I am the bank's AI assistant.")},
                 {QStringLiteral("customer"), QStringLiteral("Hi")},
                 {QStringLiteral("assistant"), QStringLiteral("How can I help?")}};
    r.matches = {
        {11, QStringLiteral("Block a lost or stolen card"), QStringLiteral("Open the app, Cards, Block card."),
         QStringLiteral("cards"), QStringLiteral("en"), 9.5},
        {12, QStringLiteral("Order a replacement card"), QStringLiteral("A new card arrives in five working days."),
         QStringLiteral("cards"), QStringLiteral("en"), 7.0},
        {13, QStringLiteral("Emergency phone numbers"), QStringLiteral("Call +1 555 0100 day and night."),
         QStringLiteral("contact"), QStringLiteral("en"), 5.0},
        {14, QStringLiteral("Opening hours"), QStringLiteral("Branches open 9 to 17."), QStringLiteral("hours"),
         QStringLiteral("en"), 1.0},
    };
    return r;
}

RemoteSettings testSettings(const AiStandIn &stand, const QString &provider, bool stream)
{
    RemoteSettings s;
    s.baseUrl = provider == QLatin1String("anthropic") ? stand.baseUrl() : stand.openAiBaseUrl();
    s.apiKey = kKey;
    s.stream = stream;
    s.maxTokens = 300;
    s.retry.attemptTimeoutMs = 3000;
    s.retry.maxRetries = 2;
    s.retry.backoffBaseMs = 4; // fast tests: the back-off base is configurable
    s.retry.backoffMaxMs = 20;
    s.retry.retryAfterMaxMs = 150;
    s.retry.totalBudgetMs = 15000;
    return s;
}

std::unique_ptr<RemoteProvider> makeProvider(const QString &provider, const RemoteSettings &settings)
{
    if (provider == QLatin1String("anthropic"))
        return std::make_unique<AnthropicProvider>(settings);
    return std::make_unique<OpenAiProvider>(settings);
}

// Asks once and waits for `done`; checks it came exactly once and nothing is left in flight.
Outcome ask(RemoteProvider &provider, const AssistantRequest &request = sampleRequest(), int waitMs = 10000)
{
    // A local event loop rather than QTest::qWaitFor, which naps 10 ms between rounds and so
    // would slow the stand-in's streamed pieces down.
    QEventLoop loop;
    auto outcome = std::make_shared<Outcome>();
    provider.reply(request, [outcome, &loop](Result<AssistantReply> r) {
        ++outcome->calls;
        outcome->result = std::move(r);
        loop.quit();
    });
    if (outcome->calls != 0) {
        qWarning("done was called inside reply()");
        return *outcome;
    }
    QTimer::singleShot(waitMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (outcome->calls == 0)
        qWarning("no answer within %d ms", waitMs);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    if (provider.pendingCount() != 0)
        qWarning("a request is still in flight after done");
    return *outcome;
}

} // namespace

class TestAiProviders : public QObject
{
    Q_OBJECT

    void providerRows()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("stream");
        for (const char *p : {"anthropic", "openai"}) {
            QTest::addRow("%s complete", p) << QString::fromLatin1(p) << false;
            QTest::addRow("%s streamed", p) << QString::fromLatin1(p) << true;
        }
    }

private Q_SLOTS:
    // --- parts ---------------------------------------------------------------------------------

    void sseParserGivesTheSameEventsWhereverTheBytesAreSplit()
    {
        const QByteArray stream = "\xEF\xBB\xBF: keep-alive comment\r\n"
                                  "event: message_start\r\ndata: {\"a\":1}\r\n\r\n"
                                  "data: first line\ndata: second line\n\n"
                                  "event: ping\rdata: {}\r\r"
                                  "id: 7\nretry: 100\ndata:no-space\n\n"
                                  "data: [DONE]\n\n";
        const QList<QPair<QByteArray, QByteArray>> expected = {
            {"message_start", "{\"a\":1}"}, {"", "first line\nsecond line"}, {"ping", "{}"},
            {"", "no-space"},               {"", "[DONE]"},
        };
        auto check = [&](const QList<QByteArray> &chunks, const QByteArray &label) {
            SseParser parser;
            QList<SseEvent> events;
            for (const QByteArray &c : chunks)
                events += parser.feed(c);
            QVERIFY2(events.size() == expected.size(), label.constData());
            for (qsizetype i = 0; i < events.size(); ++i) {
                QVERIFY2(events.at(i).event == expected.at(i).first, label.constData());
                QVERIFY2(events.at(i).data == expected.at(i).second, label.constData());
            }
            QVERIFY2(!parser.hasPartialEvent(), label.constData());
        };
        check({stream}, "whole");
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            check({stream.left(cut), stream.mid(cut)}, "cut at " + QByteArray::number(cut));
        QList<QByteArray> bytes;
        for (char c : stream)
            bytes << QByteArray(1, c);
        check(bytes, "byte by byte");
    }

    void sseParserHoldsAnUnfinishedEvent()
    {
        SseParser parser;
        QVERIFY(parser.feed("event: content_block_delta\ndata: {\"x\"").isEmpty());
        QVERIFY(parser.hasPartialEvent());
        QCOMPARE(parser.feed(":1}\n\n").size(), 1);
        QVERIFY(!parser.hasPartialEvent());
    }

    void retryPolicyBacksOffExponentiallyWithJitter()
    {
        RetryPolicy p;
        p.backoffBaseMs = 100;
        p.backoffMaxMs = 1000;
        QRandomGenerator random(42);
        for (int i = 0; i < 200; ++i) {
            const int retry = i % 6;
            const int full = qMin(1000, 100 << retry);
            const int d = p.delayMs(retry, std::nullopt, &random);
            QVERIFY2(d >= full / 2 && d <= full, qPrintable(QStringLiteral("retry %1: %2").arg(retry).arg(d)));
        }
    }

    void retryPolicyHonoursRetryAfterWithinItsCap()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2025-03-01T10:00:00Z"), Qt::ISODate);
        QCOMPARE(RetryPolicy::parseRetryAfter("2", now), std::optional<qint64>(2000));
        QCOMPARE(RetryPolicy::parseRetryAfter(" 0 ", now), std::optional<qint64>(0));
        QCOMPARE(RetryPolicy::parseRetryAfter("Sat, 01 Mar 2025 10:00:05 GMT", now), std::optional<qint64>(5000));
        QVERIFY(!RetryPolicy::parseRetryAfter("", now));
        QVERIFY(!RetryPolicy::parseRetryAfter("-3", now));
        QVERIFY(!RetryPolicy::parseRetryAfter("soon", now));
        RetryPolicy p;
        p.backoffBaseMs = 10;
        p.backoffMaxMs = 10;
        p.retryAfterMaxMs = 3000;
        QRandomGenerator random(1);
        QCOMPARE(p.delayMs(0, 2000, &random), 2000);       // honoured
        QCOMPARE(p.delayMs(0, 3'600'000, &random), 3000);  // clamped
    }

    void retryPolicyRetriesOnlyWhatIsWorthIt()
    {
        for (int status : {400, 401, 403, 404, 422})
            QVERIFY2(!RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
        for (int status : {408, 429, 500, 502, 503, 504, 529})
            QVERIFY2(RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
        RetryPolicy p;
        p.attemptTimeoutMs = 1000;
        p.maxRetries = 2;
        p.totalBudgetMs = 3000;
        QVERIFY(p.allowsRetry(0, 0, 100));
        QVERIFY(p.allowsRetry(1, 1000, 100));
        QVERIFY(!p.allowsRetry(2, 0, 0));          // retries used up
        QVERIFY(!p.allowsRetry(0, 2800, 100));     // the budget is spent
        QCOMPARE(p.attemptTimeout(2500), 500);     // the last attempt gets what is left
        QCOMPARE(RetryPolicy{}.totalBudget(), 2 * RetryPolicy{}.attemptTimeoutMs);
    }

    void pricesComeFromTheTableByLongestPrefix()
    {
        QVERIFY(qFuzzyCompare(ModelPricing::estimateUsd(QStringLiteral("claude-3-5-haiku-20241022"), 1'000'000, 1'000'000), 4.8));
        QVERIFY(qFuzzyCompare(ModelPricing::estimateUsd(QStringLiteral("claude-3-5-haiku-latest"), 1'000'000, 0), 0.8));
        QVERIFY(qFuzzyCompare(ModelPricing::estimateUsd(QStringLiteral("gpt-4o-mini-2024-07-18"), 1000, 500), 0.00045));
        QVERIFY(qFuzzyCompare(ModelPricing::estimateUsd(QStringLiteral("gpt-4o-2024-08-06"), 1'000'000, 0), 2.5));
        QCOMPARE(ModelPricing::estimateUsd(QStringLiteral("llama-3.1-8b-instruct"), 1000, 1000), 0.0);
        QCOMPARE(ModelPricing::estimateUsd(QString(), 1000, 1000), 0.0);
    }

    void promptStatesTheRulesAndCarriesTheTopArticles()
    {
        PromptBuilder::Limits limits;
        limits.maxArticles = 3;
        limits.maxArticleChars = 60;
        AssistantRequest r = sampleRequest();
        r.language = QStringLiteral("fr");
        r.matches[0].content = QStringLiteral("word ").repeated(100);
        r.history.append({QStringLiteral("customer"), r.question}); // the stored question, passed again
        const Prompt p = PromptBuilder(limits).build(r);
        QVERIFY(p.system.contains(QStringLiteral("NEVER invent or guess account data")));
        QVERIFY(p.system.contains(QStringLiteral("cannot see any account")));
        QVERIFY(p.system.contains(QStringLiteral("offer to connect the customer with a person")));
        QVERIFY(p.system.contains(QStringLiteral("Answer in French")));
        QVERIFY(p.system.contains(QStringLiteral("not identified")));
        QVERIFY(p.system.contains(QStringLiteral("[1] Block a lost or stolen card")));
        QVERIFY(p.system.contains(QStringLiteral("[3] Emergency phone numbers")));
        QVERIFY(!p.system.contains(QStringLiteral("Opening hours")));  // only the top three
        QVERIFY(p.system.contains(QStringLiteral(" […]")));             // clipped
        QVERIFY(!p.system.contains(QStringLiteral("word ").repeated(20)));
        QCOMPARE(p.sources.size(), 3);
        QCOMPARE(p.sources.at(0).id, 11);
        // The greeting is dropped (messages start with the customer), roles alternate, the question
        // comes last and only once.
        QCOMPARE(p.messages.size(), 3);
        QCOMPARE(p.messages.at(0).role, QStringLiteral("user"));
        QCOMPARE(p.messages.at(0).content, QStringLiteral("Hi"));
        QCOMPARE(p.messages.at(1).role, QStringLiteral("assistant"));
        QCOMPARE(p.messages.at(2).role, QStringLiteral("user"));
        QCOMPARE(p.messages.at(2).content, r.question);
    }

    void promptSaysSoWhenNoArticleWasFound()
    {
        AssistantRequest r = sampleRequest();
        r.matches.clear();
        r.history.clear();
        r.verified = true;
        const Prompt p = PromptBuilder().build(r);
        QVERIFY(p.system.contains(QStringLiteral("none were found")));
        QVERIFY(p.system.contains(QStringLiteral("you still cannot see their accounts")));
        QVERIFY(p.sources.isEmpty());
        QCOMPARE(p.messages.size(), 1);
    }

    // --- providers against the stand-in ----------------------------------------------------------

    void answersAndSendsWhatTheVendorDocuments_data() { providerRows(); }
    void answersAndSendsWhatTheVendorDocuments()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.setExpectedKey(kKey);
        stand.setUsage(1000, 500);
        auto p = makeProvider(provider, testSettings(stand, provider, stream));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY2(o.result->ok(), qPrintable(o.result->error().detail));
        const AssistantReply &reply = o.result->value();
        QCOMPARE(reply.text, stand.replyText()); // streamed: assembled from the deltas
        QCOMPARE(reply.provider, provider);
        QCOMPARE(reply.model, p->defaultModel());
        QCOMPARE(reply.tokensIn, 1000);
        QCOMPARE(reply.tokensOut, 500);
        QVERIFY(reply.answered);
        QVERIFY(!reply.fallback);
        QVERIFY(reply.latencyMs >= 0);
        QVERIFY(qFuzzyCompare(reply.costUsd, ModelPricing::estimateUsd(reply.model, 1000, 500)));
        QVERIFY(reply.costUsd > 0);
        QCOMPARE(reply.sources.size(), 3); // the articles given as context
        QCOMPARE(reply.sources.at(0).id, 11);
        QCOMPARE(reply.sources.at(2).title, QStringLiteral("Emergency phone numbers"));

        QCOMPARE(stand.requestCount(), 1);
        const AiStandIn::Request r = stand.requests().first();
        QVERIFY2(r.problem.isEmpty(), qPrintable(r.problem));
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        if (provider == QLatin1String("anthropic")) {
            QCOMPARE(r.path, QByteArray("/v1/messages"));
            QCOMPARE(r.header("x-api-key"), kKey.toUtf8());
            QCOMPARE(r.header("anthropic-version"), QByteArray("2023-06-01"));
            QVERIFY(!r.hasHeader("authorization"));
            QCOMPARE(r.json.value(QStringLiteral("max_tokens")).toInt(), 300);
            for (const QJsonValue &m : r.json.value(QStringLiteral("messages")).toArray())
                QVERIFY(m.toObject().value(QStringLiteral("role")).toString() != QLatin1String("system"));
        } else {
            QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
            QCOMPARE(r.header("authorization"), "Bearer " + kKey.toUtf8());
            QVERIFY(!r.hasHeader("x-api-key"));
            QCOMPARE(r.json.value(QStringLiteral("messages")).toArray().first().toObject().value(QStringLiteral("role")).toString(),
                     QStringLiteral("system"));
            QCOMPARE(r.json.value(QStringLiteral("max_tokens")).toInt(), 300);
            QCOMPARE(r.json.contains(QStringLiteral("stream_options")), stream);
            if (stream)
                QVERIFY(r.json.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool());
        }
        QCOMPARE(r.streamed(), stream);
        QCOMPARE(r.model(), p->defaultModel());
        QVERIFY(r.systemPrompt().contains(QStringLiteral("NEVER invent or guess account data")));
        QVERIFY(r.systemPrompt().contains(QStringLiteral("Open the app, Cards, Block card.")));
        QVERIFY(r.body.contains("how do I block it?"));
        static const QRegularExpression cardNumber(QStringLiteral("\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}"));
        QVERIFY(!cardNumber.match(QString::fromUtf8(r.body)).hasMatch());
        QVERIFY(!r.body.contains(kKey.toUtf8()));
    }

    void retriesA429AfterItsRetryAfter_data() { providerRows(); }
    void retriesA429AfterItsRetryAfter()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.setRetryAfter("1"); // one second, clamped by retryAfterMaxMs (150 ms) to keep the test quick
        stand.script({Reply::Status429, Reply::Success});
        auto p = makeProvider(provider, testSettings(stand, provider, stream));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY2(o.result->ok(), qPrintable(o.result->error().detail));
        QCOMPARE(o.result->value().text, stand.replyText());
        QCOMPARE(stand.requestCount(), 2);
        QCOMPARE(stand.requests().at(0).status, 429);
        // The wait honoured Retry-After up to the cap, not the tiny back-off base.
        QVERIFY2(stand.requests().at(1).receivedAtMs - stand.requests().at(0).receivedAtMs >= 150,
                 qPrintable(QString::number(stand.requests().at(1).receivedAtMs - stand.requests().at(0).receivedAtMs)));
    }

    void givesUpWhenServerErrorsOutlastTheRetries_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("reply");
        QTest::addColumn<QString>("code");
        for (const char *p : {"anthropic", "openai"}) {
            QTest::addRow("%s 500", p) << QString::fromLatin1(p) << int(Reply::Status500) << QStringLiteral("ai_server_error");
            QTest::addRow("%s 529", p) << QString::fromLatin1(p) << int(Reply::Status529) << QStringLiteral("ai_overloaded");
            QTest::addRow("%s 429", p) << QString::fromLatin1(p) << int(Reply::Status429) << QStringLiteral("ai_rate_limited");
        }
    }
    void givesUpWhenServerErrorsOutlastTheRetries()
    {
        QFETCH(QString, provider);
        QFETCH(int, reply);
        QFETCH(QString, code);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.setRetryAfter("0");
        stand.script({Reply(reply), Reply(reply), Reply(reply), Reply::Success});
        auto p = makeProvider(provider, testSettings(stand, provider, false));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(!o.result->ok());
        QCOMPARE(o.result->error().code, code);
        QCOMPARE(o.result->error().kind, ErrorKind::Unavailable);
        QCOMPARE(stand.requestCount(), 3); // the first attempt and two retries, then no more
    }

    void doesNotRetryWhatWillFailAgain_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("reply");
        QTest::addColumn<QString>("code");
        for (const char *p : {"anthropic", "openai"}) {
            QTest::addRow("%s 400", p) << QString::fromLatin1(p) << int(Reply::Status400) << QStringLiteral("ai_rejected");
            QTest::addRow("%s 401", p) << QString::fromLatin1(p) << int(Reply::Status401) << QStringLiteral("ai_rejected");
            QTest::addRow("%s malformed", p) << QString::fromLatin1(p) << int(Reply::Malformed) << QStringLiteral("ai_malformed");
            QTest::addRow("%s empty text", p) << QString::fromLatin1(p) << int(Reply::EmptyText) << QStringLiteral("ai_empty_reply");
        }
    }
    void doesNotRetryWhatWillFailAgain()
    {
        QFETCH(QString, provider);
        QFETCH(int, reply);
        QFETCH(QString, code);
        for (bool stream : {false, true}) {
            AiStandIn stand;
            QVERIFY(stand.start());
            stand.script({Reply(reply), Reply::Success});
            auto p = makeProvider(provider, testSettings(stand, provider, stream));
            const Outcome o = ask(*p);
            QCOMPARE(o.calls, 1);
            QVERIFY(!o.result->ok());
            QCOMPARE(o.result->error().code, code);
            QCOMPARE(stand.requestCount(), 1);
        }
    }

    void aWrongKeyIsRefusedByTheStandInAndNotRetried_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("anthropic") << QStringLiteral("anthropic");
        QTest::newRow("openai") << QStringLiteral("openai");
    }
    void aWrongKeyIsRefusedByTheStandInAndNotRetried()
    {
        QFETCH(QString, provider);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.setExpectedKey(QStringLiteral("sk-the-right-one"));
        auto p = makeProvider(provider, testSettings(stand, provider, true));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(!o.result->ok());
        QCOMPARE(o.result->error().code, QStringLiteral("ai_rejected"));
        QVERIFY(o.result->error().detail.contains(QStringLiteral("401")));
        QVERIFY(!o.result->error().detail.contains(kKey));
        QCOMPARE(stand.requestCount(), 1);
        QVERIFY(!stand.requests().first().problem.isEmpty());
    }

    void timesOutEachAttemptAndThenGivesUp_data() { providerRows(); }
    void timesOutEachAttemptAndThenGivesUp()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::Timeout, Reply::Timeout, Reply::Timeout});
        RemoteSettings s = testSettings(stand, provider, stream);
        s.retry.attemptTimeoutMs = 150;
        s.retry.maxRetries = 1;
        auto p = makeProvider(provider, s);
        const Outcome o = ask(*p, sampleRequest(), 5000); // far more than 2 x 150 ms
        QCOMPARE(o.calls, 1);
        QVERIFY(!o.result->ok());
        QCOMPARE(o.result->error().code, QStringLiteral("ai_timeout"));
        QCOMPARE(stand.requestCount(), 2);
    }

    void aTimeOutThenAnAnswerSucceeds()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::Timeout, Reply::Success});
        RemoteSettings s = testSettings(stand, QStringLiteral("anthropic"), true);
        s.retry.attemptTimeoutMs = 1000;
        auto p = makeProvider(QStringLiteral("anthropic"), s);
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY2(o.result->ok(), qPrintable(o.result->error().detail));
        QCOMPARE(stand.requestCount(), 2);
    }

    void aCutStreamIsRetriedAndThenAnError_data() { providerRows(); }
    void aCutStreamIsRetriedAndThenAnError()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::StreamCut, Reply::StreamCut, Reply::StreamCut});
        auto p = makeProvider(provider, testSettings(stand, provider, stream));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(!o.result->ok());
        QCOMPARE(o.result->error().code, stream ? QStringLiteral("ai_stream_cut") : QStringLiteral("ai_unreachable"));
        QCOMPARE(stand.requestCount(), 3);

        stand.clear();
        stand.script({Reply::StreamCut, Reply::Success});
        const Outcome again = ask(*p);
        QCOMPARE(again.calls, 1);
        QVERIFY2(again.result->ok(), qPrintable(again.result->error().detail));
        QCOMPARE(again.result->value().text, stand.replyText()); // nothing of the cut attempt is kept
        QCOMPARE(stand.requestCount(), 2);
    }

    void anErrorEventInTheStreamIsRetried_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("anthropic") << QStringLiteral("anthropic");
        QTest::newRow("openai") << QStringLiteral("openai");
    }
    void anErrorEventInTheStreamIsRetried()
    {
        QFETCH(QString, provider);
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::StreamError, Reply::Success});
        auto p = makeProvider(provider, testSettings(stand, provider, true));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY2(o.result->ok(), qPrintable(o.result->error().detail));
        QCOMPARE(o.result->value().text, stand.replyText());
        QCOMPARE(stand.requestCount(), 2);
    }

    void aReplyTheArticlesCouldNotGiveCountsAsUnanswered()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.setReplyText(QStringLiteral("I cannot find this in our articles. Shall I connect you with a colleague? ")
                           + PromptBuilder::noAnswerMarker());
        auto p = makeProvider(QStringLiteral("openai"), testSettings(stand, QStringLiteral("openai"), true));
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(o.result->ok());
        QVERIFY(!o.result->value().answered);
        QCOMPARE(o.result->value().text,
                 QStringLiteral("I cannot find this in our articles. Shall I connect you with a colleague?"));
    }

    void aDeletedProviderAbortsSilently()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::Timeout});
        auto p = makeProvider(QStringLiteral("anthropic"), testSettings(stand, QStringLiteral("anthropic"), true));
        auto calls = std::make_shared<int>(0);
        p->reply(sampleRequest(), [calls](Result<AssistantReply>) { ++*calls; });
        QTRY_COMPARE(stand.requestCount(), 1);
        p.reset(); // the exchange and its posted events go with it
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(*calls, 0);
    }

    void doneMayDeleteTheProvider()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        auto p = makeProvider(QStringLiteral("openai"), testSettings(stand, QStringLiteral("openai"), true));
        bool called = false;
        p->reply(sampleRequest(), [&](Result<AssistantReply> r) {
            QVERIFY(r.ok());
            called = true;
            p.reset();
        });
        QTRY_VERIFY(called);
        QVERIFY(!p);
        QCoreApplication::processEvents();
    }

    void severalRepliesInFlightEachGetTheirOwnAnswer()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        stand.script({Reply::Status500, Reply::Success, Reply::Success, Reply::Success});
        auto p = makeProvider(QStringLiteral("anthropic"), testSettings(stand, QStringLiteral("anthropic"), true));
        auto calls = std::make_shared<QList<bool>>();
        for (int i = 0; i < 3; ++i)
            p->reply(sampleRequest(), [calls](Result<AssistantReply> r) { calls->append(r.ok()); });
        QTRY_COMPARE(calls->size(), 3);
        QCOMPARE(calls->count(true), 3);
        QCOMPARE(p->pendingCount(), 0);
        QCOMPARE(stand.requestCount(), 4);
    }

    void aBaseUrlEndingInV1IsNotDoubled()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        RemoteSettings s = testSettings(stand, QStringLiteral("anthropic"), false);
        s.baseUrl = stand.baseUrl() + QStringLiteral("/v1/");
        auto p = makeProvider(QStringLiteral("anthropic"), s);
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(o.result->ok());
        QCOMPARE(stand.requests().first().path, QByteArray("/v1/messages"));
    }

    void aLocalModelServerNeedsNoKey()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        RemoteSettings s = testSettings(stand, QStringLiteral("openai"), true);
        s.apiKey.clear();
        s.model = QStringLiteral("llama-3.1-8b-instruct");
        auto p = makeProvider(QStringLiteral("openai"), s);
        const Outcome o = ask(*p);
        QCOMPARE(o.calls, 1);
        QVERIFY(o.result->ok());
        QVERIFY(!stand.requests().first().hasHeader("authorization"));
        QCOMPARE(stand.requests().first().model(), QStringLiteral("llama-3.1-8b-instruct"));
        QCOMPARE(o.result->value().costUsd, 0.0); // not in the price table
    }

    // --- factory ---------------------------------------------------------------------------------

    void factoryFollowsTheChoiceRule()
    {
        Config c;
        QCOMPARE(ProviderFactory::choose(c), QStringLiteral("local"));
        QVERIFY(!ProviderFactory::create(c)); // local: built by the runtime
        c.openaiApiKey = QStringLiteral("sk-o");
        QCOMPARE(ProviderFactory::create(c)->name(), QStringLiteral("openai"));
        c.anthropicApiKey = QStringLiteral("sk-a");
        QCOMPARE(ProviderFactory::create(c)->name(), QStringLiteral("anthropic")); // Anthropic's key first
        c.aiProvider = QStringLiteral("openai");
        QCOMPARE(ProviderFactory::create(c)->name(), QStringLiteral("openai")); // AI_PROVIDER wins
        c.aiProvider = QStringLiteral("local");
        QVERIFY(!ProviderFactory::create(c));
    }

    void factoryPassesTheAssistantSettings()
    {
        Config c;
        c.aiTimeoutSeconds = 7;
        c.aiMaxRetries = 4;
        c.aiStream = false;
        c.aiMaxTokens = 250;
        c.aiModel = QStringLiteral("claude-3-5-sonnet-latest");
        c.anthropicApiKey = QStringLiteral("sk-a");
        const RemoteSettings s = ProviderFactory::remoteSettings(c, QStringLiteral("anthropic"));
        QCOMPARE(s.baseUrl, QStringLiteral("https://api.anthropic.com"));
        QCOMPARE(s.apiKey, QStringLiteral("sk-a"));
        QCOMPARE(s.retry.attemptTimeoutMs, 7000);
        QCOMPARE(s.retry.maxRetries, 4);
        QCOMPARE(s.stream, false);
        QCOMPARE(s.maxTokens, 250);
        QCOMPARE(s.model, QStringLiteral("claude-3-5-sonnet-latest"));
        QCOMPARE(ProviderFactory::remoteSettings(c, QStringLiteral("openai")).baseUrl,
                 QStringLiteral("https://api.openai.com/v1"));
    }

    void aFactoryMadeProviderTalksToItsBaseUrl()
    {
        AiStandIn stand;
        QVERIFY(stand.start());
        Config c;
        c.anthropicApiKey = kKey;
        c.anthropicBaseUrl = stand.baseUrl();
        c.aiModel = QStringLiteral("claude-3-5-haiku-20241022");
        auto provider = ProviderFactory::create(c);
        QVERIFY(provider);
        auto *remote = dynamic_cast<RemoteProvider *>(provider.get());
        QVERIFY(remote);
        const Outcome o = ask(*remote);
        QCOMPARE(o.calls, 1);
        QVERIFY2(o.result->ok(), qPrintable(o.result->error().detail));
        QCOMPARE(o.result->value().model, QStringLiteral("claude-3-5-haiku-20241022"));
        QVERIFY(o.result->value().costUsd > 0);
        QCOMPARE(stand.requests().first().header("x-api-key"), kKey.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestAiProviders)
#include "tst_aiproviders.moc"
