// Canned responses over HTTP on both databases: shared ones written by supervisors, personal ones
// by anyone, shortcuts unique among what one person sees, others' personal ones invisible.

#include "server/storage/database.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiCanned : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin, m_sue, m_alice, m_bob;

    static QJsonObject canned(const QString &title, const QString &shortcut, bool personal = false)
    {
        return {{QStringLiteral("title"), title},
                {QStringLiteral("content"), QStringLiteral("Our branches open 9:00–17:00, Monday to Friday.")},
                {QStringLiteral("shortcut"), shortcut},
                {QStringLiteral("personal"), personal}};
    }

    QStringList titlesFor(const QString &token)
    {
        QStringList titles;
        for (const QJsonValue &v : m_http->get(QStringLiteral("/api/v1/canned-responses?limit=200"), token).items())
            titles << v.toObject().value(QStringLiteral("title")).toString();
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        m_sue = m_http->createStaff(m_admin, QStringLiteral("sue@bank.example"), QStringLiteral("supervisor"));
        m_alice = m_http->createStaff(m_admin, QStringLiteral("alice@bank.example"), QStringLiteral("agent"));
        m_bob = m_http->createStaff(m_admin, QStringLiteral("bob@bank.example"), QStringLiteral("agent"));
    }

    void supervisorsWriteSharedResponsesEveryoneReadsThem()
    {
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("Hours"), QStringLiteral("/hours")), m_sue);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value(QStringLiteral("personal")).toBool(), false);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("Nope"), QStringLiteral("/nope")), m_alice).status, 403);
        QVERIFY(titlesFor(m_alice).contains(QStringLiteral("Hours")));
        const qint64 id = made.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/canned-responses/%1").arg(id), {{QStringLiteral("title"), QStringLiteral("Mine now")}}, m_alice).status, 403);
        const HttpResult renamed = m_http->put(QStringLiteral("/api/v1/canned-responses/%1").arg(id), {{QStringLiteral("title"), QStringLiteral("Opening hours")}}, m_sue);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(QStringLiteral("title")).toString(), QStringLiteral("Opening hours"));
        SqlSession s = m_server->runtime().database().session();
        auto audited = s.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'canned_response.%'"));
        QVERIFY(audited && audited->has_value());
        QCOMPARE(audited->value().toInt(), 2);
    }

    void personalResponsesStayPersonal()
    {
        const HttpResult mine = m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("Alice's sign-off"), QStringLiteral("/bye"), true), m_alice);
        QCOMPARE(mine.status, 201);
        QCOMPARE(mine.json().value(QStringLiteral("personal")).toBool(), true);
        QVERIFY(titlesFor(m_alice).contains(QStringLiteral("Alice's sign-off")));
        QVERIFY(!titlesFor(m_bob).contains(QStringLiteral("Alice's sign-off")));
        const qint64 id = mine.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(m_http->request("DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(id), {},
                                 {{QByteArrayLiteral("Authorization"), "Bearer " + m_bob.toLatin1()}}).status, 404);
        // Bob may have his own /bye: shortcuts are unique per person, not across people.
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("Bob's sign-off"), QStringLiteral("/bye"), true), m_bob).status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("Again"), QStringLiteral("/BYE"), true), m_alice).status, 409);
        QCOMPARE(m_http->request("DELETE", QStringLiteral("/api/v1/canned-responses/%1").arg(id), {},
                                 {{QByteArrayLiteral("Authorization"), "Bearer " + m_alice.toLatin1()}}).status, 200);
        QVERIFY(!titlesFor(m_alice).contains(QStringLiteral("Alice's sign-off")));
    }

    void badInputIsRefused()
    {
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), {{QStringLiteral("title"), QStringLiteral("x")}}, m_sue).status, 422);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), canned(QStringLiteral("x"), QStringLiteral("has spaces")), m_sue).status, 422);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"), {{QStringLiteral("title"), 5}, {QStringLiteral("content"), QStringLiteral("c")}}, m_sue).status, 422);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/canned-responses/999999"), {{QStringLiteral("title"), QStringLiteral("t")}}, m_sue).status, 404);
        QCOMPARE(m_http->put(QStringLiteral("/api/v1/canned-responses/abc"), {{QStringLiteral("title"), QStringLiteral("t")}}, m_sue).status, 404);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/canned-responses"), QString()).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiCanned)
#include "tst_api_canned.moc"
