#include "server/assistant/articleexcerpt.h"

#include <QTest>

using namespace joxai;

class TestArticleExcerpt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsHeadingsRulesTablesAndCode();
    void removesEmphasisAndKeepsLinkText();
    void listItemsBecomeBulletLines();
    void keepsWholeSentencesWithinTheLimit();
    void cutsAnOverlongFirstSentenceAtAWord();
    void doesNotSplitDecimalsOrAbbreviationsBeforeLowerCase();
    void startsAtTheParagraphThatAnswersTheQuestion();
    void introducesAMatchingListWithItsLeadIn();
    void emptyOrHeadingOnlyArticleGivesNothing();
};

void TestArticleExcerpt::dropsHeadingsRulesTablesAndCode()
{
    const QString md = QStringLiteral(
        "# Title\n\nFirst paragraph.\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode here\n```\n\n"
        "Setext\n======\n\nLast paragraph.");
    QCOMPARE(ArticleExcerpt::make(md), QStringLiteral("First paragraph.\n\nLast paragraph."));
}

void TestArticleExcerpt::removesEmphasisAndKeepsLinkText()
{
    const QString md = QStringLiteral(
        "Use **online banking** or the *app*; see [our fees page](https://example.com/fees) and "
        "<https://example.com>. Write to `support`, snake_case_stays, _quiet_ <b>bold</b>.");
    QCOMPARE(ArticleExcerpt::make(md),
             QStringLiteral("Use online banking or the app; see our fees page and https://example.com. "
                            "Write to support, snake_case_stays, quiet bold."));
}

void TestArticleExcerpt::listItemsBecomeBulletLines()
{
    const QString md = QStringLiteral("To block a card:\n\n- Open the app.\n- Choose **Cards**.\n1. Confirm.\n");
    QCOMPARE(ArticleExcerpt::make(md),
             QStringLiteral("To block a card:\n\n• Open the app.\n• Choose Cards.\n• Confirm."));
}

void TestArticleExcerpt::keepsWholeSentencesWithinTheLimit()
{
    const QString md = QStringLiteral("One two three. Four five six! Seven eight nine? Ten eleven twelve.");
    QCOMPARE(ArticleExcerpt::make(md, QString(), 35), QStringLiteral("One two three. Four five six!"));
    QCOMPARE(ArticleExcerpt::make(md, QString(), 1000), md);
}

void TestArticleExcerpt::cutsAnOverlongFirstSentenceAtAWord()
{
    const QString md = QStringLiteral("This sentence is far too long for the tiny limit that the test sets.");
    const QString excerpt = ArticleExcerpt::make(md, QString(), 30);
    QVERIFY(excerpt.size() <= 30);
    QVERIFY(excerpt.endsWith(QChar(u'…')));
    QVERIFY(md.startsWith(excerpt.chopped(1)));
    QVERIFY(!excerpt.chopped(1).endsWith(QLatin1Char(' ')));
}

void TestArticleExcerpt::doesNotSplitDecimalsOrAbbreviationsBeforeLowerCase()
{
    const QString md = QStringLiteral("Fees are 1.5 per cent, e.g. for cards abroad. Second sentence here.");
    QCOMPARE(ArticleExcerpt::make(md, QString(), 50), QStringLiteral("Fees are 1.5 per cent, e.g. for cards abroad."));
}

void TestArticleExcerpt::startsAtTheParagraphThatAnswersTheQuestion()
{
    const QString md = QStringLiteral(
        "# Accounts\n\nWe offer current accounts for everyone.\n\n"
        "## Closing\n\nTo close your current account, send us a signed closing request from the app.");
    QCOMPARE(ArticleExcerpt::make(md, QStringLiteral("How do I close my account? closing request"), 600),
             QStringLiteral("To close your current account, send us a signed closing request from the app."));
    QVERIFY(ArticleExcerpt::make(md, QStringLiteral("what accounts do you offer"), 600)
                .startsWith(QStringLiteral("We offer current accounts")));
}

void TestArticleExcerpt::introducesAMatchingListWithItsLeadIn()
{
    const QString md = QStringLiteral(
        "Cards are sent by post within a week.\n\n"
        "To activate a new card:\n\n"
        "- Insert the card in a cash machine and enter your PIN.\n"
        "- Or activate the card contactless after a first chip payment.\n");
    const QString excerpt = ArticleExcerpt::make(md, QStringLiteral("activate card contactless chip payment"), 600);
    QVERIFY2(excerpt.startsWith(QStringLiteral("To activate a new card:\n\n• Insert")), qPrintable(excerpt));
}

void TestArticleExcerpt::emptyOrHeadingOnlyArticleGivesNothing()
{
    QCOMPARE(ArticleExcerpt::make(QString()), QString());
    QCOMPARE(ArticleExcerpt::make(QStringLiteral("# Only a title\n\n## And a subtitle\n")), QString());
}

QTEST_GUILESS_MAIN(TestArticleExcerpt)
#include "tst_articleexcerpt.moc"
