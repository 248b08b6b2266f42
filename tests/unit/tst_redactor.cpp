#include "server/assistant/redactor.h"

#include <QRegularExpression>
#include <QTest>

using namespace joxai;

namespace {

// Public test numbers of the card networks (Visa, Mastercard, Amex, Discover, Diners, JCB,
// UnionPay, Maestro): Luhn-valid, never real accounts.
const QStringList kTestCards = {
    QStringLiteral("4111111111111111"), QStringLiteral("4012888888881881"),
    QStringLiteral("4222222222222"),    // 13-digit Visa
    QStringLiteral("5555555555554444"), QStringLiteral("5105105105105100"),
    QStringLiteral("2223003122003222"), QStringLiteral("378282246310005"),
    QStringLiteral("371449635398431"),  QStringLiteral("6011111111111117"),
    QStringLiteral("6011000990139424"), QStringLiteral("30569309025904"),
    QStringLiteral("38520000023237"),   QStringLiteral("3530111333300000"),
    QStringLiteral("3566002020360505"), QStringLiteral("6759649826438453"),
    QStringLiteral("6205500000000000004"), // 19-digit UnionPay
    QStringLiteral("6799990100000000019"), // 19-digit Maestro
    QStringLiteral("4444333322221111455"), // 19-digit Visa
};

QString bulletCard(const QString &digits)
{
    return QString(4, Redactor::bullet()) + QLatin1Char(' ') + digits.right(4);
}

// "4111111111111111" → "4111 1111 1111 1111" (or with dashes); Amex/Diners as 4-6-5 / 4-6-4.
QString grouped(const QString &digits, QChar separator)
{
    QStringList parts;
    if ((digits.size() == 15 || digits.size() == 14) && (digits.startsWith(QLatin1Char('3')))) {
        parts << digits.left(4) << digits.mid(4, 6) << digits.mid(10);
    } else {
        for (qsizetype i = 0; i < digits.size(); i += 4)
            parts << digits.mid(i, 4);
    }
    return parts.join(separator);
}

bool containsDigitRun(const QString &text, int length)
{
    int run = 0;
    for (const QChar c : text) {
        run = c.isDigit() ? run + 1 : 0;
        if (run >= length)
            return true;
    }
    return false;
}

} // namespace

class TestRedactor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksCompactTestCardsToTheLastFour();
    void masksSpacedAndDashedTestCards();
    void masksCardsInsideEnglishAndFrenchSentences();
    void masksTwoCardsInOneMessage();
    void masksCardFollowedByOtherNumbersButKeepsThem();
    void masksNoShortGroupBeforeANumberGluedToAWord();
    void leavesTheLastFourOfAMaskAlone();
    void keepsNumbersThatFailLuhn();
    void keepsPhoneNumbers();
    void keepsAmountsDatesAndShortNumbers();
    void keepsCardLikeNumbersGluedToWordsOrAfterPlus();
    void masksIbansSpacedAndCompact();
    void masksIbansInLowerCaseAndInSentences();
    void keepsIbansThatFailMod97();
    void masksCvvInContext_data();
    void masksCvvInContext();
    void masksOneTimeCodesInContext_data();
    void masksOneTimeCodesInContext();
    void keepsCodesThatAreNotSecrets_data();
    void keepsCodesThatAreNotSecrets();
    void isIdempotent();
    void emptyAndPlainTextUnchanged();
    void handlesHundredKilobytesOfDigitsAndKeywords();
};

void TestRedactor::masksCompactTestCardsToTheLastFour()
{
    for (const QString &card : kTestCards)
        QCOMPARE(Redactor::mask(card), bulletCard(card));
}

void TestRedactor::masksSpacedAndDashedTestCards()
{
    for (const QString &card : kTestCards) {
        for (const QChar separator : {QChar(u' '), QChar(u'-')}) {
            const QString written = grouped(card, separator);
            QCOMPARE(Redactor::mask(written), bulletCard(card));
        }
    }
}

void TestRedactor::masksCardsInsideEnglishAndFrenchSentences()
{
    QCOMPARE(Redactor::mask(QStringLiteral("My card number is 4111 1111 1111 1111, can you block it?")),
             QStringLiteral("My card number is •••• 1111, can you block it?"));
    QCOMPARE(Redactor::mask(QStringLiteral("Ma carte 5555-5555-5555-4444 a été volée.")),
             QStringLiteral("Ma carte •••• 4444 a été volée."));
    QCOMPARE(Redactor::mask(QStringLiteral("Amex: 3782 822463 10005 (expires 12/27)")),
             QStringLiteral("Amex: •••• 0005 (expires 12/27)"));
    QCOMPARE(Redactor::mask(QStringLiteral("numéro de carte : 6011111111111117.")),
             QStringLiteral("numéro de carte : •••• 1117."));
    QCOMPARE(Redactor::mask(QStringLiteral("(30569309025904)")), QStringLiteral("(•••• 5904)"));
    QCOMPARE(Redactor::mask(QStringLiteral("carte\u00A04111\u00A01111\u00A01111\u00A01111")),
             QStringLiteral("carte\u00A0•••• 1111"));
}

