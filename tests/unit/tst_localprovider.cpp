#include "server/assistant/assistanttexts.h"
#include "server/assistant/localprovider.h"

#include <QRegularExpression>
#include <QTest>

using namespace joxai;

namespace {

KnowledgeMatch article(qint64 id, const QString &title, const QString &content, double score,
                       const QString &language = QStringLiteral("en"))
{
    KnowledgeMatch m;
    m.id = id;
    m.title = title;
    m.content = content;
    m.category = QStringLiteral("cards");
    m.language = language;
    m.score = score;
    return m;
}

AssistantRequest ask(const QString &question, Intent intent = Intent::None,
                     const QString &language = QStringLiteral("en"))
{
    AssistantRequest r;
    r.conversationId = QStringLiteral("6f1c2a8e-0000-4000-8000-000000000001");
    r.language = language;
    r.question = question;
    r.intent = intent;
    return r;
}

const QString kLimitsEn = QStringLiteral(
    "# Card limits\n\n"
    "Your debit card has a **daily payment limit** and a *daily cash withdrawal limit*. "
    "You can see both in the app under Cards > Limits.\n\n"
    "## Changing a limit\n\n"
    "1. Open the app and go to **Cards**.\n"
    "2. Choose *Limits*.\n"
    "3. Set the new amount and confirm.\n");

const QString kLimitsFr = QStringLiteral(
    "# Plafonds de carte\n\n"
    "Votre carte a un **plafond de paiement** et un plafond de retrait. "
    "Vous les voyez dans l’application, rubrique Cartes.\n");

bool hasDigit(const QString &text)
{
    for (const QChar c : text) {
        if (c.isDigit())
            return true;
    }
    return false;
}

} // namespace

class TestLocalProvider final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isNamedLocalAndCostsNothing();
    void answersFromTheBestMatchWithItsSource();
    void answerIsPlainTextWithoutMarkdown();
    void answerStaysShortAndEndsWithAWholeSentence();
    void answersInTheRequestLanguage();
    void prefersAnArticleInTheConversationLanguage();
    void notesWhenOnlyAnotherLanguageHasAnArticle();
    void offersACloseSecondArticleAsSeeAlso();
    void saysItDoesNotKnowWithoutMatches();
    void saysItDoesNotKnowBelowTheMinimumScore();
    void unknownLanguageFallsBackToEnglish();
    void balanceNeverContainsDigitsOrAmounts();
    void balanceIsTheSameForVerifiedAndAnonymousCustomers();
    void greetingThanksAndHumanHaveTheirOwnReplies();
    void lostCardWithoutArticleStillGetsSafetyAdvice();
    void replyCallsDoneSynchronouslyOnce();
};

void TestLocalProvider::isNamedLocalAndCostsNothing()
{
    LocalProvider provider;
    QCOMPARE(provider.name(), QStringLiteral("local"));
    AssistantRequest r = ask(QStringLiteral("What is my card limit?"), Intent::Transfer);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 5.2)};
    const AssistantReply reply = provider.answer(r);
    QCOMPARE(reply.provider, QStringLiteral("local"));
    QCOMPARE(reply.model, QStringLiteral("local-retrieval"));
    QCOMPARE(reply.tokensIn, 0);
    QCOMPARE(reply.tokensOut, 0);
    QCOMPARE(reply.costUsd, 0.0);
    QVERIFY(!reply.fallback);
    QVERIFY(!reply.cacheHit);
}

void TestLocalProvider::answersFromTheBestMatchWithItsSource()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("What is my card limit?"), Intent::Transfer);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 5.2),
                 article(9, QStringLiteral("Opening hours"), QStringLiteral("We are open nine to five."), 1.1)};
    const AssistantReply reply = provider.answer(r);
    QVERIFY(reply.answered);
    QVERIFY2(reply.text.startsWith(QStringLiteral("Your debit card has a daily payment limit")),
             qPrintable(reply.text));
    QCOMPARE(reply.sources.size(), 1);
    QCOMPARE(reply.sources.front().id, 7);
    QCOMPARE(reply.sources.front().title, QStringLiteral("Card limits"));
}

void TestLocalProvider::answerIsPlainTextWithoutMarkdown()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("How do I change a limit?"), Intent::Transfer);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 5.2)};
    const QString text = provider.answer(r).text;
    QVERIFY2(!text.contains(QLatin1Char('#')), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('*')), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Changing a limit")), qPrintable(text)); // headings dropped
    QVERIFY2(text.contains(QStringLiteral("• Open the app and go to Cards.")), qPrintable(text));
}

