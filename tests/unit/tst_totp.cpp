#include "server/auth/totp.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

using namespace joxai;

namespace {

// RFC 6238 appendix B: the SHA1 seed is the ASCII string "12345678901234567890".
const QByteArray RfcSecret = QByteArrayLiteral("12345678901234567890");

QDateTime at(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

} // namespace

class TestTotp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesRfc6238Sha1Vectors_data();
    void matchesRfc6238Sha1Vectors();
    void sixDigitCodesAreTheLastSixDigits_data();
    void sixDigitCodesAreTheLastSixDigits();
    void codeIsStableWithinAStep();
    void codeRejectsBadArguments();
    void base32MatchesRfc4648Vectors_data();
    void base32MatchesRfc4648Vectors();
    void base32RoundTripsAnyBytes();
    void base32AcceptsLowerCaseSpacesAndPadding();
    void base32RejectsBadInput_data();
    void base32RejectsBadInput();
    void generatedSecretIs20RandomBytes();
    void verifyAcceptsCurrentStepAndWindow();
    void verifyWithZeroWindowAcceptsOnlyCurrentStep();
    void matchingStepNamesTheStepOfTheCode();
    void verifyRejectsMalformedCodes_data();
    void verifyRejectsMalformedCodes();
    void otpauthUriHasTheStandardForm();
    void otpauthUriPercentEncodesLabelAndIssuer();
};

void TestTotp::matchesRfc6238Sha1Vectors_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
    QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
    QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
    QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
    QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
    QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
}

void TestTotp::matchesRfc6238Sha1Vectors()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    QCOMPARE(Totp::code(RfcSecret, at(time), 8), expected);
}

void TestTotp::sixDigitCodesAreTheLastSixDigits_data()
{
    matchesRfc6238Sha1Vectors_data();
}

void TestTotp::sixDigitCodesAreTheLastSixDigits()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    QCOMPARE(Totp::code(RfcSecret, at(time)), expected.right(6));
    QVERIFY(Totp::verify(RfcSecret, expected.right(6), at(time), 0));
}

void TestTotp::codeIsStableWithinAStep()
{
    // step = floor(t / 30): 1111111080 .. 1111111109 is one step, 1111111110 starts the next.
    QCOMPARE(Totp::code(RfcSecret, at(1111111080)), QStringLiteral("081804"));
    QCOMPARE(Totp::code(RfcSecret, at(1111111109)), QStringLiteral("081804"));
    QCOMPARE(Totp::code(RfcSecret, at(1111111110)), QStringLiteral("050471"));
    QCOMPARE(Totp::code(RfcSecret, QDateTime::fromSecsSinceEpoch(59, QTimeZone(3600)), 8),
             QStringLiteral("94287082")); // the time zone of the QDateTime does not matter
}

void TestTotp::codeRejectsBadArguments()
{
    QVERIFY(Totp::code(QByteArray(), at(59)).isEmpty());
    QVERIFY(Totp::code(RfcSecret, QDateTime()).isEmpty());
    QVERIFY(Totp::code(RfcSecret, at(59), 0).isEmpty());
    QVERIFY(Totp::code(RfcSecret, at(59), 10).isEmpty());
}

void TestTotp::base32MatchesRfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("f") << QByteArrayLiteral("f") << QStringLiteral("MY");
    QTest::newRow("fo") << QByteArrayLiteral("fo") << QStringLiteral("MZXQ");
    QTest::newRow("foo") << QByteArrayLiteral("foo") << QStringLiteral("MZXW6");
    QTest::newRow("foob") << QByteArrayLiteral("foob") << QStringLiteral("MZXW6YQ");
    QTest::newRow("fooba") << QByteArrayLiteral("fooba") << QStringLiteral("MZXW6YTB");
    QTest::newRow("foobar") << QByteArrayLiteral("foobar") << QStringLiteral("MZXW6YTBOI");
    QTest::newRow("rfc 6238 secret")
        << RfcSecret << QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

void TestTotp::base32MatchesRfc4648Vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(Totp::toBase32(bytes), text);
    QCOMPARE(Totp::fromBase32(text), bytes);
}

void TestTotp::base32RoundTripsAnyBytes()
{
    for (int length = 1; length <= 41; ++length) {
        QByteArray bytes(length, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(QRandomGenerator::global()->bounded(256));
        const QString text = Totp::toBase32(bytes);
        QVERIFY(!text.contains(QLatin1Char('=')));
        QCOMPARE(Totp::fromBase32(text), bytes);
    }
}

void TestTotp::base32AcceptsLowerCaseSpacesAndPadding()
{
    QCOMPARE(Totp::fromBase32(QStringLiteral("mzxw6ytboi")), QByteArrayLiteral("foobar"));
    QCOMPARE(Totp::fromBase32(QStringLiteral("MZXW 6YTB OI")), QByteArrayLiteral("foobar"));
    QCOMPARE(Totp::fromBase32(QStringLiteral("MZXW6YQ=")), QByteArrayLiteral("foob"));
    QCOMPARE(Totp::fromBase32(QStringLiteral("MZXW6===")), QByteArrayLiteral("foo"));
}

void TestTotp::base32RejectsBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("digit 1") << QStringLiteral("MZ1W6");
    QTest::newRow("digit 0") << QStringLiteral("MZ0W6");
    QTest::newRow("digit 8") << QStringLiteral("MZ8W6");
    QTest::newRow("punctuation") << QStringLiteral("MZXW6!");
    QTest::newRow("non-latin") << QStringLiteral("MZXWé");
    QTest::newRow("one symbol") << QStringLiteral("M");
    QTest::newRow("three symbols") << QStringLiteral("MZX");
    QTest::newRow("six symbols") << QStringLiteral("MZXW6Y");
    QTest::newRow("data after padding") << QStringLiteral("MY==MY");
}

