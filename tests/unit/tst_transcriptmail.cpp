// The transcript e-mail's text per conversation language: which languages map to French, the
// subject, the introduction and the speaker labels, and the lines in the order given.

#include "server/mail/transcriptmail.h"

#include <QtTest>

using namespace joxai;

class TestTranscriptMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languageFallsBackToEnglish_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fr") << "fr" << "fr";
        QTest::newRow("FR") << "FR" << "fr";
        QTest::newRow("fr-CA") << "fr-CA" << "fr";
        QTest::newRow("fr_BE") << "fr_BE" << "fr";
        QTest::newRow("en") << "en" << "en";
        QTest::newRow("en-GB") << "en-GB" << "en";
        QTest::newRow("de") << "de" << "en";
        QTest::newRow("empty") << "" << "en";
        QTest::newRow("french spelled out") << "french" << "en";
    }

    void languageFallsBackToEnglish()
    {
        QFETCH(QString, requested);
        QFETCH(QString, expected);
        QCOMPARE(TranscriptMail::language(requested), expected);
    }

    void subjectAndLabelsFollowTheLanguage()
    {
        QCOMPARE(TranscriptMail::subject(QStringLiteral("fr")), QStringLiteral("Votre échange avec le service client JoxAI"));
        QCOMPARE(TranscriptMail::subject(QStringLiteral("it")), QStringLiteral("Your conversation with JoxAI Support"));
        QCOMPARE(TranscriptMail::senderLabel(QStringLiteral("fr"), QStringLiteral("customer")), QStringLiteral("Vous"));
        QCOMPARE(TranscriptMail::senderLabel(QStringLiteral("fr"), QStringLiteral("agent")), QStringLiteral("Conseiller"));
        QCOMPARE(TranscriptMail::senderLabel(QStringLiteral("en"), QStringLiteral("assistant")), QStringLiteral("AI assistant"));
        QCOMPARE(TranscriptMail::senderLabel(QStringLiteral("en"), QStringLiteral("system")), QStringLiteral("Notice"));
        QCOMPARE(TranscriptMail::senderLabel(QStringLiteral("fr"), QStringLiteral("robot")), QStringLiteral("robot"));
    }

    void bodyIsTheIntroductionThenOneLinePerMessage()
    {
        QList<ChatMessage> messages(2);
        messages[0].sender = QStringLiteral("customer");
        messages[0].body = QStringLiteral("Ma carte est bloquée");
        messages[0].createdAt = QDateTime(QDate(2026, 11, 25), QTime(17, 40), Qt::UTC);
        messages[1].sender = QStringLiteral("agent");
        messages[1].body = QStringLiteral("Je regarde.");
        messages[1].createdAt = QDateTime(QDate(2026, 11, 25), QTime(17, 41, 5), Qt::UTC);
        const QStringList lines = TranscriptMail::body(QStringLiteral("fr-CA"), messages).split(QLatin1Char('\n'));
        QVERIFY(lines.first().startsWith(QStringLiteral("Bonjour")));
        const qsizetype first = lines.indexOf(QStringLiteral("2026-11-25T17:40:00Z Vous: Ma carte est bloquée"));
        QVERIFY2(first > 0, qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(lines.at(first + 1), QStringLiteral("2026-11-25T17:41:05Z Conseiller: Je regarde."));
        QVERIFY(lines.mid(0, first).join(QLatin1Char(' ')).contains(QStringLiteral("Voici la transcription")));
        QVERIFY(TranscriptMail::body(QStringLiteral("en"), {}).contains(QStringLiteral("Here is the transcript")));
    }
};

QTEST_GUILESS_MAIN(TestTranscriptMail)
#include "tst_transcriptmail.moc"
