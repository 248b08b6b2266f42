// The knowledge API against a real server: the seeded default base, role rules, the four-eyes
// review and its setting, optimistic locking, versions, archive, search (exactly the Retriever's
// order and scores), import/export, validation, and the audit trail.

#include "server/assistant/retriever.h"
#include "server/storage/database.h"
#include "tests/api/adminapifixture.h"

#include <QJsonDocument>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestApiKnowledge : public AdminApiFixture
{
    Q_OBJECT

private:
    QString m_supervisor;
    QString m_reviewer;
    QString m_agent;

    static QString path(qint64 id, const QString &tail = QString())
    {
        return QStringLiteral("/api/v1/knowledge/%1").arg(id) + tail;
    }

    QJsonObject createArticle(const QString &token, const QString &title, const QString &content,
        const QString &language = QStringLiteral("en"))
    {
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/knowledge"),
            { { QStringLiteral("title"), title }, { QStringLiteral("content"), content },
                { QStringLiteral("category"), QStringLiteral("tests") },
                { QStringLiteral("tags"), QJsonArray { QStringLiteral("t1"), QStringLiteral("t2") } },
                { QStringLiteral("language"), language } },
            token);
        if (r.status != 201)
            qWarning("create failed: %s", qPrintable(describe(r)));
        return r.json();
    }

    // Draft → in review (by `author`) → published (by the reviewer).
    QJsonObject publish(const QString &author, const QString &title, const QString &content,
        const QString &language = QStringLiteral("en"))
    {
        const qint64 id
            = createArticle(author, title, content, language).value(QStringLiteral("id")).toInteger();
        m_http->post(path(id, QStringLiteral("/submit")), {}, author);
        return m_http->post(path(id, QStringLiteral("/approve")), {}, m_reviewer).json();
    }

    QList<KnowledgeMatch> retrieve(const QString &question, const QString &language, int limit)
    {
        Database db(m_server->database().target(), 1);
        SqlSession s = db.session();
        auto matches = Retriever::retrieve(s, question, language, limit);
        return matches ? matches.value() : QList<KnowledgeMatch>();
    }

    static QStringList titlesOf(const QJsonArray &items)
    {
        QStringList list;
        for (const QJsonValue &v : items)
            list << v.toObject().value(QStringLiteral("title")).toString();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
        m_supervisor = m_http->createStaff(
            m_admin, QStringLiteral("sup.writer@bank.test"), QStringLiteral("supervisor"));
        m_reviewer = m_http->createStaff(
            m_admin, QStringLiteral("sup.reviewer@bank.test"), QStringLiteral("supervisor"));
        m_agent
            = m_http->createStaff(m_admin, QStringLiteral("agent.reader@bank.test"), QStringLiteral("agent"));
        QVERIFY(!m_supervisor.isEmpty() && !m_reviewer.isEmpty() && !m_agent.isEmpty());
    }

    void cleanupTestCase() { tearDownServer(); }

    void aFreshServerHasTheDefaultBasePublished()
    {
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("fr") }) {
            const HttpResult r = m_http->get(QStringLiteral("/api/v1/knowledge?status=published&language=")
                    + language + QStringLiteral("&limit=5"),
                m_agent);
            QCOMPARE(r.status, 200);
            QVERIFY(r.json().value(QStringLiteral("total")).toInteger() >= 40);
            QCOMPARE(r.json().value(QStringLiteral("limit")).toInt(), 5);
            QCOMPARE(r.json().value(QStringLiteral("offset")).toInt(), 0);
            QCOMPARE(r.items().size(), 5);
            const QJsonObject a = r.items().first().toObject();
            for (const char *field : { "id", "title", "content", "category", "tags", "status", "version",
                     "language", "created_at", "updated_at" })
                QVERIFY2(a.contains(QLatin1String(field)), field);
            QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("published"));
            QCOMPARE(a.value(QStringLiteral("version")).toInt(), 1);
            QCOMPARE(a.value(QStringLiteral("language")).toString(), language);
            QVERIFY(a.value(QStringLiteral("tags")).isArray());
        }
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/knowledge/"), m_agent).status, 200);
        const HttpResult q
            = m_http->get(QStringLiteral("/api/v1/knowledge?q=carte%20vol%C3%A9e&language=fr"), m_agent);
        QCOMPARE(q.status, 200);
        QVERIFY(titlesOf(q.items()).contains(
            QStringLiteral("Carte perdue ou volée : faites opposition tout de suite")));
    }

    void agentsReadButOnlySupervisorsAndAdminsWrite()
    {
        const qint64 id
            = createArticle(m_supervisor, QStringLiteral("Role rules"), QStringLiteral("Who may write"))
                  .value(QStringLiteral("id"))
                  .toInteger();
        QVERIFY(id > 0);
        QCOMPARE(m_http->get(path(id), m_agent).status, 200);
        QCOMPARE(m_http->get(path(id, QStringLiteral("/versions")), m_agent).status, 200);
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/knowledge/search"),
                         { { QStringLiteral("query"), QStringLiteral("card") } }, m_agent)
                     .status,
            200);

        const QList<HttpResult> refused {
            m_http->post(QStringLiteral("/api/v1/knowledge"),
                { { QStringLiteral("title"), QStringLiteral("x") },
                    { QStringLiteral("content"), QStringLiteral("y") } },
                m_agent),
            m_http->put(path(id),
                { { QStringLiteral("title"), QStringLiteral("x") }, { QStringLiteral("version"), 1 } },
                m_agent),
            m_http->request("DELETE", path(id), {}, { { "Authorization", "Bearer " + m_agent.toUtf8() } }),
            m_http->post(path(id, QStringLiteral("/submit")), {}, m_agent),
            m_http->post(path(id, QStringLiteral("/approve")), {}, m_agent),
            m_http->post(path(id, QStringLiteral("/reject")),
                { { QStringLiteral("reason"), QStringLiteral("no") } }, m_agent),
            m_http->get(QStringLiteral("/api/v1/knowledge/export"), m_agent),
            m_http->get(QStringLiteral("/api/v1/knowledge/export"), m_supervisor),
            m_http->post(QStringLiteral("/api/v1/knowledge/import"),
                { { QStringLiteral("articles"),
                    QJsonArray { QJsonObject { { QStringLiteral("title"), QStringLiteral("x") },
                        { QStringLiteral("content"), QStringLiteral("y") } } } } },
                m_supervisor),
        };
        for (const HttpResult &r : refused) {
            QVERIFY2(r.status == 403, qPrintable(describe(r)));
            QCOMPARE(r.code(), QStringLiteral("forbidden"));
        }
        QCOMPARE(m_http->get(path(id)).status, 401);
        // Nothing changed.
        const QJsonObject after = m_http->get(path(id), m_agent).json();
        QCOMPARE(after.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    }

    void reviewNeedsFourEyesAndKeepsEveryVersion()
    {
        const QJsonObject made = createArticle(
            m_supervisor, QStringLiteral("Zorbing insurance"), QStringLiteral("Zorbing is covered abroad."));
        const qint64 id = made.value(QStringLiteral("id")).toInteger();
        QCOMPARE(made.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(made.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(made.value(QStringLiteral("tags")).toArray(),
            (QJsonArray { QStringLiteral("t1"), QStringLiteral("t2") }));

        // An edit with the current version; the same version again is stale.
        HttpResult edited = m_http->put(path(id),
            { { QStringLiteral("content"), QStringLiteral("Zorbing is covered in Europe.") },
                { QStringLiteral("version"), 1 } },
            m_supervisor);
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json().value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(
            edited.json().value(QStringLiteral("title")).toString(), QStringLiteral("Zorbing insurance"));
        const HttpResult stale = m_http->put(path(id),
            { { QStringLiteral("title"), QStringLiteral("Lost update") }, { QStringLiteral("version"), 1 } },
            m_reviewer);
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.code(), QStringLiteral("stale_version"));

        // Nobody approves their own change.
        QCOMPARE(m_http->post(path(id, QStringLiteral("/approve")), {}, m_reviewer).code(),
            QStringLiteral("invalid_transition"));
        const HttpResult submitted = m_http->post(
            path(id, QStringLiteral("/submit")), { { QStringLiteral("version"), 2 } }, m_supervisor);
        QCOMPARE(submitted.status, 200);
        QCOMPARE(submitted.json().value(QStringLiteral("status")).toString(), QStringLiteral("in_review"));
        const HttpResult own = m_http->post(path(id, QStringLiteral("/approve")), {}, m_supervisor);
        QCOMPARE(own.status, 403);
        QCOMPARE(own.code(), QStringLiteral("four_eyes"));
        QVERIFY(retrieve(QStringLiteral("zorbing"), QStringLiteral("en"), 3).isEmpty()); // not published yet

        const HttpResult staleApproval = m_http->post(
            path(id, QStringLiteral("/approve")), { { QStringLiteral("version"), 2 } }, m_reviewer);
        QCOMPARE(staleApproval.status, 409);
        const HttpResult approved = m_http->post(path(id, QStringLiteral("/approve")), {}, m_reviewer);
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json().value(QStringLiteral("status")).toString(), QStringLiteral("published"));
        QCOMPARE(approved.json().value(QStringLiteral("version")).toInt(), 4);
        QVERIFY(!approved.json().value(QStringLiteral("published_at")).isNull());
        QCOMPARE(retrieve(QStringLiteral("zorbing"), QStringLiteral("en"), 3).first().id, id);

        // Editing a published article makes it a draft again: out of the assistant's reach.
        edited = m_http->put(path(id),
            { { QStringLiteral("title"), QStringLiteral("Zorbing cover") },
                { QStringLiteral("status"), QStringLiteral("published") }, { QStringLiteral("version"), 4 } },
            m_reviewer);
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json().value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QVERIFY(retrieve(QStringLiteral("zorbing"), QStringLiteral("en"), 3).isEmpty());

        // A reject needs a reason and sends the article back with it.
        QCOMPARE(m_http->post(path(id, QStringLiteral("/submit")), {}, m_reviewer).status, 200);
        const HttpResult noReason = m_http->post(path(id, QStringLiteral("/reject")), {}, m_supervisor);
        QCOMPARE(noReason.status, 422);
        QVERIFY(
            noReason.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("reason")));
        const HttpResult rejected = m_http->post(path(id, QStringLiteral("/reject")),
            { { QStringLiteral("reason"), QStringLiteral("Say which countries.") } }, m_supervisor);
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.json().value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(rejected.json().value(QStringLiteral("review_note")).toString(),
            QStringLiteral("Say which countries."));

        // Every change is a version, newest first.
        const HttpResult versions = m_http->get(path(id, QStringLiteral("/versions")), m_agent);
        QCOMPARE(versions.status, 200);
        QCOMPARE(versions.json().value(QStringLiteral("total")).toInteger(), qint64(7));
        QStringList states;
        for (const QJsonValue &v : versions.items())
            states << v.toObject().value(QStringLiteral("status")).toString();
        QCOMPARE(states,
            (QStringList { QStringLiteral("draft"), QStringLiteral("in_review"), QStringLiteral("draft"),
                QStringLiteral("published"), QStringLiteral("in_review"), QStringLiteral("draft"),
                QStringLiteral("draft") }));
        const QJsonObject published = versions.items().at(3).toObject();
        QCOMPARE(published.value(QStringLiteral("version")).toInt(), 4);
        QCOMPARE(published.value(QStringLiteral("title")).toString(), QStringLiteral("Zorbing insurance"));
        QCOMPARE(published.value(QStringLiteral("content")).toString(),
            QStringLiteral("Zorbing is covered in Europe."));
        const HttpResult paged = m_http->get(path(id, QStringLiteral("/versions?limit=2&offset=6")), m_agent);
        QCOMPARE(paged.items().size(), 1);
        QCOMPARE(paged.items().first().toObject().value(QStringLiteral("version")).toInt(), 1);

        QVERIFY(auditTotal(QStringLiteral("action=knowledge.approve")) >= 1);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.reject")) >= 1);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.submit")) >= 2);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.update")) >= 2);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.create")) >= 1);
        const HttpResult audit = m_http->get(
            QStringLiteral("/api/v1/audit?action=knowledge.reject&target_type=knowledge_article"), m_admin);
        QVERIFY(audit.body.contains("Say which countries."));
    }

    void theFourEyesSettingCanBeTurnedOff()
    {
        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/settings/system"),
                         { { QStringLiteral("knowledge_four_eyes"), false } }, m_admin)
                     .status,
            200);
        const qint64 id
            = createArticle(m_supervisor, QStringLiteral("Solo approval"), QStringLiteral("One person"))
                  .value(QStringLiteral("id"))
                  .toInteger();
        QCOMPARE(m_http->post(path(id, QStringLiteral("/submit")), {}, m_supervisor).status, 200);
        const HttpResult own = m_http->post(path(id, QStringLiteral("/approve")), {}, m_supervisor);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value(QStringLiteral("status")).toString(), QStringLiteral("published"));

        QCOMPARE(m_http
                     ->put(QStringLiteral("/api/v1/settings/system"),
                         { { QStringLiteral("knowledge_four_eyes"), true } }, m_admin)
                     .status,
            200);
        const qint64 next
            = createArticle(m_supervisor, QStringLiteral("Two people again"), QStringLiteral("Four eyes"))
                  .value(QStringLiteral("id"))
                  .toInteger();
        QCOMPARE(m_http->post(path(next, QStringLiteral("/submit")), {}, m_supervisor).status, 200);
        QCOMPARE(m_http->post(path(next, QStringLiteral("/approve")), {}, m_supervisor).code(),
            QStringLiteral("four_eyes"));
        // The admin is bound too when they wrote the text.
        const qint64 adminOwn
            = createArticle(m_admin, QStringLiteral("Admin wrote"), QStringLiteral("Admin text"))
                  .value(QStringLiteral("id"))
                  .toInteger();
        QCOMPARE(m_http->post(path(adminOwn, QStringLiteral("/submit")), {}, m_admin).status, 200);
        QCOMPARE(m_http->post(path(adminOwn, QStringLiteral("/approve")), {}, m_admin).code(),
            QStringLiteral("four_eyes"));
        QCOMPARE(m_http->post(path(adminOwn, QStringLiteral("/approve")), {}, m_reviewer).status, 200);
    }

    void deleteArchivesAndTheAssistantStopsUsingIt()
    {
        const QJsonObject a
            = publish(m_supervisor, QStringLiteral("Quetzal accounts"), QStringLiteral("Quetzal savings"));
        const qint64 id = a.value(QStringLiteral("id")).toInteger();
        QCOMPARE(retrieve(QStringLiteral("quetzal"), QStringLiteral("en"), 3).size(), 1);
        const auto del = [&](const QString &p) {
            return m_http->request(
                "DELETE", p, {}, { { "Authorization", "Bearer " + m_supervisor.toUtf8() } });
        };
        QCOMPARE(del(path(id, QStringLiteral("?version=1"))).code(), QStringLiteral("stale_version"));
        const HttpResult gone = del(path(id));
        QCOMPARE(gone.status, 200);
        QCOMPARE(gone.json().value(QStringLiteral("status")).toString(), QStringLiteral("archived"));
        QVERIFY(retrieve(QStringLiteral("quetzal"), QStringLiteral("en"), 3).isEmpty());
        QCOMPARE(del(path(id)).status, 200); // idempotent
        QCOMPARE(m_http->get(path(id), m_agent).json().value(QStringLiteral("status")).toString(),
            QStringLiteral("archived"));
        QCOMPARE(del(path(99999999)).status, 404);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.archive")) >= 1);
    }

    void unknownAndNonNumericIdsAre404()
    {
        for (const QString &p :
            { QStringLiteral("/api/v1/knowledge/99999999"), QStringLiteral("/api/v1/knowledge/abc"),
                QStringLiteral("/api/v1/knowledge/-1"), QStringLiteral("/api/v1/knowledge/1.5"),
                QStringLiteral("/api/v1/knowledge/99999999/versions"),
                QStringLiteral("/api/v1/knowledge/abc/versions") }) {
            const HttpResult r = m_http->get(p, m_agent);
            QVERIFY2(r.status == 404, qPrintable(p + QLatin1Char(' ') + describe(r)));
        }
        QCOMPARE(
            m_http
                ->put(path(99999999),
                    { { QStringLiteral("title"), QStringLiteral("x") }, { QStringLiteral("version"), 1 } },
                    m_supervisor)
                .status,
            404);
        QCOMPARE(m_http->post(path(99999999, QStringLiteral("/submit")), {}, m_supervisor).status, 404);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/knowledge/abc/approve"), {}, m_supervisor).status, 404);
        QCOMPARE(m_http
                     ->request("PATCH", path(1), "{}",
                         { { "Authorization", "Bearer " + m_admin.toUtf8() },
                             { "Content-Type", "application/json" } })
                     .status,
            405);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/knowledge/search"), m_agent).status, 405);
    }

    void invalidInputIs422()
    {
        const QString base = QStringLiteral("/api/v1/knowledge");
        struct Case
        {
            QJsonObject body;
            const char *field;
        };
        const QList<Case> cases {
            { { { QStringLiteral("content"), QStringLiteral("no title") } }, "title" },
            { { { QStringLiteral("title"), QStringLiteral("   ") },
                  { QStringLiteral("content"), QStringLiteral("x") } },
                "title" },
            { { { QStringLiteral("title"), 12345 }, { QStringLiteral("content"), QStringLiteral("x") } },
                "title" },
            { { { QStringLiteral("title"), QStringLiteral("no content") } }, "content" },
            { { { QStringLiteral("title"), QString(201, QLatin1Char('t')) },
                  { QStringLiteral("content"), QStringLiteral("x") } },
                "title" },
            { { { QStringLiteral("title"), QStringLiteral("t") },
                  { QStringLiteral("content"), QStringLiteral("x") },
                  { QStringLiteral("status"), QStringLiteral("bogus") } },
                "status" },
            { { { QStringLiteral("title"), QStringLiteral("t") },
                  { QStringLiteral("content"), QStringLiteral("x") },
                  { QStringLiteral("status"), QStringLiteral("published") } },
                "status" },
            { { { QStringLiteral("title"), QStringLiteral("t") },
                  { QStringLiteral("content"), QStringLiteral("x") },
                  { QStringLiteral("tags"), QStringLiteral("a,b") } },
                "tags" },
            { { { QStringLiteral("title"), QStringLiteral("t") },
                  { QStringLiteral("content"), QStringLiteral("x") },
                  { QStringLiteral("tags"), QJsonArray { 1, 2 } } },
                "tags" },
            { { { QStringLiteral("title"), QStringLiteral("t") },
                  { QStringLiteral("content"), QStringLiteral("x") },
                  { QStringLiteral("language"), QStringLiteral("english") } },
                "language" },
        };
        const qint64 before = m_http->get(base, m_admin).json().value(QStringLiteral("total")).toInteger();
        for (const Case &c : cases) {
            const HttpResult r = m_http->post(base, c.body, m_supervisor);
            QVERIFY2(r.status == 422, qPrintable(describe(r)));
            QVERIFY2(r.json().value(QStringLiteral("fields")).toObject().contains(QLatin1String(c.field)),
                qPrintable(describe(r)));
        }
        QCOMPARE(m_http->get(base, m_admin).json().value(QStringLiteral("total")).toInteger(), before);

        const qint64 id = createArticle(m_supervisor, QStringLiteral("Validation"), QStringLiteral("text"))
                              .value(QStringLiteral("id"))
                              .toInteger();
        const HttpResult noVersion
            = m_http->put(path(id), { { QStringLiteral("title"), QStringLiteral("x") } }, m_supervisor);
        QCOMPARE(noVersion.status, 422);
        QVERIFY(
            noVersion.json().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("version")));
        QCOMPARE(m_http->put(path(id), { { QStringLiteral("version"), QStringLiteral("1") } }, m_supervisor)
                     .status,
            422);
        QCOMPARE(m_http
                     ->put(path(id),
                         { { QStringLiteral("version"), 1 },
                             { QStringLiteral("status"), QStringLiteral("gone") } },
                         m_supervisor)
                     .status,
            422);
        QCOMPARE(
            m_http
                ->put(path(id),
                    { { QStringLiteral("version"), 1 }, { QStringLiteral("title"), QStringLiteral("") } },
                    m_supervisor)
                .status,
            422);
        QCOMPARE(m_http
                     ->request("POST", base, "{not json",
                         { { "Authorization", "Bearer " + m_supervisor.toUtf8() },
                             { "Content-Type", "application/json" } })
                     .status,
            400);
        for (const QString &query : { QStringLiteral("?status=bogus"), QStringLiteral("?limit=0"),
                 QStringLiteral("?language=english"), QStringLiteral("?offset=-1") })
            QCOMPARE(m_http->get(base + query, m_agent).status, 422);
        QCOMPARE(m_http->post(base + QStringLiteral("/search"), {}, m_agent).status, 422);
        QCOMPARE(m_http->post(base + QStringLiteral("/search"), { { QStringLiteral("query"), 42 } }, m_agent)
                     .status,
            422);
        QCOMPARE(m_http
                     ->post(base + QStringLiteral("/search"),
                         { { QStringLiteral("query"), QString(4001, QLatin1Char('a')) } }, m_agent)
                     .status,
            422);
        QCOMPARE(m_http
                     ->post(path(id, QStringLiteral("/submit")),
                         { { QStringLiteral("version"), QStringLiteral("x") } }, m_supervisor)
                     .status,
            422);
    }

    void searchAnswersExactlyWhatTheRetrieverGivesTheAssistant_data()
    {
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("I lost my card") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("comment faire un virement international")
                            << QStringLiteral("fr");
        QTest::newRow("fr fallback to en") << QStringLiteral("zorbing cover") << QStringLiteral("fr");
        QTest::newRow("many matches") << QStringLiteral("card account transfer") << QStringLiteral("en");
        QTest::newRow("hostile") << QStringLiteral("\" OR * NEAR( '); DROP TABLE knowledge_articles; --")
                                 << QStringLiteral("en");
    }

    void searchAnswersExactlyWhatTheRetrieverGivesTheAssistant()
    {
        QFETCH(QString, question);
        QFETCH(QString, language);
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/knowledge/search?limit=200"),
            { { QStringLiteral("query"), question }, { QStringLiteral("language"), language } }, m_agent);
        QCOMPARE(r.status, 200);
        const QList<KnowledgeMatch> expected = retrieve(question, language, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), qint64(expected.size()));
        QCOMPARE(r.items().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject m = r.items().at(i).toObject();
            QCOMPARE(m.value(QStringLiteral("id")).toInteger(), expected.at(i).id);
            QCOMPARE(m.value(QStringLiteral("title")).toString(), expected.at(i).title);
            QCOMPARE(m.value(QStringLiteral("score")).toDouble(), expected.at(i).score);
            QCOMPARE(m.value(QStringLiteral("language")).toString(), expected.at(i).language);
        }
        // The assistant's top three are the endpoint's first page of three.
        const HttpResult top = m_http->post(QStringLiteral("/api/v1/knowledge/search?limit=3"),
            { { QStringLiteral("query"), question }, { QStringLiteral("language"), language } }, m_agent);
        const QList<KnowledgeMatch> assistant = retrieve(question, language, 3);
        QCOMPARE(top.items().size(), assistant.size());
        for (qsizetype i = 0; i < assistant.size(); ++i)
            QCOMPARE(
                top.items().at(i).toObject().value(QStringLiteral("id")).toInteger(), assistant.at(i).id);
        if (expected.size() > 3) {
            const HttpResult second = m_http->post(
                QStringLiteral("/api/v1/knowledge/search?limit=3&offset=3"),
                { { QStringLiteral("query"), question }, { QStringLiteral("language"), language } }, m_agent);
            QCOMPARE(
                second.items().first().toObject().value(QStringLiteral("id")).toInteger(), expected.at(3).id);
        }
    }

    void importAndExportRoundTrip()
    {
        const HttpResult exported
            = m_http->get(QStringLiteral("/api/v1/knowledge/export?status=published"), m_admin);
        QCOMPARE(exported.status, 200);
        const QJsonArray all = exported.json().value(QStringLiteral("articles")).toArray();
        QVERIFY(all.size() >= 80);
        QCOMPARE(exported.json().value(QStringLiteral("count")).toInt(), all.size());
        for (const QJsonValue &v : all)
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("published"));

        // The export's own objects import as they are (extra fields such as id and status ignored).
        const QJsonArray sample { all.at(0), all.at(1), all.at(all.size() - 1) };
        const HttpResult imported = m_http->post(
            QStringLiteral("/api/v1/knowledge/import"), { { QStringLiteral("articles"), sample } }, m_admin);
        QVERIFY2(imported.status == 201, qPrintable(describe(imported)));
        QCOMPARE(imported.json().value(QStringLiteral("imported")).toInt(), 3);
        const QJsonArray made = imported.json().value(QStringLiteral("items")).toArray();
        for (qsizetype i = 0; i < 3; ++i) {
            const QJsonObject in = sample.at(i).toObject();
            const QJsonObject out = made.at(i).toObject();
            for (const char *field : { "title", "content", "category", "tags", "language" })
                QCOMPARE(out.value(QLatin1String(field)), in.value(QLatin1String(field)));
            QCOMPARE(out.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
            QCOMPARE(out.value(QStringLiteral("version")).toInt(), 1);
            QVERIFY(
                out.value(QStringLiteral("id")).toInteger() != in.value(QStringLiteral("id")).toInteger());
        }
        const HttpResult drafts
            = m_http->get(QStringLiteral("/api/v1/knowledge/export?status=draft"), m_admin);
        QVERIFY(titlesOf(drafts.json().value(QStringLiteral("articles")).toArray())
                    .contains(all.at(0).toObject().value(QStringLiteral("title")).toString()));

        // All or nothing: one bad article refuses the whole file, naming it.
        const qint64 before = m_http->get(QStringLiteral("/api/v1/knowledge"), m_admin)
                                  .json()
                                  .value(QStringLiteral("total"))
                                  .toInteger();
        const HttpResult bad = m_http->post(QStringLiteral("/api/v1/knowledge/import"),
            { { QStringLiteral("articles"),
                QJsonArray { QJsonObject { { QStringLiteral("title"), QStringLiteral("fine") },
                                 { QStringLiteral("content"), QStringLiteral("fine") } },
                    QJsonObject { { QStringLiteral("content"), QStringLiteral("no title") } },
                    QStringLiteral("not an object") } } },
            m_admin);
        QCOMPARE(bad.status, 422);
        const QJsonObject fields = bad.json().value(QStringLiteral("fields")).toObject();
        QVERIFY2(fields.contains(QStringLiteral("articles[1].title")), qPrintable(describe(bad)));
        QVERIFY(fields.contains(QStringLiteral("articles[2]")));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/knowledge"), m_admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInteger(),
            before);
        QCOMPARE(m_http
                     ->post(QStringLiteral("/api/v1/knowledge/import"),
                         { { QStringLiteral("articles"), QJsonArray() } }, m_admin)
                     .status,
            422);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/knowledge/import"), {}, m_admin).status, 422);

        QVERIFY(auditTotal(QStringLiteral("action=knowledge.import")) >= 1);
        QVERIFY(auditTotal(QStringLiteral("action=knowledge.export")) >= 2);
    }
};

QTEST_GUILESS_MAIN(TestApiKnowledge)
#include "tst_api_knowledge.moc"
