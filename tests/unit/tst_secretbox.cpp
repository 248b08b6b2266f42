#include "server/auth/secretbox.h"

#include <QSet>
#include <QTest>

using namespace joxai;

namespace {

const QByteArray Key = QByteArrayLiteral("the-server-SECRET_KEY-for-unit-tests-0123456789");

QByteArray decodedBox(const QByteArray &sealed)
{
    return QByteArray::fromBase64(sealed.mid(3));
}

} // namespace

class TestSecretBox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void sealedFormIsV1Base64OfNonceCiphertextTag();
    void eachSealGivesDifferentCiphertext();
    void opensKnownAnswerMadeWithPythonCryptography();
    void tamperedByteGivesNullopt();
    void otherKeyGivesNullopt();
    void garbageGivesNullopt_data();
    void garbageGivesNullopt();
    void emptySecretKeyNeitherSealsNorOpens();
};

void TestSecretBox::roundTrips_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArrayLiteral("x");
    QTest::newRow("api key") << QByteArrayLiteral("sk-ant-api03-abcdefghijklmnopqrstuvwxyz");
    QTest::newRow("binary with NUL") << QByteArray("\x00\x01\xff\x00", 4);
    QTest::newRow("utf-8") << QStringLiteral("пароль ✓").toUtf8();
    QTest::newRow("64 KiB") << QByteArray(64 * 1024, 'z');
}

void TestSecretBox::roundTrips()
{
    QFETCH(QByteArray, plaintext);
    const SecretBox box(Key);
    const QByteArray sealed = box.seal(plaintext);
    QVERIFY(sealed.startsWith("v1:"));
    const std::optional<QByteArray> opened = box.open(sealed);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, plaintext);
    // A second box from the same SECRET_KEY (a restarted server) opens it too.
    QCOMPARE(SecretBox(Key).open(sealed).value_or(QByteArrayLiteral("<nullopt>")), plaintext);
}

void TestSecretBox::sealedFormIsV1Base64OfNonceCiphertextTag()
{
    const QByteArray plaintext = QByteArrayLiteral("smtp-password");
    const QByteArray sealed = SecretBox(Key).seal(plaintext);
    QVERIFY(sealed.startsWith("v1:"));
    const auto decoded = QByteArray::fromBase64Encoding(sealed.mid(3),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), 12 + plaintext.size() + 16);
    QVERIFY(!sealed.contains(plaintext));
}

void TestSecretBox::eachSealGivesDifferentCiphertext()
{
    const SecretBox box(Key);
    QSet<QByteArray> seen;
    QSet<QByteArray> nonces;
    for (int i = 0; i < 50; ++i) {
        const QByteArray sealed = box.seal(QByteArrayLiteral("same plaintext"));
        seen.insert(sealed);
        nonces.insert(decodedBox(sealed).left(12));
    }
    QCOMPARE(seen.size(), 50);
    QCOMPARE(nonces.size(), 50);
}

void TestSecretBox::opensKnownAnswerMadeWithPythonCryptography()
{
    // Made once with Python's cryptography package (HKDF(SHA256, salt b"joxai",
    // info b"joxai secret settings v1") and AESGCM with nonce 00..0b): pins the stored format so a
    // change of derivation or layout cannot silently make existing secrets unreadable.
    const SecretBox box(QByteArrayLiteral("test-secret-key-for-known-answer"));
    const std::optional<QByteArray> opened = box.open(
        QByteArrayLiteral("v1:AAECAwQFBgcICQoLCzf48Ymc2m9M4c1iifTwRb2zVl6aCB8J5D1y50sNlh21ulEGoo0="));
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, QByteArrayLiteral("sk-ant-example-api-key"));
}

void TestSecretBox::tamperedByteGivesNullopt()
{
    const SecretBox box(Key);
    const QByteArray plaintext = QByteArrayLiteral("api-key-value");
    const QByteArray sealed = box.seal(plaintext);
    const QByteArray raw = decodedBox(sealed);
    // Flip one bit in every byte position in turn: nonce, ciphertext and tag are all covered.
    for (qsizetype i = 0; i < raw.size(); ++i) {
        QByteArray tampered = raw;
        tampered[i] = char(tampered[i] ^ 0x01);
        QVERIFY2(!box.open("v1:" + tampered.toBase64()).has_value(),
                 qPrintable(QStringLiteral("byte %1 changed but the box still opened").arg(i)));
    }
    // Truncated or extended boxes fail too.
    QVERIFY(!box.open("v1:" + raw.left(raw.size() - 1).toBase64()).has_value());
    QVERIFY(!box.open("v1:" + QByteArray(raw + 'x').toBase64()).has_value());
    QVERIFY(box.open(sealed).has_value());
}

void TestSecretBox::otherKeyGivesNullopt()
{
    const QByteArray sealed = SecretBox(Key).seal(QByteArrayLiteral("api-key-value"));
    QVERIFY(!SecretBox(QByteArrayLiteral("some other SECRET_KEY")).open(sealed).has_value());
    QVERIFY(!SecretBox(Key + 'x').open(sealed).has_value());
}

void TestSecretBox::garbageGivesNullopt_data()
{
    QTest::addColumn<QByteArray>("sealed");
    const QByteArray good = SecretBox(Key).seal(QByteArrayLiteral("value"));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("prefix only") << QByteArrayLiteral("v1:");
    QTest::newRow("no prefix") << good.mid(3);
    QTest::newRow("other version") << QByteArray("v2:" + good.mid(3));
    QTest::newRow("plain text") << QByteArrayLiteral("hunter2");
    QTest::newRow("bad base64") << QByteArrayLiteral("v1:!!!not-base64!!!");
    QTest::newRow("too short") << QByteArray("v1:" + QByteArray(27, 'a').toBase64());
    QTest::newRow("nonce and tag only, zeros") << QByteArray("v1:" + QByteArray(28, '\0').toBase64());
    QTest::newRow("random bytes") << QByteArray("v1:" + QByteArray(100, '\x5a').toBase64());
    QTest::newRow("NUL bytes") << QByteArray(64, '\0');
}

void TestSecretBox::garbageGivesNullopt()
{
    QFETCH(QByteArray, sealed);
    QVERIFY(!SecretBox(Key).open(sealed).has_value());
}

void TestSecretBox::emptySecretKeyNeitherSealsNorOpens()
{
    // Configuration refuses an empty SECRET_KEY; should one slip through, nothing is sealed
    // under a well-known key.
    const SecretBox box{QByteArray()};
    QVERIFY(box.seal(QByteArrayLiteral("value")).isEmpty());
    QVERIFY(!box.open(SecretBox(Key).seal(QByteArrayLiteral("value"))).has_value());
}

QTEST_APPLESS_MAIN(TestSecretBox)
#include "tst_secretbox.moc"
