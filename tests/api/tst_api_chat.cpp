// The customer chat against a real server (SQLite and PostgreSQL): conversations and their session
// tokens, answers from the default knowledge base in English and French, card numbers masked
// everywhere, escalation (asked for, automatic, after two unanswered turns) with a ticket, rating,
// closing, and every kind of bad input refused without storing anything.

#include "server/auth/identitytoken.h"
#include "server/storage/database.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/testserver.h"

#include <QJsonDocument>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {
const QByteArray kIdentitySecret = QByteArrayLiteral("widget-identity-secret-for-tests");
}

class TestApiChat : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;

    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        SqlSession s = m_server->runtime().database().session();
        auto v = s.scalar(sql, values);
        return v && v->has_value() ? v->value().toLongLong() : -1;
    }

    qint64 messagesOf(const ChatCustomer &c)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                                    "WHERE c.public_id = ?"),
                     {c.conversationId()});
    }

    QString statusOf(const ChatCustomer &c)
    {
        SqlSession s = m_server->runtime().database().session();
        auto v = s.scalar(QStringLiteral("SELECT status FROM conversations WHERE public_id = ?"), {c.conversationId()});
        return v && v->has_value() ? v->value().toString() : QString();
    }

    // Every stored text of the database that could hold what a customer typed.
    QString everythingStored()
    {
        SqlSession s = m_server->runtime().database().session();
        QString all;
        const QStringList queries{QStringLiteral("SELECT body FROM messages"),
                                  QStringLiteral("SELECT description FROM tickets"),
                                  QStringLiteral("SELECT payload FROM events"),
                                  QStringLiteral("SELECT details FROM audit_log")};
        for (const QString &sql : queries) {
            auto q = s.exec(sql);
            while (q && q->next())
                all += q->value(0).toString() + QLatin1Char('\n');
        }
        return all;
    }

    static void expectError(const HttpResult &r, int status, const QString &code = {})
    {
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
        if (!code.isEmpty())
            QCOMPARE(r.code(), code);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Config &c) { c.widgetIdentitySecret = QString::fromLatin1(kIdentitySecret); });
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    }

    void startGivesAnUnguessableConversationAndAnAiGreeting_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("aiWord");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("AI");
        QTest::newRow("fr") << QStringLiteral("fr-FR") << QStringLiteral("IA");
    }

    void startGivesAnUnguessableConversationAndAnAiGreeting()
    {
        QFETCH(QString, language);
        QFETCH(QString, aiWord);
        ChatCustomer customer(*m_http);
        const HttpResult r = customer.start(language);
        QCOMPARE(r.status, 201);
        const QJsonObject body = r.json();
        QVERIFY(QUuid::fromString(customer.conversationId()).version() == QUuid::Random);
        QVERIFY(customer.sessionToken().size() >= 22); // ≥ 128 bits, base64url
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("bot"));
        QCOMPARE(body.value(QStringLiteral("verified")).toBool(), false);
        const QString greeting = body.value(QStringLiteral("greeting")).toString();
        QVERIFY2(greeting.contains(aiWord), qPrintable(greeting));
        // The greeting opens the transcript, so a reloaded widget shows it again.
        const HttpResult transcript = customer.messagesAfter(0);
        QCOMPARE(transcript.status, 200);
        QCOMPARE(transcript.items().first().toObject().value(QStringLiteral("body")).toString(), greeting);
    }

    void sessionTokenIsStoredOnlyAsAHash()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        SqlSession s = m_server->runtime().database().session();
        auto hash = s.scalar(QStringLiteral("SELECT session_token_hash FROM conversations WHERE public_id = ?"),
                             {customer.conversationId()});
        QVERIFY(hash && hash->has_value());
        QVERIFY(!hash->value().toString().contains(customer.sessionToken()));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE session_token_hash = ?"),
                       {customer.sessionToken()}), 0);
    }

    void aSessionTokenOpensOnlyItsOwnConversation()
    {
        ChatCustomer alice(*m_http), bob(*m_http);
        QCOMPARE(alice.start().status, 201);
        QCOMPARE(bob.start().status, 201);
        ChatCustomer intruder(alice);
        intruder.setSessionToken(bob.sessionToken());
        expectError(intruder.messagesAfter(0), 404, QStringLiteral("conversation_not_found"));
        expectError(intruder.say(QStringLiteral("hello")), 404, QStringLiteral("conversation_not_found"));
        expectError(intruder.escalate(), 404);
        expectError(intruder.rate(5), 404);
        expectError(intruder.close(), 404);
        intruder.setSessionToken(QString());
        expectError(intruder.messagesAfter(0), 404);
        // Unknown and malformed ids look the same as someone else's.
        const HttpClient::Headers headers = alice.sessionHeader();
        expectError(m_http->request("GET", QStringLiteral("/api/v1/chat/%1/messages").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), {}, headers), 404);
        expectError(m_http->request("GET", QStringLiteral("/api/v1/chat/not-a-uuid/messages"), {}, headers), 404);
        expectError(m_http->request("GET", QStringLiteral("/api/v1/chat/1/messages"), {}, headers), 404);
        QCOMPARE(messagesOf(alice), 1); // the greeting only: nothing was stored by the attempts
    }

    void answersEverydayQuestionsFromTheKnowledgeBaseWithSources_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("question");
        QTest::newRow("en password") << QStringLiteral("en") << QStringLiteral("How do I reset my online banking password?");
        QTest::newRow("en hours") << QStringLiteral("en") << QStringLiteral("What are your opening hours?");
        QTest::newRow("en transfer") << QStringLiteral("en") << QStringLiteral("How do I make an international transfer?");
        QTest::newRow("fr password") << QStringLiteral("fr") << QStringLiteral("Comment réinitialiser mon mot de passe ?");
        QTest::newRow("fr hours") << QStringLiteral("fr") << QStringLiteral("Quels sont vos horaires d'ouverture ?");
        QTest::newRow("fr account") << QStringLiteral("fr") << QStringLiteral("Quels documents pour ouvrir un compte ?");
    }

    void answersEverydayQuestionsFromTheKnowledgeBaseWithSources()
    {
        QFETCH(QString, language);
        QFETCH(QString, question);
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start(language).status, 201);
        const HttpResult r = customer.say(question);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("bot"));
        QCOMPARE(body.value(QStringLiteral("escalated")).toBool(), false);
        QVERIFY(body.value(QStringLiteral("message_id")).toInteger() > 0);
        const QString response = body.value(QStringLiteral("response")).toString();
        QVERIFY2(response.size() > 40, qPrintable(response));
        const QJsonArray sources = body.value(QStringLiteral("sources")).toArray();
        QVERIFY2(!sources.isEmpty(), qPrintable(QString::fromUtf8(r.body)));
        const qint64 articleId = sources.first().toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM knowledge_articles WHERE id = ? AND status = 'published' "
                                      "AND language = ?"),
                       {articleId, language}),
                 1);
        // The transcript holds greeting, question and the sourced answer, in order.
        const QJsonArray items = customer.messagesAfter(0).items();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[1].toObject().value(QStringLiteral("sender")).toString(), QStringLiteral("customer"));
        QCOMPARE(items[2].toObject().value(QStringLiteral("sender")).toString(), QStringLiteral("assistant"));
        QVERIFY(items[1].toObject().value(QStringLiteral("id")).toInteger() < items[2].toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(items[2].toObject().value(QStringLiteral("sources")).toArray(), sources);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ai_usage u JOIN conversations c ON c.id = u.conversation_id "
                                      "WHERE c.public_id = ? AND u.provider = 'local'"),
                       {customer.conversationId()}),
                 1);
    }

    void saysPlainlyWhenItDoesNotKnow()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult r = customer.say(QStringLiteral("xqzv blorf wibble"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("sources")).toArray().isEmpty());
        QCOMPARE(r.json().value(QStringLiteral("escalated")).toBool(), false);
        QVERIFY(!r.json().value(QStringLiteral("response")).toString().isEmpty());
    }

    void twoUnansweredTurnsInARowEscalate()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(customer.say(QStringLiteral("xqzv blorf wibble")).json().value(QStringLiteral("escalated")).toBool(), false);
        const HttpResult second = customer.say(QStringLiteral("plonk zarquon frood"));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(QStringLiteral("escalated")).toBool(), true);
        QCOMPARE(second.json().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM tickets t JOIN conversations c ON c.id = t.conversation_id "
                                      "WHERE c.public_id = ? AND t.category = 'unanswered'"),
                       {customer.conversationId()}),
                 1);
    }

    void cardNumbersAreMaskedEverywhere()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult r = customer.say(QStringLiteral("My card 4111 1111 1111 1111 was stolen, and 5555-5555-5555-4444 too"));
        QCOMPARE(r.status, 200);
        const QString stored = everythingStored();
        for (const QString &digits : {QStringLiteral("4111 1111 1111 1111"), QStringLiteral("4111111111111111"),
                                      QStringLiteral("5555-5555-5555-4444"), QStringLiteral("5555555555554444")}) {
            QVERIFY2(!stored.contains(digits), qPrintable(digits));
            QVERIFY(!QString::fromUtf8(r.body).contains(digits));
            QVERIFY(!QString::fromUtf8(customer.messagesAfter(0).body).contains(digits));
        }
        QVERIFY(stored.contains(QStringLiteral("1111")));
    }

    void askingForAPersonEscalatesWithATicket()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult r = customer.say(QStringLiteral("I want to talk to a person please"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("escalated")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QVERIFY(!r.json().value(QStringLiteral("response")).toString().isEmpty()); // told what happens next
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM tickets t JOIN conversations c ON c.id = t.conversation_id "
                                      "WHERE c.public_id = ? AND t.status = 'open' AND t.due_at IS NOT NULL"),
                       {customer.conversationId()}),
                 1);
        for (const QString &type : {QStringLiteral("conversation.escalated"), QStringLiteral("ticket.created")})
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = ? AND conversation_id = ? AND visibility = 'staff'"),
                           {type, customer.conversationId()}),
                     1);
        // The ticket's history starts as a staff-made one does, and the audit log names the system.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ticket_history h JOIN tickets t ON t.id = h.ticket_id "
                                      "JOIN conversations c ON c.id = t.conversation_id "
                                      "WHERE c.public_id = ? AND h.field = 'created' AND h.new_value = 'open' AND h.actor_id IS NULL"),
                       {customer.conversationId()}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN tickets t ON a.target_id = CAST(t.id AS TEXT) "
                                      "JOIN conversations c ON c.id = t.conversation_id WHERE c.public_id = ? "
                                      "AND a.action = 'ticket.create' AND a.target_type = 'ticket' AND a.actor_email = 'system'"),
                       {customer.conversationId()}),
                 1);
        // While people have it the assistant stays quiet, and the message reaches staff.
        const HttpResult waiting = customer.say(QStringLiteral("Are you there?"));
        QCOMPARE(waiting.status, 200);
        QVERIFY(waiting.json().value(QStringLiteral("response")).isNull());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'message.created' AND conversation_id = ?"),
                       {customer.conversationId()}),
                 2); // the notice, then the customer's question
    }

    void lostCardAndFraudEscalateAtOnceAsUrgent_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("reason");
        QTest::newRow("lost card en") << QStringLiteral("en") << QStringLiteral("I lost my card yesterday") << QStringLiteral("card_lost");
        QTest::newRow("stolen card fr") << QStringLiteral("fr") << QStringLiteral("On m'a volé ma carte bancaire") << QStringLiteral("card_lost");
        QTest::newRow("fraud en") << QStringLiteral("en") << QStringLiteral("There is a transaction I don't recognise on my account") << QStringLiteral("fraud");
    }

    void lostCardAndFraudEscalateAtOnceAsUrgent()
    {
        QFETCH(QString, language);
        QFETCH(QString, message);
        QFETCH(QString, reason);
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start(language).status, 201);
        const HttpResult r = customer.say(message);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("escalated")).toBool(), true);
        QCOMPARE(statusOf(customer), QStringLiteral("waiting"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM tickets t JOIN conversations c ON c.id = t.conversation_id "
                                      "WHERE c.public_id = ? AND t.priority = 'urgent' AND t.category = ?"),
                       {customer.conversationId(), reason}),
                 1);
    }

    void talkToAPersonWorksInEveryState()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        HttpResult r = customer.escalate(QStringLiteral("my IBAN is GB82 WEST 1234 5698 7654 32"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));
        QCOMPARE(customer.escalate().status, 200); // again: still waiting, no second ticket
        const QString ticketsOfIt = QStringLiteral("SELECT COUNT(*) FROM tickets t JOIN conversations c ON "
                                                   "c.id = t.conversation_id WHERE c.public_id = ?");
        QCOMPARE(count(ticketsOfIt, {customer.conversationId()}), 1);
        QVERIFY(!everythingStored().contains(QStringLiteral("1234 5698 7654 32")));
        QCOMPARE(customer.close().status, 200);
        QCOMPARE(statusOf(customer), QStringLiteral("closed"));
        r = customer.escalate();
        QCOMPARE(r.status, 200);
        QCOMPARE(statusOf(customer), QStringLiteral("waiting"));
        QCOMPARE(count(ticketsOfIt, {customer.conversationId()}), 1);
    }

    void verifiedCustomersAreLinkedByTheBanksReference()
    {
        IdentityToken bank(kIdentitySecret);
        ChatCustomer customer(*m_http);
        const QString token = bank.issue(QStringLiteral("CUST-778899"), QDateTime::currentDateTimeUtc().addSecs(300));
        const HttpResult r = customer.start(QStringLiteral("en"), {{QStringLiteral("identity_token"), token},
                                                                   {QStringLiteral("customer_name"), QStringLiteral("Ada Lovelace")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM conversations c JOIN customers k ON k.id = c.customer_id "
                                      "WHERE c.public_id = ? AND k.external_ref = 'CUST-778899'"),
                       {customer.conversationId()}),
                 1);
        // A second conversation of the same customer links to the same row.
        ChatCustomer again(*m_http);
        QCOMPARE(again.start(QStringLiteral("en"), {{QStringLiteral("identity_token"), token}}).status, 201);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM customers WHERE external_ref = 'CUST-778899'")), 1);
    }

    void forgedOrExpiredIdentityTokensAreRefused()
    {
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM conversations"));
        IdentityToken bank(kIdentitySecret), forger(QByteArrayLiteral("guessed-secret"));
        const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(300);
        for (const QString &token : {forger.issue(QStringLiteral("CUST-1"), soon),
                                     bank.issue(QStringLiteral("CUST-1"), QDateTime::currentDateTimeUtc().addSecs(-10)),
                                     QStringLiteral("garbage")}) {
            ChatCustomer customer(*m_http);
            expectError(customer.start(QStringLiteral("en"), {{QStringLiteral("identity_token"), token}}), 401,
                        QStringLiteral("invalid_identity_token"));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM conversations")), before);
    }

    void badMessagesAreRefusedAndNothingIsStored()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        const QString id = customer.conversationId();
        auto raw = [&](const QByteArray &body) { return customer.post(QStringLiteral("/api/v1/chat/message"), body); };
        expectError(customer.say(QString()), 422, QStringLiteral("validation_error"));
        expectError(customer.say(QStringLiteral("   \n\t ")), 422);
        expectError(customer.say(QString(4001, QLatin1Char('a'))), 422);
        expectError(raw(QByteArrayLiteral("{\"conversation_id\":\"") + id.toLatin1() + QByteArrayLiteral("\",\"message\":12345}")), 422);
        expectError(raw(QByteArrayLiteral("{\"message\":\"hello\"}")), 422);
        expectError(raw(QByteArrayLiteral("{\"conversation_id\":\"") + id.toLatin1() + QByteArrayLiteral("\",\"message\":\"hi")), 400);
        expectError(raw(QByteArrayLiteral("{\"conversation_id\":\"") + id.toLatin1() + QByteArrayLiteral("\",\"message\":\"caf\xc3\x28\"}")), 400);
        expectError(raw(QByteArrayLiteral("[1,2]")), 422);
        QCOMPARE(messagesOf(customer), 1);
        QCOMPARE(customer.say(QString(4000, QLatin1Char('a'))).status, 200); // the limit itself is fine
        expectError(customer.messagesAfter(-1), 422);
    }

    void closedConversationsTakeNoMessages()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult closed = customer.close();
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        const qint64 stored = messagesOf(customer);
        expectError(customer.say(QStringLiteral("hello?")), 409, QStringLiteral("conversation_closed"));
        QCOMPARE(messagesOf(customer), stored);
    }

    void ratingIsRecordedOnceAndChecked()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        expectError(customer.rate(0), 422);
        expectError(customer.rate(6), 422);
        expectError(customer.rate(QStringLiteral("5")), 422);
        expectError(customer.rate(4.5), 422);
        const HttpResult ok = customer.rate(4, QStringLiteral("Quick and clear"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QStringLiteral("rating")).toInt(), 4);
        expectError(customer.rate(5), 409, QStringLiteral("already_rated"));
        QCOMPARE(count(QStringLiteral("SELECT rating FROM conversations WHERE public_id = ?"), {customer.conversationId()}), 4);
    }

    void closingCanQueueTheTranscriptForEmail()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start(QStringLiteral("en"), {{QStringLiteral("customer_email"), QStringLiteral("ada@example.com")}}).status, 201);
        QCOMPARE(customer.say(QStringLiteral("What are your opening hours?")).status, 200);
        const HttpResult r = customer.close({{QStringLiteral("send_transcript"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("transcript_to")).toString(), QStringLiteral("ada@example.com"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'ada@example.com' AND status = 'pending'")), 1);
        ChatCustomer anonymous(*m_http);
        QCOMPARE(anonymous.start().status, 201);
        expectError(anonymous.close({{QStringLiteral("send_transcript"), true}}), 422);
    }

    void transcriptPagesAfterAnId()
    {
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(customer.say(QStringLiteral("hello")).status, 200);
        const QJsonArray all = customer.messagesAfter(0).items();
        QVERIFY(all.size() >= 3);
        const qint64 firstId = all.first().toObject().value(QStringLiteral("id")).toInteger();
        const QJsonArray rest = customer.messagesAfter(firstId).items();
        QCOMPARE(rest.size(), all.size() - 1);
        const qint64 lastId = all.last().toObject().value(QStringLiteral("id")).toInteger();
        const HttpResult none = customer.messagesAfter(lastId);
        QCOMPARE(none.items().size(), 0);
        QCOMPARE(none.json().value(QStringLiteral("status")).toString(), QStringLiteral("bot"));
    }

    void messagesAreRateLimitedPerConversation()
    {
        TestServer limited([](Config &c) { c.rateLimitChat = 3; });
        QVERIFY(limited.started());
        HttpClient http(limited.baseUrl());
        ChatCustomer first(http), second(http);
        QCOMPARE(first.start().status, 201);
        QCOMPARE(second.start().status, 201);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(first.say(QStringLiteral("hello")).status, 200);
        const HttpResult refused = first.say(QStringLiteral("hello"));
        expectError(refused, 429, QStringLiteral("rate_limited"));
        QVERIFY(refused.header("Retry-After").toInt() > 0);
        QCOMPARE(second.say(QStringLiteral("hello")).status, 200);
    }

    void newConversationsAreRateLimitedPerAddress()
    {
        TestServer limited([](Config &c) { c.rateLimitChatStart = 2; });
        QVERIFY(limited.started());
        HttpClient http(limited.baseUrl());
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        QCOMPARE(customer.start().status, 201);
        expectError(customer.start(), 429);
    }

    void startRefusesBadFields()
    {
        ChatCustomer customer(*m_http);
        expectError(customer.start(QStringLiteral("not a language!")), 422);
        expectError(customer.start(QStringLiteral("en"), {{QStringLiteral("customer_email"), QStringLiteral("nope")}}), 422);
        expectError(customer.start(QStringLiteral("en"), {{QStringLiteral("metadata"), QStringLiteral("text")}}), 422);
        expectError(customer.start(QStringLiteral("en"), {{QStringLiteral("customer_name"), 42}}), 422);
    }
};

QTEST_GUILESS_MAIN(TestApiChat)
#include "tst_api_chat.moc"
