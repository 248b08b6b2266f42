#include "server/assistant/intentclassifier.h"

#include <QTest>

using namespace joxai;

Q_DECLARE_METATYPE(joxai::Intent)

namespace QTest {
template<>
char *toString(const Intent &intent)
{
    return qstrdup(intentName(intent).toUtf8().constData());
}
} // namespace QTest

class TestIntentClassifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognisesEachIntentInEnglishAndFrench_data();
    void recognisesEachIntentInEnglishAndFrench();
    void ignoresCaseAndAccents();
    void mostUrgentIntentWins_data();
    void mostUrgentIntentWins();
    void greetingAndThanksOnlyWhenNothingElseMatches();
    void unrelatedTextIsNone();
    void strongAngerIsStronglyNegative_data();
    void strongAngerIsStronglyNegative();
    void ordinaryComplaintsAreNotStronglyNegative_data();
    void ordinaryComplaintsAreNotStronglyNegative();
};

void TestIntentClassifier::recognisesEachIntentInEnglishAndFrench_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Intent>("intent");
    auto row = [](const char *text, Intent intent) {
        QTest::newRow(text) << QString::fromUtf8(text) << intent;
    };
    row("Hello", Intent::Greeting);
    row("hi there", Intent::Greeting);
    row("Good morning!", Intent::Greeting);
    row("Bonjour", Intent::Greeting);
    row("Salut !", Intent::Greeting);
    row("Thanks a lot", Intent::Thanks);
    row("thank you, that helps", Intent::Thanks);
    row("Merci beaucoup", Intent::Thanks);
    row("Je vous remercie", Intent::Thanks);
    row("I want to talk to a person", Intent::Human);
    row("Can I speak to someone please?", Intent::Human);
    row("agent", Intent::Human);
    row("Let me talk to a human", Intent::Human);
    row("Je voudrais parler à un conseiller", Intent::Human);
    row("Je veux parler à une personne", Intent::Human);
    row("un humain svp", Intent::Human);
    row("What's my balance?", Intent::Balance);
    row("How much money do I have in my account?", Intent::Balance);
    row("Quel est mon solde ?", Intent::Balance);
    row("Combien il me reste sur mon compte ?", Intent::Balance);
    row("I lost my card", Intent::CardLost);
    row("My credit card was stolen yesterday", Intent::CardLost);
    row("I can't find my card anywhere", Intent::CardLost);
    row("J'ai perdu ma carte bancaire", Intent::CardLost);
    row("On m'a volé ma carte", Intent::CardLost);
    row("Ma carte a été volée", Intent::CardLost);
    row("Je dois faire opposition", Intent::CardLost);
    row("There's a transaction I don't recognise", Intent::Fraud);
    row("I think this is fraud", Intent::Fraud);
    row("unauthorized payment on my account", Intent::Fraud);
    row("Je ne reconnais pas ce prélèvement", Intent::Fraud);
    row("Il y a une opération frauduleuse", Intent::Fraud);
    row("un paiement inconnu sur mon relevé", Intent::Fraud);
    row("I want to dispute a payment", Intent::Dispute);
    row("The shop charged me twice", Intent::Dispute);
    row("Je veux contester un achat", Intent::Dispute);
    row("J'ai été débité deux fois", Intent::Dispute);
    row("I want to make a complaint", Intent::Complaint);
    row("I'm not happy with how I was treated", Intent::Complaint);
    row("Je souhaite déposer une réclamation", Intent::Complaint);
    row("Je suis très mécontent du service", Intent::Complaint);
    row("How do I make a transfer abroad?", Intent::Transfer);
    row("What is my daily transfer limit?", Intent::Transfer);
    row("Comment faire un virement ?", Intent::Transfer);
    row("Quel est le plafond de ma carte ?", Intent::Transfer);
    row("What are your fees?", Intent::Fees);
    row("How much does the premium account cost?", Intent::Fees);
    row("Quels sont les frais de tenue de compte ?", Intent::Fees);
    row("C'est quoi ces agios ?", Intent::Fees);
    row("What are your opening hours?", Intent::Hours);
    row("Are you open on Saturday?", Intent::Hours);
    row("Quels sont vos horaires ?", Intent::Hours);
    row("L'agence est ouverte le samedi ?", Intent::Hours);
    row("How do I open an account?", Intent::AccountOpening);
    row("I'd like to open a savings account", Intent::AccountOpening);
    row("Comment ouvrir un compte ?", Intent::AccountOpening);
    row("Je voudrais devenir client", Intent::AccountOpening);
    row("Can I get a loan for a car?", Intent::Loans);
    row("What mortgage rates do you offer", Intent::Loans);
    row("Je voudrais faire une simulation de prêt immobilier", Intent::Loans);
    row("Je souhaite emprunter 10 000 euros", Intent::Loans);
    row("I forgot my password", Intent::Login);
    row("I can't log in to the app", Intent::Login);
    row("J'ai oublié mon mot de passe", Intent::Login);
    row("Je n'arrive pas à me connecter", Intent::Login);
}

void TestIntentClassifier::recognisesEachIntentInEnglishAndFrench()
{
    QFETCH(QString, text);
    QFETCH(Intent, intent);
    QCOMPARE(IntentClassifier::classify(text), intent);
}

