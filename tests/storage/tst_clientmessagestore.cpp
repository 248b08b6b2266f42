// The customer's retry keys on messages (migration 0007) against a real database: the key is
// unique per conversation (a second insert is a Conflict, which ChatService turns into "repeat"),
// messages without a key and other conversations are unaffected, and an answer is kept once.

#include "server/storage/clientmessagestore.h"
#include "server/storage/database.h"
#include "tests/support/testdatabase.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestClientMessageStore : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

    qint64 conversation(SqlSession &s, const QString &publicId)
    {
        NewConversation c;
        c.publicId = publicId;
        c.sessionTokenHash = QByteArrayLiteral("0123");
        c.language = QStringLiteral("en");
        auto made = ConversationStore::create(s, c);
        return made ? made->id : 0;
    }

    static Result<ChatMessage> customerSays(SqlSession &s, qint64 conversationId, const QString &body, const QString &key)
    {
        ChatMessage m;
        m.conversationId = conversationId;
        m.sender = QStringLiteral("customer");
        m.body = body;
        m.clientMessageId = key;
        return ConversationStore::addMessage(s, m);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanupTestCase() { m_db.reset(); }

    void aKeyIsUniquePerConversation()
    {
        SqlSession s = m_db->session();
        const qint64 a = conversation(s, QStringLiteral("11111111-1111-4111-8111-111111111111"));
        const qint64 b = conversation(s, QStringLiteral("22222222-2222-4222-8222-222222222222"));
        QVERIFY(a > 0 && b > 0);
        auto first = customerSays(s, a, QStringLiteral("hello"), QStringLiteral("k-1"));
        QVERIFY(first.ok());
        auto again = customerSays(s, a, QStringLiteral("hello"), QStringLiteral("k-1"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(again.error().code, QStringLiteral("conflict"));
        QVERIFY(customerSays(s, b, QStringLiteral("hello"), QStringLiteral("k-1")).ok()); // another conversation
        QVERIFY(customerSays(s, a, QStringLiteral("hello"), QString()).ok());             // no key, twice
        QVERIFY(customerSays(s, a, QStringLiteral("hello"), QString()).ok());

        auto found = ClientMessageStore::find(s, a, QStringLiteral("k-1"));
        QVERIFY(found.ok());
        QVERIFY(found->has_value());
        QCOMPARE(found->value().message.id, first->id);
        QCOMPARE(found->value().message.body, QStringLiteral("hello"));
        QVERIFY(!found->value().answer.has_value());
        auto missing = ClientMessageStore::find(s, a, QStringLiteral("k-2"));
        QVERIFY(missing.ok());
        QVERIFY(!missing->has_value());
    }

    void anAnswerIsKeptOnce()
    {
        SqlSession s = m_db->session();
        const qint64 c = conversation(s, QStringLiteral("33333333-3333-4333-8333-333333333333"));
        auto m = customerSays(s, c, QStringLiteral("hi"), QStringLiteral("once"));
        QVERIFY(m.ok());
        const QJsonObject answer{{QStringLiteral("message_id"), m->id}, {QStringLiteral("response"), QStringLiteral("Hello!")},
                                 {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("id"), 3}}}}};
        auto kept = ClientMessageStore::recordAnswer(s, m->id, answer);
        QVERIFY(kept.ok());
        QVERIFY(kept.value());
        auto second = ClientMessageStore::recordAnswer(s, m->id, QJsonObject{{QStringLiteral("response"), QStringLiteral("Other")}});
        QVERIFY(second.ok());
        QVERIFY(!second.value()); // the first answer stays
        auto found = ClientMessageStore::find(s, c, QStringLiteral("once"));
        QVERIFY(found.ok() && found->has_value());
        QVERIFY(found->value().answer.has_value());
        QCOMPARE(*found->value().answer, answer);
    }
};

QTEST_GUILESS_MAIN(TestClientMessageStore)
#include "tst_clientmessagestore.moc"
