// KnowledgeStore against a real database: articles, optimistic locking, versions, status changes,
// and search (published only, language preference and fallback, accents, hostile input).

#include "server/storage/database.h"
#include "server/storage/knowledgestore.h"
#include "server/storage/knowledgetext.h"
#include "tests/support/testdatabase.h"

#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestKnowledgeStore : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

    KnowledgeArticle make(SqlSession &s, const QString &title, const QString &content,
        const QString &status = QStringLiteral("published"), const QString &language = QStringLiteral("en"),
        const QStringList &tags = {}, const QString &category = QStringLiteral("general"))
    {
        NewArticle a;
        a.title = title;
        a.content = content;
        a.category = category;
        a.tags = tags;
        a.language = language;
        a.status = status;
        auto made = KnowledgeStore::create(s, a);
        if (!made)
            qWarning("create '%s' failed: %s", qPrintable(title), qPrintable(made.error().detail));
        return made ? made.value() : KnowledgeArticle();
    }

    static QStringList titles(const QList<KnowledgeHit> &hits)
    {
        QStringList list;
        for (const KnowledgeHit &h : hits)
            list << h.title;
        return list;
    }

    QList<KnowledgeHit> search(
        const QString &question, const QString &language = QStringLiteral("en"), int limit = 10)
    {
        SqlSession s = m_db->session();
        auto hits = KnowledgeStore::search(s, question, language, limit);
        if (!hits) {
            qWarning("search '%s' failed: %s", qPrintable(question), qPrintable(hits.error().detail));
            return {};
        }
        return hits.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
    }

    void cleanupTestCase() { m_db.reset(); }

    void textFoldsAccentsDropsStopWordsAndStems()
    {
        QCOMPARE(KnowledgeText::queryTerms(u"Ma carte bancaire a été VOLÉE !"),
            (QStringList { QStringLiteral("cart"), QStringLiteral("bancair"), QStringLiteral("vol") }));
        QCOMPARE(KnowledgeText::queryTerms(u"carte bancaire volee"),
            KnowledgeText::queryTerms(u"cartes bancaires volées"));
        QCOMPARE(KnowledgeText::queryTerms(u"How do I reset my passwords?"),
            (QStringList { QStringLiteral("reset"), QStringLiteral("password") }));
        QCOMPARE(KnowledgeText::terms(u"l'agence d'Œuvre ﬁnance 24/7"),
            (QStringList { QStringLiteral("agenc"), QStringLiteral("oeuvr"), QStringLiteral("financ"),
                QStringLiteral("24"), QStringLiteral("7") }));
        QCOMPARE(KnowledgeText::stem(QStringLiteral("transferred")),
            KnowledgeText::stem(QStringLiteral("transfers")));
        QCOMPARE(
            KnowledgeText::stem(QStringLiteral("bloquer")), KnowledgeText::stem(QStringLiteral("bloquee")));
        // Every term is plain [a-z0-9], whatever the input.
        const QRegularExpression plain(QStringLiteral("^[a-z0-9]+$"));
        const QString hostile = QStringLiteral("日本 Ελλάδα \" OR * NEAR( '); DROP ß Straße 🙂 ")
            + QChar(0) + QChar(7) + QStringLiteral(" x");
        for (const QString &t : KnowledgeText::terms(hostile))
            QVERIFY2(plain.match(t).hasMatch(), qPrintable(t));
        QVERIFY(KnowledgeText::queryTerms(u"what is the").isEmpty());
    }

    void createsAnArticleAtVersionOneWithItsFirstVersion()
    {
        SqlSession s = m_db->session();
        NewArticle a;
        a.title = QStringLiteral("Créer un article");
        a.content = QStringLiteral("**Markdown** content");
        a.category = QStringLiteral("cards");
        a.tags = { QStringLiteral("one"), QStringLiteral("deux") };
        a.language = QStringLiteral("fr");
        a.authorId = 0;
        auto made = KnowledgeStore::create(s, a);
        QVERIFY2(made.ok(), qPrintable(made.error().detail));
        QVERIFY(made->id > 0);
        QCOMPARE(made->title, a.title);
        QCOMPARE(made->content, a.content);
        QCOMPARE(made->category, a.category);
        QCOMPARE(made->tags, a.tags);
        QCOMPARE(made->language, QStringLiteral("fr"));
        QCOMPARE(made->status, QStringLiteral("draft"));
        QCOMPARE(made->version, 1);
        QVERIFY(!made->publishedAt.isValid());
        QVERIFY(made->createdAt.isValid());
        QVERIFY(qAbs(made->updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        auto read = KnowledgeStore::byId(s, made->id);
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE((*read)->tags, a.tags);
        auto versions = KnowledgeStore::versions(s, made->id, {});
        QVERIFY(versions.ok());
        QCOMPARE(versions->total, qint64(1));
        QCOMPARE(versions->items.first().version, 1);
        QCOMPARE(versions->items.first().status, QStringLiteral("draft"));

        auto none = KnowledgeStore::byId(s, made->id + 100000);
        QVERIFY(none.ok() && !none->has_value());

        const KnowledgeArticle published
            = make(s, QStringLiteral("Published at once"), QStringLiteral("text"));
        QCOMPARE(published.status, QStringLiteral("published"));
        QVERIFY(published.publishedAt.isValid());
    }

    void updateIsOptimisticAndKeepsEveryVersion()
    {
        SqlSession s = m_db->session();
        const KnowledgeArticle a
            = make(s, QStringLiteral("Optimistic"), QStringLiteral("first text"), QStringLiteral("draft"));
        ArticleChanges c;
        c.content = QStringLiteral("second text");
        c.tags = QStringList { QStringLiteral("x") };
        auto v2 = KnowledgeStore::update(s, a.id, 1, c, 0);
        QVERIFY2(v2.ok(), qPrintable(v2.error().detail));
        QCOMPARE(v2->version, 2);
        QCOMPARE(v2->content, QStringLiteral("second text"));
        QCOMPARE(v2->title, QStringLiteral("Optimistic"));
        QCOMPARE(v2->tags, QStringList { QStringLiteral("x") });

        // A writer still holding version 1 is refused and changes nothing.
        ArticleChanges stale;
        stale.title = QStringLiteral("Lost update");
        auto refused = KnowledgeStore::update(s, a.id, 1, stale, 0);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QCOMPARE(refused.error().code, QStringLiteral("stale_version"));
        QCOMPARE((*KnowledgeStore::byId(s, a.id))->title, QStringLiteral("Optimistic"));

        // Nothing changed: no new version.
        ArticleChanges same;
        same.content = QStringLiteral("second text");
        auto unchanged = KnowledgeStore::update(s, a.id, 2, same, 0);
        QVERIFY(unchanged.ok());
        QCOMPARE(unchanged->version, 2);

        auto missing = KnowledgeStore::update(s, a.id + 100000, 1, c, 0);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);

        auto versions = KnowledgeStore::versions(s, a.id, {});
        QVERIFY(versions.ok());
        QCOMPARE(versions->total, qint64(2));
        QCOMPARE(versions->items.at(0).version, 2); // newest first
        QCOMPARE(versions->items.at(0).content, QStringLiteral("second text"));
        QCOMPARE(versions->items.at(1).content, QStringLiteral("first text"));
    }

    void statusChangesRecordWhoAndWhy()
    {
        SqlSession s = m_db->session();
        const KnowledgeArticle a
            = make(s, QStringLiteral("Reviewed"), QStringLiteral("text"), QStringLiteral("draft"));
        auto submitted = KnowledgeStore::setStatus(s, a.id, 1, { QStringLiteral("in_review"), 0, QString() });
        QVERIFY2(submitted.ok(), qPrintable(submitted.error().detail));
        QCOMPARE(submitted->status, QStringLiteral("in_review"));
        QCOMPARE(submitted->version, 2);
        auto rejected = KnowledgeStore::setStatus(
            s, a.id, 2, { QStringLiteral("draft"), 0, QStringLiteral("Too vague") });
        QVERIFY(rejected.ok());
        QCOMPARE(rejected->reviewNote, QStringLiteral("Too vague"));
        auto stale = KnowledgeStore::setStatus(s, a.id, 2, { QStringLiteral("in_review"), 0, QString() });
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("stale_version"));
        auto again = KnowledgeStore::setStatus(s, a.id, 3, { QStringLiteral("in_review"), 0, QString() });
        QVERIFY(again.ok());
        QCOMPARE(again->reviewNote, QString());
        auto published = KnowledgeStore::setStatus(s, a.id, 4, { QStringLiteral("published"), 0, QString() });
        QVERIFY(published.ok());
        QCOMPARE(published->status, QStringLiteral("published"));
        QVERIFY(published->publishedAt.isValid());
        auto versions = KnowledgeStore::versions(s, a.id, {});
        QCOMPARE(versions->total, qint64(5));
        QStringList states;
        for (const ArticleVersion &v : versions->items)
            states << v.status;
        QCOMPARE(states,
            (QStringList { QStringLiteral("published"), QStringLiteral("in_review"), QStringLiteral("draft"),
                QStringLiteral("in_review"), QStringLiteral("draft") }));
    }

    void listFiltersAndPages()
    {
        SqlSession s = m_db->session();
        for (int i = 0; i < 5; ++i)
            make(s, QStringLiteral("Filter mortgage %1").arg(i),
                QStringLiteral("Hypothèque et crédit immobilier"),
                i % 2 ? QStringLiteral("draft") : QStringLiteral("published"), QStringLiteral("fr"), {},
                QStringLiteral("loans-test"));
        ArticleFilter f;
        f.category = QStringLiteral("loans-test");
        auto all = KnowledgeStore::list(s, f);
        QVERIFY(all.ok());
        QCOMPARE(all->total, qint64(5));
        f.status = QStringLiteral("draft");
        QCOMPARE(KnowledgeStore::list(s, f)->total, qint64(2));
        f.status.clear();
        f.page = { 2, 2 };
        auto page = KnowledgeStore::list(s, f);
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->total, qint64(5));
        QCOMPARE(page->items.first().title, QStringLiteral("Filter mortgage 2"));
        // Search: every term, accents and plurals ignored, prefixes allowed.
        ArticleFilter q;
        q.search = QStringLiteral("hypotheques credits");
        QCOMPARE(KnowledgeStore::list(s, q)->total, qint64(5));
        q.search = QStringLiteral("hypoth");
        QCOMPARE(KnowledgeStore::list(s, q)->total, qint64(5));
        q.search = QStringLiteral("hypothèque zzzunknown");
        QCOMPARE(KnowledgeStore::list(s, q)->total, qint64(0));
        q.search = QStringLiteral("100% _\\");
        QVERIFY(KnowledgeStore::list(s, q).ok());
        q.search.clear();
        q.language = QStringLiteral("fr");
        q.category = QStringLiteral("loans-test");
        QCOMPARE(KnowledgeStore::list(s, q)->total, qint64(5));
    }

    void searchFindsOnlyPublishedArticles()
    {
        SqlSession s = m_db->session();
        const KnowledgeArticle draft
            = make(s, QStringLiteral("Quokka draft"), QStringLiteral("quokka"), QStringLiteral("draft"));
        make(s, QStringLiteral("Quokka in review"), QStringLiteral("quokka"), QStringLiteral("in_review"));
        make(s, QStringLiteral("Quokka archived"), QStringLiteral("quokka"), QStringLiteral("archived"));
        make(s, QStringLiteral("Quokka published"), QStringLiteral("quokka"));
        QCOMPARE(
            titles(search(QStringLiteral("quokka"))), QStringList { QStringLiteral("Quokka published") });

        auto up = KnowledgeStore::setStatus(s, draft.id, 1, { QStringLiteral("published"), 0, QString() });
        QVERIFY(up.ok());
        QCOMPARE(search(QStringLiteral("quokkas")).size(), 2);
        // An edit moves the text the search sees at once.
        ArticleChanges c;
        c.content = QStringLiteral("wombat");
        QVERIFY(KnowledgeStore::update(s, draft.id, 2, c, 0).ok());
        QCOMPARE(titles(search(QStringLiteral("wombat"))), QStringList { QStringLiteral("Quokka draft") });
        QStringList both = titles(search(QStringLiteral("quokka")));
        both.sort();
        QCOMPARE(both, (QStringList { QStringLiteral("Quokka draft"), QStringLiteral("Quokka published") }));
        QVERIFY(KnowledgeStore::remove(s, draft.id).value());
        QCOMPARE(titles(search(QStringLiteral("quokka wombat"))),
            QStringList { QStringLiteral("Quokka published") });
    }

    void searchIgnoresAccentsAndRanksTitlesFirst()
    {
        SqlSession s = m_db->session();
        make(s, QStringLiteral("Carte volée"), QStringLiteral("Faites opposition tout de suite."),
            QStringLiteral("published"), QStringLiteral("fr"));
        make(s, QStringLiteral("Autre sujet"),
            QStringLiteral("Une carte peut être volée, voyez l'article dédié."), QStringLiteral("published"),
            QStringLiteral("fr"));
        const QList<KnowledgeHit> hits = search(QStringLiteral("carte bancaire volee"), QStringLiteral("fr"));
        QVERIFY(hits.size() >= 2);
        QCOMPARE(hits.first().title, QStringLiteral("Carte volée"));
        QVERIFY(hits.at(0).score > hits.at(1).score);
        QCOMPARE(hits.first().language, QStringLiteral("fr"));
        QCOMPARE(titles(search(QStringLiteral("CARTE VOLÉE"), QStringLiteral("fr"))).first(),
            QStringLiteral("Carte volée"));
    }

    void searchPrefersTheLanguageAndFallsBackToEnglish()
    {
        SqlSession s = m_db->session();
        make(s, QStringLiteral("Zebra crossing"), QStringLiteral("zebra stripes"),
            QStringLiteral("published"), QStringLiteral("en"));
        make(s, QStringLiteral("Zèbre"), QStringLiteral("zebra rayures"), QStringLiteral("published"),
            QStringLiteral("fr"));
        make(s, QStringLiteral("Giraffe facts"), QStringLiteral("giraffe necks"), QStringLiteral("published"),
            QStringLiteral("en"));
        QCOMPARE(titles(search(QStringLiteral("zebra"), QStringLiteral("fr"))),
            QStringList { QStringLiteral("Zèbre") });
        QCOMPARE(titles(search(QStringLiteral("zebra"), QStringLiteral("fr-FR"))),
            QStringList { QStringLiteral("Zèbre") });
        QCOMPARE(titles(search(QStringLiteral("zebra"), QStringLiteral("en"))),
            QStringList { QStringLiteral("Zebra crossing") });
        // Nothing in French: English answers.
        QCOMPARE(titles(search(QStringLiteral("giraffe"), QStringLiteral("fr"))),
            QStringList { QStringLiteral("Giraffe facts") });
        QCOMPARE(titles(search(QStringLiteral("giraffe"), QStringLiteral("de"))),
            QStringList { QStringLiteral("Giraffe facts") });
        QCOMPARE(titles(search(QStringLiteral("giraffe"), QString())),
            QStringList { QStringLiteral("Giraffe facts") });
        // Never another language than the wanted one or English.
        make(s, QStringLiteral("Jirafa"), QStringLiteral("okapi"), QStringLiteral("published"),
            QStringLiteral("es"));
        QVERIFY(search(QStringLiteral("okapi"), QStringLiteral("fr")).isEmpty());
        QCOMPARE(titles(search(QStringLiteral("okapi"), QStringLiteral("es"))),
            QStringList { QStringLiteral("Jirafa") });
    }

    void searchLimitsAndEmptyQuestions()
    {
        SqlSession s = m_db->session();
        for (int i = 0; i < 4; ++i)
            make(s, QStringLiteral("Lemur %1").arg(i), QStringLiteral("lemur"));
        QCOMPARE(search(QStringLiteral("lemur"), QStringLiteral("en"), 3).size(), 3);
        QCOMPARE(search(QStringLiteral("lemur"), QStringLiteral("en"), 0).size(), 0);
        QVERIFY(search(QStringLiteral("what is the")).isEmpty());
        QVERIFY(search(QString()).isEmpty());
        QVERIFY(search(QStringLiteral("   ?!  ")).isEmpty());
    }

    void hostileSearchInputIsHarmless_data()
    {
        QTest::addColumn<QString>("question");
        QTest::newRow("fts5 syntax") << QStringLiteral("\" OR * NEAR(");
        QTest::newRow("sql") << QStringLiteral("'); DROP TABLE knowledge_articles; --");
        QTest::newRow("column filter") << QStringLiteral("title:card content:*");
        QTest::newRow("operators") << QStringLiteral("card AND NOT OR NEAR/2 ^lost");
        QTest::newRow("tsquery syntax") << QStringLiteral("card & !lost | (stolen <-> ) :* 'x'");
        QTest::newRow("quotes and backslashes") << QStringLiteral("\\' \\\" ''' \"\"\" \\\\");
        QTest::newRow("only punctuation") << QStringLiteral("*()\"'^:-+");
        QTest::newRow("control characters") << QString(
            QStringLiteral("card") + QChar(0) + QStringLiteral("lost") + QChar(1) + QStringLiteral("\n\t"));
        QTest::newRow("very long") << QStringLiteral("card lost ").repeated(400);
        QTest::newRow("many distinct words") << [] {
            QString s;
            for (int i = 0; i < 500; ++i)
                s += QStringLiteral("word%1 ").arg(i);
            return s;
        }();
        QTest::newRow("unicode") << QStringLiteral("🙂 日本語 Ελληνικά кириллица ﷽");
    }

    void hostileSearchInputIsHarmless()
    {
        QFETCH(QString, question);
        SqlSession s = m_db->session();
        make(s, QStringLiteral("Lost card hostile check"), QStringLiteral("card lost"));
        for (const QString &language :
            { QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("'; --") }) {
            auto hits = KnowledgeStore::search(s, question, language, 5);
            QVERIFY2(hits.ok(), qPrintable(hits.error().code + QLatin1Char(' ') + hits.error().detail));
        }
        auto list = KnowledgeStore::list(s, { question, {}, {}, {}, {} });
        QVERIFY2(list.ok(), qPrintable(list.error().detail));
        auto n = KnowledgeStore::count(s);
        QVERIFY(n.ok() && n.value() > 0);
        QVERIFY(!search(QStringLiteral("hostile check")).isEmpty());
    }

    void reindexFillsArticlesWrittenBeforeTheSearchColumn()
    {
        SqlSession s = m_db->session();
        auto id = s.insert(QStringLiteral("INSERT INTO knowledge_articles (title, content, status) "
                                          "VALUES ('Armadillo', 'Old row', 'published') RETURNING id"));
        QVERIFY(id.ok());
        QVERIFY(search(QStringLiteral("armadillo")).isEmpty());
        auto done = KnowledgeStore::reindex(s);
        QVERIFY(done.ok());
        QVERIFY(done.value() >= 1);
        QCOMPARE(titles(search(QStringLiteral("armadillos"))), QStringList { QStringLiteral("Armadillo") });
        QCOMPARE(KnowledgeStore::reindex(s).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeStore)
#include "tst_knowledgestore.moc"
