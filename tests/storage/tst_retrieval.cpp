// Retrieval on the default knowledge base, as a fresh server has it: everyday questions in English
// and French find the right article first, on SQLite and on PostgreSQL alike (tst_retrieval_dialects
// checks that both rank every question the same); the seeder loads the base once, into an empty
// table only.

#include "server/assistant/retriever.h"
#include "server/storage/database.h"
#include "server/storage/knowledgeseeder.h"
#include "server/storage/migrator.h"
#include "tests/storage/retrievalquestions.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QtTest>
#include <ctime>

using namespace joxai;
using namespace joxai::test;


class TestRetrieval : public QObject
{
    Q_OBJECT

private:
    TestDatabase m_test;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_db = m_test.openMigrated(2, &why);
        QVERIFY2(m_db, qPrintable(why));
        SqlSession s = m_db->session();
        auto seeded = KnowledgeSeeder::seed(s);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().detail));
        QVERIFY(seeded.value() >= 80);
    }

    void cleanupTestCase() { m_db.reset(); }

    void seederLoadsAtLeastFortyPublishedArticlesPerLanguage()
    {
        SqlSession s = m_db->session();
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("fr") }) {
            auto n = s.scalar(
                QStringLiteral("SELECT COUNT(*) FROM knowledge_articles WHERE language = ? AND status = "
                               "'published' AND version = 1 AND published_at IS NOT NULL"),
                { language });
            QVERIFY(n.ok());
            QVERIFY2(n->value().toInt() >= 40, qPrintable(language));
        }
        auto versions = s.scalar(
            QStringLiteral("SELECT COUNT(*) FROM knowledge_versions v JOIN knowledge_articles a "
                           "ON a.id = v.article_id WHERE v.version = 1 AND v.status = 'published'"));
        auto articles = KnowledgeStore::count(s);
        QCOMPARE(versions->value().toLongLong(), articles.value());
        // Every default article has a category, tags and a body of real length.
        auto defaults = KnowledgeSeeder::defaults();
        QVERIFY(defaults.ok());
        QCOMPARE(qint64(defaults->size()), articles.value());
        for (const NewArticle &a : defaults.value()) {
            QVERIFY2(!a.category.isEmpty() && !a.tags.isEmpty(), qPrintable(a.title));
            const qsizetype words
                = a.content.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
            QVERIFY2(words >= 80 && words <= 260,
                qPrintable(QStringLiteral("%1: %2 words").arg(a.title).arg(words)));
        }
    }

    void seederLoadsOnlyIntoAnEmptyTable()
    {
        SqlSession s = m_db->session();
        const qint64 before = KnowledgeStore::count(s).value();
        auto again = KnowledgeSeeder::seed(s);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 0);
        QCOMPARE(KnowledgeStore::count(s).value(), before);

        // A base staff started themselves is theirs: no defaults added to it.
        QTemporaryDir dir;
        QString why;
        DatabaseTarget t;
        t.sqlitePath = dir.filePath(QStringLiteral("own.db"));
        Database own(t, 1);
        SqlSession o = own.session();
        QVERIFY(Migrator().migrate(o).ok());
        NewArticle mine;
        mine.title = QStringLiteral("Our own article");
        mine.content = QStringLiteral("Written by staff");
        QVERIFY(KnowledgeStore::create(o, mine).ok());
        QCOMPARE(KnowledgeSeeder::seed(o).value(), 0);
        QCOMPARE(KnowledgeStore::count(o).value(), qint64(1));
    }

    void everydayQuestionsFindTheRightArticleFirst_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("expected");
        for (const Question &q : kQuestions)
            QTest::newRow(q.text) << QString::fromUtf8(q.language) << QString::fromUtf8(q.text)
                                  << QString::fromUtf8(q.expectedTitle);
    }

    void everydayQuestionsFindTheRightArticleFirst()
    {
        QFETCH(QString, language);
        QFETCH(QString, question);
        QFETCH(QString, expected);
        SqlSession s = m_db->session();
        auto matches = Retriever::retrieve(s, question, language);
        QVERIFY2(matches.ok(), qPrintable(matches.error().detail));
        QVERIFY2(!matches->isEmpty(), "no match");
        QVERIFY(matches->size() <= 3);
        QVERIFY2(matches->first().title == expected, qPrintable(describe(matches.value())));
        QCOMPARE(matches->first().language, language);
        for (qsizetype i = 1; i < matches->size(); ++i)
            QVERIFY(matches->at(i - 1).score >= matches->at(i).score);
    }

    void questionsWithoutTopicFindNothing()
    {
        SqlSession s = m_db->session();
        for (const QString &q :
            { QStringLiteral("hello"), QStringLiteral("thanks!"), QStringLiteral("bonjour"),
                QStringLiteral("merci beaucoup"), QStringLiteral("what is it?") }) {
            auto matches = Retriever::retrieve(s, q, QStringLiteral("en"));
            QVERIFY(matches.ok());
            QVERIFY2(matches->isEmpty() || matches->first().score < 3.0,
                qPrintable(q + QLatin1String(": ") + describe(*matches)));
        }
    }

    void measuresRetrievalLatency()
    {
        // Reported, not asserted (CONVENTIONS.md: no wall-clock assertions in unit tests).
        SqlSession s = m_db->session();
        QStringList questions;
        QStringList languages;
        for (const Question &q : kQuestions) {
            questions << QString::fromUtf8(q.text);
            languages << QString::fromUtf8(q.language);
        }
        for (qsizetype i = 0; i < questions.size(); ++i) // warm the memo
            QVERIFY(Retriever::retrieve(s, questions.at(i), languages.at(i)).ok());
        const int rounds = 20;
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        for (int r = 0; r < rounds; ++r)
            for (qsizetype i = 0; i < questions.size(); ++i)
                QVERIFY(Retriever::retrieve(s, questions.at(i), languages.at(i)).ok());
        const double calls = double(rounds * questions.size());
        const double wall = double(timer.nsecsElapsed()) / 1000.0 / calls;
        const double cpu = double(std::clock() - cpuStart) * 1e6 / CLOCKS_PER_SEC / calls;
        qInfo("retrieval on %s, %lld articles: %.1f µs per question wall, %.1f µs CPU in this process "
              "(%lld questions x %d)",
            qPrintable(TestDatabase::dialectName()), KnowledgeStore::count(s).value(), wall, cpu,
            qlonglong(questions.size()), rounds);
    }
};

QTEST_GUILESS_MAIN(TestRetrieval)
#include "tst_retrieval.moc"