void TestRedactor::masksTwoCardsInOneMessage()
{
    QCOMPARE(Redactor::mask(QStringLiteral("old 4012888888881881 new 5105 1051 0510 5100")),
             QStringLiteral("old •••• 1881 new •••• 5100"));
}

void TestRedactor::masksCardFollowedByOtherNumbersButKeepsThem()
{
    // Only the Luhn-valid window is a card; the rest of the run stays.
    QCOMPARE(Redactor::mask(QStringLiteral("4111 1111 1111 1111 2025")),
             QStringLiteral("•••• 1111 2025"));
    QCOMPARE(Redactor::mask(QStringLiteral("ref 12 4111 1111 1111 1111")),
             QStringLiteral("ref 12 •••• 1111"));
}

void TestRedactor::masksNoShortGroupBeforeANumberGluedToAWord()
{
    // Found by tests/fuzz: skipping the glued group kept its digits in the count, so "34" alone
    // (Luhn-valid) was masked as a card.
    const QString text = QStringLiteral("Call +33 6 12 34 56 555555551111ount");
    QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::leavesTheLastFourOfAMaskAlone()
{
    // Found by tests/fuzz: "3455" left by the first mask and the groups after it made a new
    // Luhn-valid 19 digits, so masking the output again masked more.
    const QString once = Redactor::mask(QStringLiteral("FR76 3000 6000 0112 3455 7890 1896 7890 189"));
    QCOMPARE(once, QStringLiteral("FR76 •••• 3455 7890 1896 7890 189"));
    QCOMPARE(Redactor::mask(once), once);
}

void TestRedactor::keepsNumbersThatFailLuhn()
{
    const QStringList misses = {
        QStringLiteral("Reference 4111111111111112"),
        QStringLiteral("Order 1234 5678 9012 3456"),
        QStringLiteral("Dossier n° 5555-5555-5555-4445"),
        QStringLiteral("0000 0000 0000 0000"), // Luhn-valid zeros are not a card either
        QStringLiteral("41111111111111111111"), // 20 digits
        QStringLiteral("invoice 411111111111"), // 12 digits
    };
    for (const QString &text : misses)
        QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::keepsPhoneNumbers()
{
    const QStringList phones = {
        QStringLiteral("Call me on +33 6 12 34 56 78 please"),
        QStringLiteral("Appelez-moi au 06 12 34 56 78"),
        QStringLiteral("(555) 123-4567"),
        QStringLiteral("+1 555-123-4567"),
        QStringLiteral("+44 20 7946 0958"),
        QStringLiteral("+441234567890126"), // a Luhn-valid 15-digit international number
        QStringLiteral("0800 123 456"),
    };
    for (const QString &text : phones)
        QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::keepsAmountsDatesAndShortNumbers()
{
    const QStringList misses = {
        QStringLiteral("I was charged 1,234.56 USD twice"),
        QStringLiteral("Un prélèvement de 1 234,56 € le 12/05/2024"),
        QStringLiteral("Transfer of 12 345 678,90 EUR"),
        QStringLiteral("on 2024-05-12 at 14:30"),
        QStringLiteral("le 12.05.2024"),
        QStringLiteral("account 12345678, sort code 12-34-56"),
        QStringLiteral("I have 3 cards and 1234 points"),
        QStringLiteral("ISBN 978-2-07-036822-8"),
    };
    for (const QString &text : misses)
        QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::keepsCardLikeNumbersGluedToWordsOrAfterPlus()
{
    QCOMPARE(Redactor::mask(QStringLiteral("TX4111111111111111")), QStringLiteral("TX4111111111111111"));
    QCOMPARE(Redactor::mask(QStringLiteral("4111111111111111abc")), QStringLiteral("4111111111111111abc"));
    QCOMPARE(Redactor::mask(QStringLiteral("+4111111111111111")), QStringLiteral("+4111111111111111"));
}

void TestRedactor::masksIbansSpacedAndCompact()
{
    struct Case
    {
        QString spaced;
        QString masked;
    };
    const QList<Case> cases = {
        {QStringLiteral("GB82 WEST 1234 5698 7654 32"), QStringLiteral("GB•• •••• 5432")},
        {QStringLiteral("FR14 2004 1010 0505 0001 3M02 606"), QStringLiteral("FR•• •••• 2606")},
        {QStringLiteral("DE89 3704 0044 0532 0130 00"), QStringLiteral("DE•• •••• 3000")},
        {QStringLiteral("FR76 3000 6000 0112 3456 7890 189"), QStringLiteral("FR•• •••• 0189")},
        {QStringLiteral("NL91 ABNA 0417 1643 00"), QStringLiteral("NL•• •••• 4300")},
        {QStringLiteral("BE68 5390 0754 7034"), QStringLiteral("BE•• •••• 7034")},
    };
    for (const Case &c : cases) {
        QCOMPARE(Redactor::mask(c.spaced), c.masked);
        QString compact = c.spaced;
        compact.remove(QLatin1Char(' '));
        QCOMPARE(Redactor::mask(compact), c.masked);
    }
}

void TestRedactor::masksIbansInLowerCaseAndInSentences()
{
    QCOMPARE(Redactor::mask(QStringLiteral("Please send it to GB82WEST12345698765432. Thanks!")),
             QStringLiteral("Please send it to GB•• •••• 5432. Thanks!"));
    QCOMPARE(Redactor::mask(QStringLiteral("Mon IBAN est fr14 2004 1010 0505 0001 3m02 606 merci")),
             QStringLiteral("Mon IBAN est FR•• •••• 2606 merci"));
    QCOMPARE(Redactor::mask(QStringLiteral("IBAN:DE89370400440532013000,")),
             QStringLiteral("IBAN:DE•• •••• 3000,"));
}

void TestRedactor::keepsIbansThatFailMod97()
{
    const QStringList misses = {
        QStringLiteral("GB82 WEST 1234 5698 7654 33"),
        QStringLiteral("FR14 2004 1010 0505 0001 3M02 607"),
        QStringLiteral("DE89370400440532013001"),
        QStringLiteral("GB82 WEST 1234"), // too short
    };
    for (const QString &text : misses)
        QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::masksCvvInContext_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("cvv") << QStringLiteral("cvv 123") << QStringLiteral("cvv •••");
    QTest::newRow("CVC colon") << QStringLiteral("CVC: 1234") << QStringLiteral("CVC: ••••");
    QTest::newRow("my cvv is") << QStringLiteral("and my CVV is 987.") << QStringLiteral("and my CVV is •••.");
    QTest::newRow("cvv2 equals") << QStringLiteral("CVV2=456") << QStringLiteral("CVV2=•••");
    QTest::newRow("security code") << QStringLiteral("the security code on the back is 321")
                                   << QStringLiteral("the security code on the back is •••");
    QTest::newRow("security code number") << QStringLiteral("security code number: 321")
                                          << QStringLiteral("security code number: •••");
    QTest::newRow("code de sécurité") << QStringLiteral("code de sécurité 123")
                                      << QStringLiteral("code de sécurité •••");
    QTest::newRow("code de securite sans accents") << QStringLiteral("le code de securite est 456")
                                                   << QStringLiteral("le code de securite est •••");
    QTest::newRow("cryptogramme") << QStringLiteral("cryptogramme 123") << QStringLiteral("cryptogramme •••");
    QTest::newRow("cryptogramme visuel") << QStringLiteral("Cryptogramme visuel : 789")
                                         << QStringLiteral("Cryptogramme visuel : •••");
    QTest::newRow("card and cvv") << QStringLiteral("card 4111111111111111 cvv 123 exp 12/26")
                                  << QStringLiteral("card •••• 1111 cvv ••• exp 12/26");
    QTest::newRow("pin") << QStringLiteral("my PIN is 4321") << QStringLiteral("my PIN is ••••");
    QTest::newRow("code confidentiel") << QStringLiteral("mon code confidentiel c’est 1234")
                                       << QStringLiteral("mon code confidentiel c’est ••••");
}

void TestRedactor::masksCvvInContext()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Redactor::mask(text), masked);
}

void TestRedactor::masksOneTimeCodesInContext_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("code is") << QStringLiteral("The code is 123456") << QStringLiteral("The code is ••••••");
    QTest::newRow("OTP") << QStringLiteral("OTP 123456") << QStringLiteral("OTP ••••••");
    QTest::newRow("otp code colon") << QStringLiteral("otp code: 654321") << QStringLiteral("otp code: ••••••");
    QTest::newRow("one-time code") << QStringLiteral("my one-time code was 834 221")
                                   << QStringLiteral("my one-time code was ••• •••");
    QTest::newRow("SMS code") << QStringLiteral("SMS code 4821") << QStringLiteral("SMS code ••••");
    QTest::newRow("verification code") << QStringLiteral("Verification code: 99887766")
                                       << QStringLiteral("Verification code: ••••••••");
    QTest::newRow("code à usage unique") << QStringLiteral("le code à usage unique est 123456")
                                         << QStringLiteral("le code à usage unique est ••••••");
    QTest::newRow("code de vérification") << QStringLiteral("Code de vérification : 246810")
                                          << QStringLiteral("Code de vérification : ••••••");
    QTest::newRow("code reçu par SMS") << QStringLiteral("J'ai le code reçu par SMS: 112233")
                                       << QStringLiteral("J'ai le code reçu par SMS: ••••••");
    QTest::newRow("code SMS") << QStringLiteral("code SMS 5566") << QStringLiteral("code SMS ••••");
    QTest::newRow("mon code est") << QStringLiteral("mon code est 7788") << QStringLiteral("mon code est ••••");
    QTest::newRow("code colon") << QStringLiteral("Code: 908172") << QStringLiteral("Code: ••••••");
    QTest::newRow("markdown bold") << QStringLiteral("OTP: **123456**") << QStringLiteral("OTP: **••••••**");
}

void TestRedactor::masksOneTimeCodesInContext()
{
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(Redactor::mask(text), masked);
}

void TestRedactor::keepsCodesThatAreNotSecrets_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("error code") << QStringLiteral("I get error code 5003 when I log in");
    QTest::newRow("zip code") << QStringLiteral("my zip code is 90210");
    QTest::newRow("code postal") << QStringLiteral("mon code postal est 75001");
    QTest::newRow("code d'erreur") << QStringLiteral("code d'erreur 4012");
    QTest::newRow("code without a verb") << QStringLiteral("promo code WELCOME10 and code 12");
    QTest::newRow("cvv too long") << QStringLiteral("cvv 123456");
    QTest::newRow("otp too short") << QStringLiteral("OTP 12");
    QTest::newRow("cvv then date") << QStringLiteral("CVV 12/25");
    QTest::newRow("amount after code") << QStringLiteral("code is 1234.50 EUR");
    QTest::newRow("no keyword") << QStringLiteral("I paid 123 and then 456789");
    QTest::newRow("word containing pin") << QStringLiteral("shopping 1234");
    QTest::newRow("cvv word too far") << QStringLiteral("what is a cvv and why does the shop want it 123");
}