void TestLocalProvider::answerStaysShortAndEndsWithAWholeSentence()
{
    QString longArticle = QStringLiteral("# Transfers\n\n");
    for (int i = 0; i < 40; ++i)
        longArticle += QStringLiteral("A transfer within the euro area arrives on the next working day. ");
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("How long does a transfer take?"), Intent::Transfer);
    r.matches = {article(3, QStringLiteral("Transfers"), longArticle, 4.0)};
    const QString text = provider.answer(r).text;
    QVERIFY2(text.size() <= 600, qPrintable(QString::number(text.size())));
    QVERIFY(text.size() >= 200);
    QVERIFY(text.endsWith(QStringLiteral("working day.")));
}

void TestLocalProvider::answersInTheRequestLanguage()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("Quel est mon plafond ?"), Intent::Transfer, QStringLiteral("fr"));
    r.matches = {article(8, QStringLiteral("Plafonds de carte"), kLimitsFr, 4.0, QStringLiteral("fr"))};
    const AssistantReply reply = provider.answer(r);
    QVERIFY(reply.text.startsWith(QStringLiteral("Votre carte a un plafond de paiement")));

    const AssistantReply unknown = provider.answer(ask(QStringLiteral("Quelle heure est-il à Lima ?"),
                                                       Intent::None, QStringLiteral("fr")));
    QVERIFY(!unknown.answered);
    QCOMPARE(unknown.text, AssistantTexts::dontKnow(QStringLiteral("fr")));
    QVERIFY(unknown.text.contains(QStringLiteral("personne")));
}

void TestLocalProvider::prefersAnArticleInTheConversationLanguage()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("plafond carte"), Intent::Transfer, QStringLiteral("fr"));
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 6.0),
                 article(8, QStringLiteral("Plafonds de carte"), kLimitsFr, 4.0, QStringLiteral("fr"))};
    const AssistantReply reply = provider.answer(r);
    QCOMPARE(reply.sources.front().id, 8);
    QVERIFY(reply.text.startsWith(QStringLiteral("Votre carte")));
}

void TestLocalProvider::notesWhenOnlyAnotherLanguageHasAnArticle()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("plafond carte"), Intent::Transfer, QStringLiteral("fr"));
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 6.0)};
    const AssistantReply reply = provider.answer(r);
    QVERIFY(reply.answered);
    QCOMPARE(reply.sources.front().id, 7);
    QVERIFY(reply.text.endsWith(AssistantTexts::otherLanguageNote(QStringLiteral("fr"))));
}

void TestLocalProvider::offersACloseSecondArticleAsSeeAlso()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("card limit"), Intent::Transfer);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 5.0),
                 article(11, QStringLiteral("Contactless payments"), QStringLiteral("Tap to pay."), 4.5),
                 article(12, QStringLiteral("Travel abroad"), QStringLiteral("Tell us before you go."), 4.4)};
    const AssistantReply reply = provider.answer(r);
    QCOMPARE(reply.sources.size(), 2);
    QCOMPARE(reply.sources.at(1).id, 11);
    QVERIFY(reply.text.endsWith(AssistantTexts::seeAlso(QStringLiteral("en"), QStringLiteral("Contactless payments"))));

    r.matches[1].score = 2.0; // far behind the best: not offered
    r.matches[2].score = 1.5;
    QCOMPARE(provider.answer(r).sources.size(), 1);
}

void TestLocalProvider::saysItDoesNotKnowWithoutMatches()
{
    LocalProvider provider;
    const AssistantReply reply = provider.answer(ask(QStringLiteral("What is the capital of Peru?")));
    QVERIFY(!reply.answered);
    QVERIFY(reply.sources.isEmpty());
    QCOMPARE(reply.text, AssistantTexts::dontKnow(QStringLiteral("en")));
    QVERIFY(reply.text.contains(QStringLiteral("don’t know")));
    QVERIFY(reply.text.contains(QStringLiteral("person")));
    QCOMPARE(reply.provider, QStringLiteral("local"));
}

void TestLocalProvider::saysItDoesNotKnowBelowTheMinimumScore()
{
    LocalProvider provider(2.0);
    QCOMPARE(provider.minScore(), 2.0);
    AssistantRequest r = ask(QStringLiteral("card limit"), Intent::Transfer);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 1.9)};
    QVERIFY(!provider.answer(r).answered);
    r.matches[0].score = 2.0;
    QVERIFY(provider.answer(r).answered);

    LocalProvider byDefault;
    r.matches[0].score = 0.7; // a match on common words only
    QVERIFY(!byDefault.answer(r).answered);
}

