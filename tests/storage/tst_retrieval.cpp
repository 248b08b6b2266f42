// Retrieval on the default knowledge base, as a fresh server has it: everyday questions in English
// and French find the right article first, on SQLite and on PostgreSQL alike; the seeder loads the
// base once, into an empty table only.

#include "server/assistant/retriever.h"
#include "server/storage/database.h"
#include "server/storage/knowledgeseeder.h"
#include "server/storage/migrator.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QtTest>
#include <ctime>

using namespace joxai;
using namespace joxai::test;

namespace {

struct Question
{
    const char *language;
    const char *text;
    const char *expectedTitle;
};

// Each question and the article a customer needs first.
const Question kQuestions[] = {
    { "en", "I lost my card", "Lost or stolen card: block it now" },
    { "en", "my card was stolen", "Lost or stolen card: block it now" },
    { "en", "what are your opening hours", "Opening hours and branches" },
    { "en", "how do I reset my password", "Forgotten password and online banking login" },
    { "en", "there is a payment on my account I don't recognise",
        "Card fraud and transactions you don't recognise" },
    { "en", "how do I make an international transfer", "International transfers (SWIFT)" },
    { "en", "how can I increase my transfer limit", "Transfer limits and how to raise them" },
    { "en", "I forgot my PIN", "Forgotten PIN" },
    { "en", "how do I open an account", "Opening an account: documents you need" },
    { "en", "I want to close my account", "Closing your account" },
    { "en", "how do I make a complaint", "Making a complaint and the ombudsman" },
    { "en", "what fees do you charge", "Fees and charges" },
    { "en", "how do I set up Apple Pay", "Apple Pay and Google Pay" },
    { "en", "I got a new phone", "Two-factor authentication and changing your phone" },
    { "en", "I am travelling abroad, will my card work?", "Using your card abroad and travelling" },
    { "en", "how do I dispute a card payment", "Disputing a card payment (chargeback)" },
    { "en", "I want to apply for a mortgage", "Mortgages" },
    { "en", "can I get a personal loan", "Personal loans" },
    { "en", "how do I change my address", "Changing your address or name" },
    { "en", "someone called me and asked for my PIN", "Phishing and scams: how to protect yourself" },
    { "en", "I want to talk to a person", "Talking to a person" },
    { "en", "how can I check my balance", "Checking your balance" },
    { "en", "book an appointment with my adviser", "Booking an appointment with an adviser" },
    { "en", "how do I set up a standing order", "Standing orders" },
    { "en", "how to cancel a direct debit", "Direct debits" },
    { "en", "my online banking access is locked", "Locked online banking access" },
    { "en", "how do I deposit a cheque", "Cheques" },
    { "en", "where can I deposit cash", "Depositing cash" },
    { "en", "where do I find my IBAN", "Statements, IBAN and bank certificates" },
    { "en", "my father died, what happens to his account", "When an account holder dies" },
    { "en", "do you have student accounts", "Student accounts" },
    { "en", "how do I order foreign currency", "Foreign currency" },
    { "en", "what is the cut-off time for transfers", "Transfer cut-off times and when money arrives" },
    { "en", "how do I change my PIN", "Changing your PIN" },
    { "en", "can I have an overdraft", "Overdrafts" },
    { "en", "my card was declined", "Why was my card declined?" },
    { "en", "how do contactless payments work", "Contactless payments" },
    { "en", "open a business account for my company", "Business accounts" },
    { "fr", "j'ai perdu ma carte", "Carte perdue ou volée : faites opposition tout de suite" },
    { "fr", "on m'a volé ma carte bancaire", "Carte perdue ou volée : faites opposition tout de suite" },
    { "fr", "quels sont vos horaires d'ouverture", "Horaires d'ouverture et agences" },
    { "fr", "comment faire un virement international", "Virements internationaux (SWIFT)" },
    { "fr", "j'ai oublié mon mot de passe", "Mot de passe oublié et connexion à la banque en ligne" },
    { "fr", "je ne reconnais pas un paiement sur mon compte",
        "Fraude à la carte et opérations non reconnues" },
    { "fr", "comment augmenter mon plafond de virement", "Plafonds de virement et comment les augmenter" },
    { "fr", "j'ai oublié mon code PIN", "Code PIN oublié" },
    { "fr", "comment ouvrir un compte", "Ouvrir un compte : les documents nécessaires" },
    { "fr", "je veux clôturer mon compte", "Clôturer votre compte" },
    { "fr", "comment faire une réclamation", "Faire une réclamation et saisir le médiateur" },
    { "fr", "quels sont les frais bancaires", "Frais bancaires et tarifs" },
    { "fr", "comment activer Apple Pay", "Apple Pay et Google Pay" },
    { "fr", "j'ai changé de téléphone", "Double authentification et changement de téléphone" },
    { "fr", "je pars à l'étranger, ma carte fonctionnera-t-elle ?",
        "Utiliser votre carte à l'étranger et en voyage" },
    { "fr", "contester un paiement par carte", "Contester un paiement par carte" },
    { "fr", "je voudrais un prêt immobilier", "Crédit immobilier" },
    { "fr", "je voudrais un prêt personnel", "Prêts personnels" },
    { "fr", "comment changer d'adresse", "Changer d'adresse ou de nom" },
    { "fr", "on m'a demandé mon code par téléphone", "Hameçonnage et arnaques : comment vous protéger" },
    { "fr", "je veux parler à un conseiller", "Parler à un conseiller" },
    { "fr", "comment consulter mon solde", "Consulter votre solde" },
    { "fr", "prendre rendez-vous avec mon conseiller", "Prendre rendez-vous avec un conseiller" },
    { "fr", "mettre en place un virement permanent", "Virements permanents" },
    { "fr", "annuler un prélèvement", "Prélèvements" },
    { "fr", "mon accès en ligne est bloqué", "Accès à la banque en ligne bloqué" },
    { "fr", "déposer un chèque", "Chèques" },
    { "fr", "déposer des espèces", "Déposer des espèces" },
    { "fr", "obtenir un RIB", "Relevés, RIB et attestations" },
    { "fr", "mon père est décédé, que devient son compte", "Décès d'un titulaire de compte" },
    { "fr", "donner procuration sur mon compte", "Procuration" },
    { "fr", "ouvrir un compte professionnel", "Comptes professionnels" },
    { "fr", "avez-vous un compte étudiant", "Comptes étudiants" },
    { "fr", "commander des devises", "Devises étrangères" },
    { "fr", "heure limite pour un virement", "Heures limites des virements et délais d'arrivée" },
    { "fr", "virement instantané", "Virements instantanés" },
    { "fr", "paiement sans contact", "Paiement sans contact" },
    { "fr", "ma carte est refusée", "Pourquoi ma carte a-t-elle été refusée ?" },
    { "fr", "ouvrir un livret d'épargne", "Comptes d'épargne et livrets" },
    { "fr", "j'ai un découvert", "Découvert autorisé" },
};

QString describe(const QList<KnowledgeMatch> &matches)
{
    QStringList parts;
    for (const KnowledgeMatch &m : matches)
        parts << QStringLiteral("%1 (%2)").arg(m.title).arg(m.score);
    return parts.join(QStringLiteral(" | "));
}

std::unique_ptr<Database> openSqliteBeside(const QString &folder, QString *why)
{
    DatabaseTarget t;
    t.sqlitePath = folder + QStringLiteral("/cross-check.db");
    auto db = std::make_unique<Database>(t, 1);
    SqlSession s = db->session();
    auto migrated = Migrator().migrate(s);
    if (!migrated) {
        *why = migrated.error().detail;
        return nullptr;
    }
    return db;
}

} // namespace

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

    void bothDialectsRankEveryQuestionTheSame()
    {
        if (!m_test.isPostgres())
            QSKIP("compared in the postgresql run, which opens a SQLite base beside its PostgreSQL one");
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