void TestRedactor::keepsCodesThatAreNotSecrets()
{
    QFETCH(QString, text);
    QCOMPARE(Redactor::mask(text), text);
}

void TestRedactor::isIdempotent()
{
    const QStringList samples = {
        QStringLiteral("card 4111 1111 1111 1111 cvv 123, OTP 123456, IBAN GB82 WEST 1234 5698 7654 32"),
        QStringLiteral("code 4111111111111111"),
        QStringLiteral("cvv: 1234 5678"),
        QStringLiteral("4111 1111 1111 1111 1111 1111"),
        QStringLiteral("4111111111111111-2222 et code de vérification 123 456"),
        QStringLiteral("Mon IBAN FR1420041010050500013M02606 et ma carte 3782-822463-10005"),
        QStringLiteral("PIN 1234 OTP 5678 code is 9999"),
        QStringLiteral("+33 6 12 34 56 78 / 1 234,56 €"),
    };
    for (const QString &card : kTestCards)
        QCOMPARE(Redactor::mask(Redactor::mask(grouped(card, u' '))), Redactor::mask(grouped(card, u' ')));
    for (const QString &text : samples) {
        const QString once = Redactor::mask(text);
        QCOMPARE(Redactor::mask(once), once);
    }
}

void TestRedactor::emptyAndPlainTextUnchanged()
{
    QCOMPARE(Redactor::mask(QString()), QString());
    const QString plain = QStringLiteral("Bonjour, quels sont vos horaires d’ouverture ? Merci !");
    QCOMPARE(Redactor::mask(plain), plain);
}

void TestRedactor::handlesHundredKilobytesOfDigitsAndKeywords()
{
    // Worst cases for a scanner: long digit runs, long grouped runs, many keywords and IBAN-like
    // starts. All must finish (linear time) and leave no card number behind.
    QString digits(100 * 1024, QLatin1Char('4'));
    QCOMPARE(Redactor::mask(digits), digits); // one 100 KB number is no card

    QString cards;
    QString expected;
    for (int i = 0; i < 5000; ++i) { // ~100 KB of one continuous run of four-digit groups
        cards += QStringLiteral("4111 1111 1111 1111 ");
        expected += QStringLiteral("•••• 1111 ");
    }
    QCOMPARE(Redactor::mask(cards), expected);

    QString mixed;
    while (mixed.size() < 100 * 1024)
        mixed += QStringLiteral("cvv code OTP GB82 FR76 1 2 3 card 4111111111111111 ");
    const QString masked = Redactor::mask(mixed);
    QVERIFY(!masked.contains(QStringLiteral("4111111111111111")));
    QVERIFY(!containsDigitRun(masked, 13));
    QCOMPARE(Redactor::mask(masked), masked);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