void TestIntentClassifier::ignoresCaseAndAccents()
{
    QCOMPARE(IntentClassifier::classify(QStringLiteral("J'AI PERDU MA CARTE")), Intent::CardLost);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("je veux parler a un conseiller")), Intent::Human);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("PARLER À UN CONSEILLER")), Intent::Human);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("ma carte a ete volee")), Intent::CardLost);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Je ne reconnais pas ce prelevement")), Intent::Fraud);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("j’ai oublié mon MOT DE PASSE")), Intent::Login);
}

void TestIntentClassifier::mostUrgentIntentWins_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Intent>("intent");
    QTest::newRow("human over card lost")
        << QStringLiteral("My card was stolen, I need to speak to someone") << Intent::Human;
    QTest::newRow("card lost over fraud")
        << QStringLiteral("My card was stolen and there are payments I don't recognise") << Intent::CardLost;
    QTest::newRow("fraud over dispute")
        << QStringLiteral("I want to dispute a fraudulent transaction") << Intent::Fraud;
    QTest::newRow("dispute over complaint")
        << QStringLiteral("I want to complain, you charged me twice and I want a refund") << Intent::Dispute;
    QTest::newRow("complaint over fees")
        << QStringLiteral("Je veux faire une réclamation sur les frais") << Intent::Complaint;
    QTest::newRow("human over greeting") << QStringLiteral("Hello, can I talk to a person?") << Intent::Human;
    QTest::newRow("fees over transfer") << QStringLiteral("Is there a fee for a transfer?") << Intent::Fees;
    QTest::newRow("carte perdue, conseiller")
        << QStringLiteral("J'ai perdu ma carte, je veux un conseiller") << Intent::Human;
}

void TestIntentClassifier::mostUrgentIntentWins()
{
    QFETCH(QString, text);
    QFETCH(Intent, intent);
    QCOMPARE(IntentClassifier::classify(text), intent);
}

void TestIntentClassifier::greetingAndThanksOnlyWhenNothingElseMatches()
{
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Hi, what are your opening hours?")), Intent::Hours);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Bonjour, j'ai perdu ma carte")), Intent::CardLost);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Thanks, and how do I reset my password?")),
             Intent::Login);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Merci, quel est mon solde ?")), Intent::Balance);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Bonjour")), Intent::Greeting);
}

void TestIntentClassifier::unrelatedTextIsNone()
{
    QCOMPARE(IntentClassifier::classify(QString()), Intent::None);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("   ")), Intent::None);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("What is the capital of Peru?")), Intent::None);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Quelle est la météo demain ?")), Intent::None);
    // Words that only contain a keyword do not count: "this" is not "hi", "feel" is not "fee".
    QCOMPARE(IntentClassifier::classify(QStringLiteral("I feel this is fine")), Intent::None);
}

void TestIntentClassifier::strongAngerIsStronglyNegative_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unacceptable") << QStringLiteral("This is unacceptable.");
    QTest::newRow("worst bank") << QStringLiteral("You are the worst bank I have ever dealt with");
    QTest::newRow("furious") << QStringLiteral("I'm furious about this");
    QTest::newRow("fed up") << QStringLiteral("I am fed up with your app");
    QTest::newRow("insult") << QStringLiteral("you bunch of idiots");
    QTest::newRow("inadmissible") << QStringLiteral("C'est inadmissible !");
    QTest::newRow("scandaleux") << QStringLiteral("Scandaleux, ce service");
    QTest::newRow("une honte") << QStringLiteral("C'est une honte");
    QTest::newRow("en colère") << QStringLiteral("Je suis vraiment en colère");
    QTest::newRow("marre") << QStringLiteral("J'en ai marre de cette banque");
    QTest::newRow("shouted mild word") << QStringLiteral("This is RIDICULOUS!!!");
    QTest::newRow("all caps mild word") << QStringLiteral("YOUR APP IS USELESS");
    QTest::newRow("nul shouted") << QStringLiteral("Votre service est nul !!");
}

void TestIntentClassifier::strongAngerIsStronglyNegative()
{
    QFETCH(QString, text);
    QVERIFY(IntentClassifier::isStronglyNegative(text));
}

void TestIntentClassifier::ordinaryComplaintsAreNotStronglyNegative_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("fee complaint") << QStringLiteral("I want to complain about the monthly fee, it seems too high.");
    QTest::newRow("fee ridiculous, calm") << QStringLiteral("Why was I charged this fee? Seems a bit ridiculous.");
    QTest::newRow("not happy") << QStringLiteral("I'm not happy with the transfer delay");
    QTest::newRow("frais") << QStringLiteral("Les frais sont trop élevés, je veux faire une réclamation.");
    QTest::newRow("pas content") << QStringLiteral("Je ne suis pas content de ce prélèvement");
    QTest::newRow("excited thanks") << QStringLiteral("Thank you so much!!!");
    QTest::newRow("caps greeting") << QStringLiteral("HELLO I NEED HELP WITH MY CARD");
    QTest::newRow("stolen card") << QStringLiteral("My card was stolen, please help");
    QTest::newRow("empty") << QString();
}

void TestIntentClassifier::ordinaryComplaintsAreNotStronglyNegative()
{
    QFETCH(QString, text);
    QVERIFY(!IntentClassifier::isStronglyNegative(text));
}

QTEST_GUILESS_MAIN(TestIntentClassifier)
#include "tst_intentclassifier.moc"
