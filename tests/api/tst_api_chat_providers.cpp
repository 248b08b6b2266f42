// The customer chat with a remote assistant (Anthropic or an OpenAI-compatible server), stood in
// for by a local server that speaks their wire formats: answers arrive (complete and streamed),
// what is sent is redacted and carries the no-invented-data rule, usage is recorded, and when the
// provider fails (errors, time-out, malformed answers) the local assistant answers instead and
// the reply is flagged — the customer always gets an answer and never loses a message.

#include "server/storage/database.h"
#include "tests/support/aistandin.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/testserver.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiChatProviders : public QObject
{
    Q_OBJECT

private:
    AiStandIn m_stand;

    std::unique_ptr<TestServer> serverFor(const QString &provider, bool stream)
    {
        const QString base = provider == QLatin1String("anthropic") ? m_stand.baseUrl() : m_stand.openAiBaseUrl();
        auto server = std::make_unique<TestServer>([&](Config &c) {
            c.aiProvider = provider;
            c.anthropicApiKey = QStringLiteral("sk-ant-test-key");
            c.openaiApiKey = QStringLiteral("sk-openai-test-key");
            c.anthropicBaseUrl = base;
            c.openaiBaseUrl = base;
            c.aiStream = stream;
            c.aiTimeoutSeconds = 1;
            c.aiMaxRetries = 1;
            c.aiCacheSeconds = 0;
        });
        return server;
    }

    static qint64 count(TestServer &server, const QString &sql, const QVariantList &values = {})
    {
        SqlSession s = server.runtime().database().session();
        auto v = s.scalar(sql, values);
        return v && v->has_value() ? v->value().toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stand.start());
        m_stand.setReplyText(QStringLiteral("Our branches open at 9:00 on weekdays."));
        m_stand.setRetryAfter(QByteArrayLiteral("0"));
    }

    void init() { m_stand.clear(); }

    void remoteProvidersAnswerTheCustomer_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("stream");
        QTest::newRow("anthropic") << QStringLiteral("anthropic") << false;
        QTest::newRow("anthropic streamed") << QStringLiteral("anthropic") << true;
        QTest::newRow("openai") << QStringLiteral("openai") << false;
        QTest::newRow("openai streamed") << QStringLiteral("openai") << true;
    }

    void remoteProvidersAnswerTheCustomer()
    {
        QFETCH(QString, provider);
        QFETCH(bool, stream);
        auto server = serverFor(provider, stream);
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult r = customer.say(QStringLiteral("When do you open? My card is 4111 1111 1111 1111"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("response")).toString(), m_stand.replyText());
        QCOMPARE(r.json().value(QStringLiteral("fallback")).toBool(), false);

        QCOMPARE(m_stand.requestCount(), 1);
        const AiStandIn::Request sent = m_stand.requests().first();
        QVERIFY2(sent.problem.isEmpty(), qPrintable(sent.problem));
        QCOMPARE(sent.streamed(), stream);
        if (provider == QLatin1String("anthropic")) {
            QCOMPARE(sent.header("x-api-key"), QByteArrayLiteral("sk-ant-test-key"));
            QVERIFY(!sent.header("anthropic-version").isEmpty());
        } else {
            QCOMPARE(sent.header("authorization"), QByteArrayLiteral("Bearer sk-openai-test-key"));
        }
        // What leaves for the provider is redacted and says never to invent account data.
        QVERIFY(!sent.body.contains("4111 1111 1111 1111"));
        QVERIFY(!sent.body.contains("4111111111111111"));
        QVERIFY(sent.systemPrompt().contains(QStringLiteral("account"), Qt::CaseInsensitive));
        QVERIFY(sent.body.contains("opening") || sent.body.contains("Opening")); // the retrieved article went along

        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM ai_usage WHERE provider = ? AND tokens_in > 0 "
                                               "AND tokens_out > 0 AND fallback = ?"),
                       {provider, false}),
                 1);
    }

    void failuresFallBackToTheLocalAssistant_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QList<AiStandIn::Reply>>("script");
        using R = AiStandIn::Reply;
        QTest::newRow("anthropic 529 twice") << QStringLiteral("anthropic") << QList<R>{R::Status529, R::Status529};
        QTest::newRow("anthropic 500 twice") << QStringLiteral("anthropic") << QList<R>{R::Status500, R::Status500};
        QTest::newRow("anthropic time-out") << QStringLiteral("anthropic") << QList<R>{R::Timeout, R::Timeout};
        QTest::newRow("anthropic malformed") << QStringLiteral("anthropic") << QList<R>{R::Malformed};
        QTest::newRow("openai 429 twice") << QStringLiteral("openai") << QList<R>{R::Status429, R::Status429};
        QTest::newRow("openai stream cut") << QStringLiteral("openai") << QList<R>{R::StreamCut, R::StreamCut};
        QTest::newRow("openai wrong key") << QStringLiteral("openai") << QList<R>{R::Status401};
    }

    void failuresFallBackToTheLocalAssistant()
    {
        QFETCH(QString, provider);
        QFETCH(QList<AiStandIn::Reply>, script);
        auto server = serverFor(provider, true);
        QVERIFY(server->started());
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        m_stand.script(script);
        const HttpResult r = customer.say(QStringLiteral("What are your opening hours?"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("fallback")).toBool(), true);
        QVERIFY(!r.json().value(QStringLiteral("response")).toString().isEmpty());
        QVERIFY(r.json().value(QStringLiteral("response")).toString() != m_stand.replyText());
        QVERIFY(!r.json().value(QStringLiteral("sources")).toArray().isEmpty()); // the local answer is sourced
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM conversations WHERE public_id = ? AND ai_fallback = ?"),
                       {customer.conversationId(), true}),
                 1);
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM ai_usage WHERE fallback = ?"), {true}), 1);
        // The customer's message was kept, before and whatever the provider did.
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                               "WHERE c.public_id = ? AND m.sender = 'customer'"),
                       {customer.conversationId()}),
                 1);
        // The next turn tries the provider again, and it answers.
        const HttpResult next = customer.say(QStringLiteral("And on Saturdays?"));
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json().value(QStringLiteral("response")).toString(), m_stand.replyText());
    }

    void identicalQuestionsAreAnsweredFromTheCache()
    {
        auto server = std::make_unique<TestServer>([&](Config &c) {
            c.aiProvider = QStringLiteral("anthropic");
            c.anthropicApiKey = QStringLiteral("sk-ant-test-key");
            c.anthropicBaseUrl = m_stand.baseUrl();
            c.aiCacheSeconds = 300;
        });
        QVERIFY(server->started());
        HttpClient http(server->baseUrl());
        ChatCustomer first(http), second(http);
        QCOMPARE(first.start().status, 201);
        QCOMPARE(second.start().status, 201);
        QCOMPARE(first.say(QStringLiteral("What are your opening hours?")).status, 200);
        const HttpResult again = second.say(QStringLiteral("what are your opening hours"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("response")).toString(), m_stand.replyText());
        QCOMPARE(m_stand.requestCount(), 1);
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM ai_usage WHERE cache_hit = ?"), {true}), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiChatProviders)
#include "tst_api_chat_providers.moc"
