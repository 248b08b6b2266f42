#include "server/assistant/assistanttexts.h"
#include "server/assistant/intentclassifier.h"

#include <QTest>

using namespace joxai;

class TestAssistantTexts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languageIsFrenchOrEnglish();
    void greetingSaysItIsAnAiAndHowToReachAPerson();
    void theWordTheGreetingSuggestsReachesAPerson();
    void agentJoinedNamesTheAgentOrStaysNeutral();
    void everyTextExistsInBothLanguagesWithoutDigits();
};

void TestAssistantTexts::languageIsFrenchOrEnglish()
{
    QCOMPARE(AssistantTexts::language(QStringLiteral("fr")), QStringLiteral("fr"));
    QCOMPARE(AssistantTexts::language(QStringLiteral(" FR-ca ")), QStringLiteral("fr"));
    QCOMPARE(AssistantTexts::language(QStringLiteral("fr_BE")), QStringLiteral("fr"));
    QCOMPARE(AssistantTexts::language(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(AssistantTexts::language(QStringLiteral("de")), QStringLiteral("en"));
    QCOMPARE(AssistantTexts::language(QStringLiteral("french")), QStringLiteral("en"));
    QCOMPARE(AssistantTexts::language(QString()), QStringLiteral("en"));
}

void TestAssistantTexts::greetingSaysItIsAnAiAndHowToReachAPerson()
{
    const QString en = AssistantTexts::greeting(QStringLiteral("en"));
    QVERIFY(en.contains(QStringLiteral("AI")));
    QVERIFY(en.contains(QStringLiteral("“agent”")));
    QVERIFY(en.contains(QStringLiteral("Talk to a person")));
    const QString fr = AssistantTexts::greeting(QStringLiteral("fr"));
    QVERIFY(fr.contains(QStringLiteral("intelligence artificielle")));
    QVERIFY(fr.contains(QStringLiteral("« conseiller »")));
    QVERIFY(fr.contains(QStringLiteral("Parler à une personne")));
}

void TestAssistantTexts::theWordTheGreetingSuggestsReachesAPerson()
{
    QCOMPARE(IntentClassifier::classify(QStringLiteral("agent")), Intent::Human);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("conseiller")), Intent::Human);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Talk to a person")), Intent::Human);
    QCOMPARE(IntentClassifier::classify(QStringLiteral("Parler à une personne")), Intent::Human);
}

void TestAssistantTexts::agentJoinedNamesTheAgentOrStaysNeutral()
{
    QCOMPARE(AssistantTexts::agentJoined(QStringLiteral("en"), QStringLiteral(" Marie  Curie ")),
             QStringLiteral("Marie Curie from our team has joined the conversation."));
    QCOMPARE(AssistantTexts::agentJoined(QStringLiteral("fr"), QStringLiteral("Marie")),
             QStringLiteral("Marie, de notre équipe, a rejoint la conversation."));
    QCOMPARE(AssistantTexts::agentJoined(QStringLiteral("en"), QString()),
             QStringLiteral("A member of our team has joined the conversation."));
    // A name is inserted as it is, never interpreted as a placeholder.
    QCOMPARE(AssistantTexts::agentJoined(QStringLiteral("en"), QStringLiteral("%1 %2")),
             QStringLiteral("%1 %2 from our team has joined the conversation."));
}

void TestAssistantTexts::everyTextExistsInBothLanguagesWithoutDigits()
{
    using Text = QString (*)(const QString &);
    const Text texts[] = {AssistantTexts::greeting,     AssistantTexts::escalationNotice,
                          AssistantTexts::closedNotice, AssistantTexts::unavailable,
                          AssistantTexts::greetingReply, AssistantTexts::thanksReply,
                          AssistantTexts::balanceHelp,  AssistantTexts::cardLostHelp,
                          AssistantTexts::fraudHelp,    AssistantTexts::dontKnow,
                          AssistantTexts::otherLanguageNote};
    for (const Text text : texts) {
        const QString en = text(QStringLiteral("en"));
        const QString fr = text(QStringLiteral("fr"));
        QVERIFY(!en.isEmpty());
        QVERIFY(!fr.isEmpty());
        QVERIFY2(en != fr, qPrintable(en));
        QCOMPARE(text(QStringLiteral("es")), en);
        for (const QChar c : QString(en + fr))
            QVERIFY2(!c.isDigit(), qPrintable(en));
    }
}

QTEST_GUILESS_MAIN(TestAssistantTexts)
#include "tst_assistanttexts.moc"
