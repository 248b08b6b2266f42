// The assistant's retrieval ranks every everyday question the same on PostgreSQL (tsvector
// candidates) and SQLite (FTS5 candidates): both feed the same C++ BM25F ranker, so a bank moving
// from one to the other keeps its answers. Runs on PostgreSQL, with a SQLite base opened beside it.

#include "server/storage/knowledgeseeder.h"
#include "tests/storage/retrievalquestions.h"
#include "tests/support/testdatabase.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

class TestRetrievalDialects : public QObject
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
        QVERIFY(KnowledgeSeeder::seed(s).ok());
    }

    void cleanupTestCase() { m_db.reset(); }

    void bothDialectsRankEveryQuestionTheSame()
    {
        QVERIFY2(m_test.isPostgres(), "this suite needs PostgreSQL (JOXAI_TEST_DB=postgresql)");
        QTemporaryDir dir;
        QString why;
        auto sqlite = openSqliteBeside(dir.path(), &why);
        QVERIFY2(sqlite, qPrintable(why));
        SqlSession lite = sqlite->session();
        QVERIFY(KnowledgeSeeder::seed(lite).ok());
        SqlSession pg = m_db->session();
        for (const Question &q : kQuestions) {
            const QString text = QString::fromUtf8(q.text);
            auto a = Retriever::retrieve(pg, text, QString::fromUtf8(q.language), 10);
            auto b = Retriever::retrieve(lite, text, QString::fromUtf8(q.language), 10);
            QVERIFY(a.ok() && b.ok());
            QVERIFY2(describe(*a) == describe(*b),
                qPrintable(text + QStringLiteral("\npostgresql: ") + describe(*a)
                    + QStringLiteral("\nsqlite:     ") + describe(*b)));
        }
    }
};

QTEST_GUILESS_MAIN(TestRetrievalDialects)
#include "tst_retrieval_dialects.moc"