void TestLocalProvider::unknownLanguageFallsBackToEnglish()
{
    LocalProvider provider;
    const AssistantReply reply = provider.answer(ask(QStringLiteral("Hallo"), Intent::Greeting, QStringLiteral("de")));
    QCOMPARE(reply.text, AssistantTexts::greetingReply(QStringLiteral("en")));
    const AssistantReply fr = provider.answer(ask(QStringLiteral("Salut"), Intent::Greeting, QStringLiteral("fr-CA")));
    QCOMPARE(fr.text, AssistantTexts::greetingReply(QStringLiteral("fr")));
}

void TestLocalProvider::balanceNeverContainsDigitsOrAmounts()
{
    LocalProvider provider;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
        AssistantRequest r = ask(QStringLiteral("What is my balance? Is it 1 200 €?"), Intent::Balance, language);
        // Even with an article that quotes figures, the balance reply explains where to look.
        r.matches = {article(5, QStringLiteral("Overdraft"), QStringLiteral("Your overdraft is 500 EUR."), 9.0)};
        const AssistantReply reply = provider.answer(r);
        QVERIFY(reply.answered);
        QVERIFY2(!hasDigit(reply.text), qPrintable(reply.text));
        QVERIFY(!reply.text.contains(QRegularExpression(QStringLiteral("[€$£]"))));
        QVERIFY(reply.sources.isEmpty());
        QVERIFY(reply.text.contains(language == QLatin1String("fr") ? QStringLiteral("application")
                                                                     : QStringLiteral("app")));
    }
}

void TestLocalProvider::balanceIsTheSameForVerifiedAndAnonymousCustomers()
{
    LocalProvider provider;
    AssistantRequest anonymous = ask(QStringLiteral("balance?"), Intent::Balance);
    AssistantRequest verified = anonymous;
    verified.verified = true;
    QCOMPARE(provider.answer(verified).text, provider.answer(anonymous).text);
}

void TestLocalProvider::greetingThanksAndHumanHaveTheirOwnReplies()
{
    LocalProvider provider;
    AssistantRequest r = ask(QStringLiteral("hello"), Intent::Greeting);
    r.matches = {article(7, QStringLiteral("Card limits"), kLimitsEn, 5.0)};
    QCOMPARE(provider.answer(r).text, AssistantTexts::greetingReply(QStringLiteral("en")));
    QVERIFY(provider.answer(r).sources.isEmpty());
    r.intent = Intent::Thanks;
    QCOMPARE(provider.answer(r).text, AssistantTexts::thanksReply(QStringLiteral("en")));
    r.intent = Intent::Human;
    r.language = QStringLiteral("fr");
    const AssistantReply human = provider.answer(r);
    QCOMPARE(human.text, AssistantTexts::escalationNotice(QStringLiteral("fr")));
    QVERIFY(human.answered);
}

void TestLocalProvider::lostCardWithoutArticleStillGetsSafetyAdvice()
{
    LocalProvider provider;
    const AssistantReply card = provider.answer(ask(QStringLiteral("I lost my card"), Intent::CardLost));
    QVERIFY(card.answered);
    QCOMPARE(card.text, AssistantTexts::cardLostHelp(QStringLiteral("en")));
    const AssistantReply fraud = provider.answer(
        ask(QStringLiteral("Je ne reconnais pas ce paiement"), Intent::Fraud, QStringLiteral("fr")));
    QCOMPARE(fraud.text, AssistantTexts::fraudHelp(QStringLiteral("fr")));

    AssistantRequest withArticle = ask(QStringLiteral("I lost my card"), Intent::CardLost);
    withArticle.matches = {article(2, QStringLiteral("Lost or stolen card"),
                                   QStringLiteral("Block your card in the app at once. We send a new one."), 6.0)};
    const AssistantReply sourced = provider.answer(withArticle);
    QCOMPARE(sourced.sources.size(), 1);
    QCOMPARE(sourced.text, QStringLiteral("Block your card in the app at once. We send a new one."));
}

void TestLocalProvider::replyCallsDoneSynchronouslyOnce()
{
    LocalProvider provider;
    int calls = 0;
    AssistantReply got;
    provider.reply(ask(QStringLiteral("hello"), Intent::Greeting), [&](Result<AssistantReply> result) {
        ++calls;
        QVERIFY(result.ok());
        got = result.value();
    });
    QCOMPARE(calls, 1);
    QCOMPARE(got.text, AssistantTexts::greetingReply(QStringLiteral("en")));
}

QTEST_GUILESS_MAIN(TestLocalProvider)
#include "tst_localprovider.moc"
