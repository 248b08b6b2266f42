// A customer's retried POST /chat/message (client_message_id) against a real server, on SQLite and
// PostgreSQL, with the local assistant and with a remote provider (the AI stand-in): a repeat of an
// answered message gets the very same answer and stores nothing; a repeat of a message whose turn
// was cut short after it was stored (the reply's commit failed) gets its reply then, and the
// message stays single with one reply; another text under the same key is 409, a malformed key
// 422; two attempts at once (one server, or two servers on one database) store one message and
// one reply; without a key nothing changes.

#include "server/storage/database.h"
#include "tests/support/aistandin.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

QByteArray messageBody(const ChatCustomer &c, const QString &text, const QJsonValue &key)
{
    QJsonObject o{{QStringLiteral("conversation_id"), c.conversationId()}, {QStringLiteral("message"), text}};
    if (!key.isUndefined())
        o.insert(QStringLiteral("client_message_id"), key);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestApiChatIdempotency : public QObject
{
    Q_OBJECT

private:
    AiStandIn m_stand;
    std::unique_ptr<TestServer> m_local; // for the many small cases

    std::unique_ptr<TestServer> serverFor(const QString &provider, const DatabaseTarget *shared = nullptr)
    {
        return std::make_unique<TestServer>([&](Config &c) {
            c.aiProvider = provider;
            c.anthropicApiKey = QStringLiteral("sk-ant-test-key");
            c.anthropicBaseUrl = m_stand.baseUrl();
            c.aiStream = true;
            c.aiTimeoutSeconds = 10;
            c.aiMaxRetries = 0;
            c.aiCacheSeconds = 0;
            if (shared)
                c.database = *shared;
        });
    }

    static HttpResult send(ChatCustomer &c, const QString &text, const QJsonValue &key = QJsonValue::Undefined)
    {
        return c.post(QStringLiteral("/api/v1/chat/message"), messageBody(c, text, key));
    }

    static qint64 count(TestServer &server, const QString &sql, const QVariantList &values = {})
    {
        SqlSession s = server.runtime().database().session();
        auto v = s.scalar(sql, values);
        return v && v->has_value() ? v->value().toLongLong() : -1;
    }

    static qint64 messagesBy(TestServer &server, const ChatCustomer &c, const QString &sender)
    {
        return count(server, QStringLiteral("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                            "WHERE c.public_id = ? AND m.sender = ?"),
                     {c.conversationId(), sender});
    }

    // Every message of the conversation, in order: "sender: body".
    static QStringList transcript(TestServer &server, const ChatCustomer &c)
    {
        SqlSession s = server.runtime().database().session();
        auto q = s.exec(QStringLiteral("SELECT m.sender, m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                       "WHERE c.public_id = ? ORDER BY m.id"),
                        {c.conversationId()});
        QStringList out;
        while (q && q->next())
            out << q->value(0).toString() + QStringLiteral(": ") + q->value(1).toString();
        return out;
    }

    // The state a turn cut short between its two commits leaves: the reply's commit fails.
    static bool refuseReplies(TestServer &server, bool refuse)
    {
        SqlSession s = server.runtime().database().session();
        QStringList sql;
        if (server.database().isPostgres()) {
            sql = refuse ? QStringList{QStringLiteral("CREATE FUNCTION test_no_replies() RETURNS trigger LANGUAGE plpgsql AS "
                                                      "$$ BEGIN RAISE EXCEPTION 'replies refused by the test'; END $$"),
                                       QStringLiteral("CREATE TRIGGER test_no_replies BEFORE INSERT ON messages FOR EACH ROW "
                                                      "WHEN (NEW.sender = 'assistant') EXECUTE FUNCTION test_no_replies()")}
                         : QStringList{QStringLiteral("DROP TRIGGER test_no_replies ON messages"),
                                       QStringLiteral("DROP FUNCTION test_no_replies()")};
        } else {
            sql = refuse ? QStringList{QStringLiteral("CREATE TRIGGER test_no_replies BEFORE INSERT ON messages "
                                                      "WHEN NEW.sender = 'assistant' BEGIN "
                                                      "SELECT RAISE(ABORT, 'replies refused by the test'); END")}
                         : QStringList{QStringLiteral("DROP TRIGGER test_no_replies")};
        }
        for (const QString &statement : sql) {
            if (!s.execRaw(statement).ok())
                return false;
        }
        return true;
    }

    // Sends every body at once (one connection each) and waits for all the answers.
    static QList<HttpResult> sendTogether(const QList<QPair<QString, QByteArray>> &targets, const ChatCustomer &c)
    {
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        for (const auto &[baseUrl, body] : targets) {
            QNetworkRequest req(QUrl(baseUrl + QStringLiteral("/api/v1/chat/message")));
            for (const auto &[name, value] : c.sessionHeader())
                req.setRawHeader(name, value);
            replies << nam.post(req, body);
        }
        (void)QTest::qWaitFor([&] { // a reply left unfinished shows as status 0 below
            return std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); });
        }, 20000);
        QList<HttpResult> out;
        for (QNetworkReply *r : replies) {
            HttpResult h;
            h.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            h.body = r->readAll();
            out << h;
            r->deleteLater();
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_stand.start());
        m_stand.setReplyText(QStringLiteral("Our branches open at 9:00 on weekdays."));
    }

    void cleanupTestCase() { m_local.reset(); }

    void init()
    {
        m_stand.clear();
        m_stand.setChunkDelayMs(1);
    }

    void repeatAfterAnAnswerGetsTheSameAnswer_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("anthropic") << QStringLiteral("anthropic");
    }

    void repeatAfterAnAnswerGetsTheSameAnswer()
    {
        QFETCH(QString, provider);
        auto server = serverFor(provider);
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);

        const HttpResult first = send(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("msg-1_a"));
        QVERIFY2(first.status == 200, first.body.constData());
        QVERIFY(!first.json().value(QStringLiteral("response")).toString().isEmpty());
        const QStringList afterFirst = transcript(*server, customer);
        QCOMPARE(afterFirst.size(), 3); // greeting, question, answer

        const HttpResult repeat = send(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("msg-1_a"));
        QVERIFY2(repeat.status == 200, repeat.body.constData());
        QCOMPARE(repeat.json(), first.json());
        QCOMPARE(transcript(*server, customer), afterFirst);

        // Still the first answer after the conversation moved on (another message, a person took it).
        QCOMPARE(send(customer, QStringLiteral("Thanks"), QStringLiteral("msg-2")).status, 200);
        QCOMPARE(customer.escalate().status, 200);
        const HttpResult later = send(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("msg-1_a"));
        QCOMPARE(later.status, 200);
        QCOMPARE(later.json(), first.json());
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("customer")), 2);
        if (provider != QLatin1String("local"))
            QCOMPARE(m_stand.requestCount(), 2); // "What are your opening hours?" and "Thanks", once each
    }

    void repeatOfATurnCutShortGetsItsReplyOnce()
    {
        auto server = serverFor(QStringLiteral("anthropic"));
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);

        QVERIFY(refuseReplies(*server, true));
        const HttpResult cut = send(customer, QStringLiteral("When do you open?"), QStringLiteral("cut-1"));
        QVERIFY(refuseReplies(*server, false));
        QVERIFY2(cut.status >= 500, cut.body.constData());
        // What the failure left: the message, committed, without a reply or a kept answer.
        QCOMPARE(transcript(*server, customer).size(), 2);
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM messages WHERE client_message_id = ? "
                                               "AND client_answer IS NULL"),
                       {QStringLiteral("cut-1")}),
                 1);
        const qint64 storedId = count(*server, QStringLiteral("SELECT id FROM messages WHERE client_message_id = ?"),
                                      {QStringLiteral("cut-1")});

        const HttpResult retried = send(customer, QStringLiteral("When do you open?"), QStringLiteral("cut-1"));
        QVERIFY2(retried.status == 200, retried.body.constData());
        QCOMPARE(retried.json().value(QStringLiteral("message_id")).toInteger(), storedId);
        QCOMPARE(retried.json().value(QStringLiteral("response")).toString(), m_stand.replyText());
        const QStringList after = transcript(*server, customer);
        QCOMPARE(after.size(), 3);
        QCOMPARE(after.at(1), QStringLiteral("customer: When do you open?"));
        QCOMPARE(after.at(2), QStringLiteral("assistant: ") + m_stand.replyText());
        QCOMPARE(m_stand.requestCount(), 2); // asked again for the stored message
        // The provider saw the stored message once, not twice, in what it was given.
        QCOMPARE(m_stand.requests().last().body.count("When do you open?"), 1);

        const HttpResult again = send(customer, QStringLiteral("When do you open?"), QStringLiteral("cut-1"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json(), retried.json());
        QCOMPARE(transcript(*server, customer), after);
        QCOMPARE(m_stand.requestCount(), 2);
    }

    void sameKeyWithAnotherTextIsAConflict()
    {
        auto server = serverFor(QStringLiteral("local"));
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(send(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("k1")).status, 200);

        const HttpResult other = send(customer, QStringLiteral("How do I block my card?"), QStringLiteral("k1"));
        QCOMPARE(other.status, 409);
        QCOMPARE(other.code(), QStringLiteral("idempotency_conflict"));
        QVERIFY(!other.json().value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(transcript(*server, customer).size(), 3);

        // The key is the conversation's own: another conversation may use it for its first message.
        ChatCustomer second(http);
        QCOMPARE(second.start().status, 201);
        const HttpResult elsewhere = send(second, QStringLiteral("How do I block my card?"), QStringLiteral("k1"));
        QCOMPARE(elsewhere.status, 200);
        QCOMPARE(messagesBy(*server, second, QStringLiteral("customer")), 1);
    }

    void malformedKeysAreRefused_data()
    {
        QTest::addColumn<QJsonValue>("key");
        QTest::newRow("empty") << QJsonValue(QString());
        QTest::newRow("65 characters") << QJsonValue(QString(65, QLatin1Char('a')));
        QTest::newRow("space") << QJsonValue(QStringLiteral("a b"));
        QTest::newRow("padded") << QJsonValue(QStringLiteral(" abc"));
        QTest::newRow("slash") << QJsonValue(QStringLiteral("a/b"));
        QTest::newRow("non-ASCII") << QJsonValue(QStringLiteral("cl\u00e9"));
        QTest::newRow("number") << QJsonValue(12345);
        QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("id"), 1}});
    }

    void malformedKeysAreRefused()
    {
        QFETCH(QJsonValue, key);
        if (!m_local)
            m_local = serverFor(QStringLiteral("local"));
        TestServer *server = m_local.get();
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult r = send(customer, QStringLiteral("What are your opening hours?"), key);
        QVERIFY2(r.status == 422, r.body.constData());
        QCOMPARE(r.code(), QStringLiteral("validation_error"));
        QVERIFY(r.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("client_message_id")));
        QCOMPARE(transcript(*server, customer).size(), 1); // the greeting only

        // The longest allowed key, every allowed character, is fine.
        const QString longest = QStringLiteral("Az09_-") + QString(58, QLatin1Char('x'));
        QCOMPARE(send(customer, QStringLiteral("What are your opening hours?"), longest).status, 200);
    }

    void attemptsAtOnceStoreOneMessage_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("twoServers");
        QTest::newRow("local, one server") << QStringLiteral("local") << false;
        QTest::newRow("anthropic, one server") << QStringLiteral("anthropic") << false;
        QTest::newRow("local, two servers on one database") << QStringLiteral("local") << true;
    }

    void attemptsAtOnceStoreOneMessage()
    {
        QFETCH(QString, provider);
        QFETCH(bool, twoServers);
        m_stand.setChunkDelayMs(100); // the provider takes a while: the repeat arrives meanwhile
        auto server = serverFor(provider);
        QVERIFY2(server->started(), qPrintable(server->startError()));
        std::unique_ptr<TestServer> other;
        if (twoServers) {
            other = serverFor(provider, &server->config().database);
            QVERIFY2(other->started(), qPrintable(other->startError()));
        }
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);

        const QByteArray body = messageBody(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("twice"));
        const QString secondUrl = other ? other->baseUrl() : server->baseUrl();
        const QList<HttpResult> answers = sendTogether({{server->baseUrl(), body}, {secondUrl, body},
                                                        {server->baseUrl(), body}}, customer);
        QCOMPARE(answers.size(), 3);
        int answered = 0;
        QJsonObject answer;
        for (const HttpResult &r : answers) {
            // Two servers: the loser of the race may meet the winner still answering (409, retry).
            if (r.status == 409) {
                QCOMPARE(r.code(), QStringLiteral("idempotency_in_progress"));
                QVERIFY(twoServers);
                continue;
            }
            QVERIFY2(r.status == 200, r.body.constData());
            if (answered++ == 0)
                answer = r.json();
            QCOMPARE(r.json(), answer);
        }
        QVERIFY(answered >= 2);
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("customer")), 1);
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("assistant")), 2); // the greeting and one reply
        if (provider != QLatin1String("local"))
            QCOMPARE(m_stand.requestCount(), 1);
        // Whoever answered, a later repeat gets that same answer.
        const HttpResult later = send(customer, QStringLiteral("What are your opening hours?"), QStringLiteral("twice"));
        QCOMPARE(later.status, 200);
        QCOMPARE(later.json(), answer);
    }

    void withoutAKeyNothingChanges()
    {
        auto server = serverFor(QStringLiteral("local"));
        QVERIFY2(server->started(), qPrintable(server->startError()));
        HttpClient http(server->baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult first = customer.say(QStringLiteral("What are your opening hours?"));
        const HttpResult second = customer.say(QStringLiteral("What are your opening hours?"));
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        // Each is a message of its own, answered on its own, with the fields of before.
        QVERIFY(second.json().value(QStringLiteral("message_id")).toInteger()
                > first.json().value(QStringLiteral("message_id")).toInteger());
        const QStringList keys = first.json().keys();
        QCOMPARE(keys, QStringLiteral("conversation_id escalated fallback message_id response response_id sources status")
                           .split(QLatin1Char(' ')));
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("customer")), 2);
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("assistant")), 3);
        QCOMPARE(count(*server, QStringLiteral("SELECT COUNT(*) FROM messages WHERE client_message_id IS NOT NULL "
                                               "OR client_answer IS NOT NULL")),
                 0);
        // A null key is no key.
        QCOMPARE(send(customer, QStringLiteral("Thanks"), QJsonValue::Null).status, 200);
        QCOMPARE(send(customer, QStringLiteral("Thanks"), QJsonValue::Null).status, 200);
        QCOMPARE(messagesBy(*server, customer, QStringLiteral("customer")), 4);
    }
};

QTEST_GUILESS_MAIN(TestApiChatIdempotency)
#include "tst_api_chat_idempotency.moc"
