#include "server/auth/cryptoutil.h"

#include <QSet>
#include <QTest>

using namespace joxai;

class TestCryptoUtil final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomBytesHasRequestedLength();
    void randomBytesDiffersBetweenCalls();
    void randomTokenIsUnpaddedBase64Url();
    void sha256MatchesFips180Vectors();
    void hmacSha256MatchesRfc4231Vectors_data();
    void hmacSha256MatchesRfc4231Vectors();
    void constantTimeEqualsComparesContentAndLength();
};

void TestCryptoUtil::randomBytesHasRequestedLength()
{
    QCOMPARE(crypto::randomBytes(16).size(), 16);
    QCOMPARE(crypto::randomBytes(1).size(), 1);
    QVERIFY(crypto::randomBytes(0).isEmpty());
    QVERIFY(crypto::randomBytes(-5).isEmpty());
}

void TestCryptoUtil::randomBytesDiffersBetweenCalls()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(crypto::randomBytes(16));
    QCOMPARE(seen.size(), 100);
}

void TestCryptoUtil::randomTokenIsUnpaddedBase64Url()
{
    const QByteArray token = crypto::randomToken();
    QCOMPARE(token.size(), 43); // 32 bytes → ceil(32 * 4 / 3) characters without '='
    for (const char c : token) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_';
        QVERIFY2(allowed, QByteArray("unexpected character in token: " + token).constData());
    }
    QCOMPARE(crypto::randomToken(16).size(), 22);
    QVERIFY(crypto::randomToken() != crypto::randomToken());
    const auto decoded = QByteArray::fromBase64Encoding(
        token, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), 32);
}

void TestCryptoUtil::sha256MatchesFips180Vectors()
{
    QCOMPARE(crypto::sha256(QByteArrayLiteral("abc")).toHex(),
             QByteArrayLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(crypto::sha256(QByteArray()).toHex(),
             QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestCryptoUtil::hmacSha256MatchesRfc4231Vectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");

    QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArrayLiteral("Hi There")
                            << QByteArrayLiteral("b0344c61d8db38535ca8afceaf0bf12b"
                                                 "881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("case 2") << QByteArrayLiteral("Jefe")
                            << QByteArrayLiteral("what do ya want for nothing?")
                            << QByteArrayLiteral("5bdcc146bf60754e6a042426089575c7"
                                                 "5a003f089d2739839dec58b964ec3843");
    QTest::newRow("case 6 (key longer than block)")
        << QByteArray(131, '\xaa')
        << QByteArrayLiteral("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArrayLiteral("60e431591ee0b67f0d8a26aacbf5b77f"
                             "8e0bc6213728c5140546040f0ee37f54");
}

void TestCryptoUtil::hmacSha256MatchesRfc4231Vectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);
    QCOMPARE(crypto::hmacSha256(key, data).toHex(), expectedHex);
}

void TestCryptoUtil::constantTimeEqualsComparesContentAndLength()
{
    QVERIFY(crypto::constantTimeEquals(QByteArrayLiteral("secret"), QByteArrayLiteral("secret")));
    QVERIFY(!crypto::constantTimeEquals(QByteArrayLiteral("secret"), QByteArrayLiteral("secreT")));
    QVERIFY(!crypto::constantTimeEquals(QByteArrayLiteral("secret"), QByteArrayLiteral("secret!")));
    QVERIFY(!crypto::constantTimeEquals(QByteArrayLiteral("secret"), QByteArray()));
    QVERIFY(crypto::constantTimeEquals(QByteArray(), QByteArray()));
    QVERIFY(crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0b", 3)));
    QVERIFY(!crypto::constantTimeEquals(QByteArray("a\0b", 3), QByteArray("a\0c", 3)));
}

QTEST_APPLESS_MAIN(TestCryptoUtil)
#include "tst_cryptoutil.moc"