void TestTotp::base32RejectsBadInput()
{
    QFETCH(QString, text);
    QVERIFY(Totp::fromBase32(text).isEmpty());
}

void TestTotp::generatedSecretIs20RandomBytes()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 50; ++i) {
        const QByteArray secret = Totp::generateSecret();
        QCOMPARE(secret.size(), 20);
        seen.insert(secret);
    }
    QCOMPARE(seen.size(), 50);
    QCOMPARE(Totp::toBase32(Totp::generateSecret()).size(), 32);
}

void TestTotp::verifyAcceptsCurrentStepAndWindow()
{
    const QByteArray secret = Totp::generateSecret();
    const QDateTime now = at(1'700'000'015); // the middle of a step
    const QString current = Totp::code(secret, now);
    QVERIFY(Totp::verify(secret, current, now));
    QVERIFY(Totp::verify(secret, Totp::code(secret, now.addSecs(-30)), now));
    QVERIFY(Totp::verify(secret, Totp::code(secret, now.addSecs(30)), now));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now.addSecs(-60)), now));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now.addSecs(60)), now));
    QVERIFY(Totp::verify(secret, Totp::code(secret, now.addSecs(-60)), now, 2));
    QVERIFY(!Totp::verify(Totp::generateSecret(), current, now));
}

void TestTotp::verifyWithZeroWindowAcceptsOnlyCurrentStep()
{
    const QByteArray secret = Totp::generateSecret();
    const QDateTime now = at(1'700'000'015);
    QVERIFY(Totp::verify(secret, Totp::code(secret, now), now, 0));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now.addSecs(-30)), now, 0));
    QVERIFY(!Totp::verify(secret, Totp::code(secret, now.addSecs(30)), now, 0));
    // A negative window is treated as 0, not as "accept nothing" or as a crash.
    QVERIFY(Totp::verify(secret, Totp::code(secret, now), now, -3));
}

void TestTotp::matchingStepNamesTheStepOfTheCode()
{
    const QByteArray secret = Totp::generateSecret();
    const QDateTime now = at(1'700'000'015);
    const qint64 step = 1'700'000'015 / 30;
    QCOMPARE(Totp::matchingStep(secret, Totp::code(secret, now), now), std::optional<qint64>(step));
    QCOMPARE(Totp::matchingStep(secret, Totp::code(secret, now.addSecs(-30)), now), std::optional<qint64>(step - 1));
    QCOMPARE(Totp::matchingStep(secret, Totp::code(secret, now.addSecs(30)), now), std::optional<qint64>(step + 1));
    QVERIFY(!Totp::matchingStep(secret, Totp::code(secret, now.addSecs(90)), now).has_value());
}

void TestTotp::verifyRejectsMalformedCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("five digits") << QStringLiteral("28708");
    QTest::newRow("seven digits") << QStringLiteral("2870820");
    QTest::newRow("eight-digit form") << QStringLiteral("94287082");
    QTest::newRow("letters") << QStringLiteral("abcdef");
    QTest::newRow("signed") << QStringLiteral("-28708");
    QTest::newRow("inner space") << QStringLiteral("287 082");
    QTest::newRow("arabic-indic digits") << QStringLiteral("٢٨٧٠٨٢");
}

void TestTotp::verifyRejectsMalformedCodes()
{
    QFETCH(QString, code);
    QVERIFY(!Totp::verify(RfcSecret, code, at(59)));
    QVERIFY(Totp::verify(RfcSecret, QStringLiteral("287082"), at(59))); // the real one passes
    QVERIFY(Totp::verify(RfcSecret, QStringLiteral(" 287082 "), at(59))); // pasted with spaces
    QVERIFY(!Totp::verify(QByteArray(), QStringLiteral("287082"), at(59)));
}

void TestTotp::otpauthUriHasTheStandardForm()
{
    const QString uri =
        Totp::otpauthUri(RfcSecret, QStringLiteral("alice"), QStringLiteral("JoxAI"));
    QCOMPARE(uri,
             QStringLiteral("otpauth://totp/JoxAI:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                            "&issuer=JoxAI&algorithm=SHA1&digits=6&period=30"));
}

void TestTotp::otpauthUriPercentEncodesLabelAndIssuer()
{
    const QString uri = Totp::otpauthUri(RfcSecret, QStringLiteral("alice@bank.example:x&y"),
                                         QStringLiteral("Joxai Bank & Co"));
    QCOMPARE(uri,
             QStringLiteral("otpauth://totp/Joxai%20Bank%20%26%20Co:alice%40bank.example%3Ax%26y"
                            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                            "&issuer=Joxai%20Bank%20%26%20Co&algorithm=SHA1&digits=6&period=30"));

    const QUrl url(uri, QUrl::StrictMode);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.scheme(), QStringLiteral("otpauth"));
    QCOMPARE(url.host(), QStringLiteral("totp"));
    QCOMPARE(url.path(QUrl::FullyDecoded), QStringLiteral("/Joxai Bank & Co:alice@bank.example:x&y"));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("issuer"), QUrl::FullyDecoded),
             QStringLiteral("Joxai Bank & Co"));
    QCOMPARE(Totp::fromBase32(query.queryItemValue(QStringLiteral("secret"))), RfcSecret);
}

QTEST_APPLESS_MAIN(TestTotp)
#include "tst_totp.moc"
