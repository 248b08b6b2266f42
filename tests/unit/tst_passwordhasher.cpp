#include "server/auth/passwordhasher.h"
#include "tests/support/systempython.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace joxai;
using joxai::test::runSystemPython;

namespace {

const QString SystemPython = QStringLiteral("/usr/bin/python3"); // Debian's, with python3-bcrypt


} // namespace

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hashHasBcryptFormAtGivenCost();
    void hashAtCost12HasPrefix2b12();
    void defaultCostIs12();
    void verifiesCorrectPassword();
    void rejectsWrongPassword();
    void samePasswordHashesDifferently();
    void verifiesEmptyAndUnicodePasswords();
    void onlyFirst72BytesCount();
    void refusesPasswordWithNulByte();
    void verifiesKnown2aHash();
    void verifiesKnown2yHash();
    void rejectsMalformedStoredHash_data();
    void rejectsMalformedStoredHash();
    void invalidCostGivesEmptyHash();
    void burnVerifyTimeDoesNotThrowOrAccept();
    void verifiesHashMadeByPythonBcrypt();
    void pythonBcryptVerifiesOurHash();
};

void TestPasswordHasher::initTestCase()
{
    // The interop tests must run, never skip: a missing interpreter is a failure.
    QVERIFY2(QFile::exists(SystemPython), "/usr/bin/python3 (Debian's, with python3-bcrypt) is required");
}

void TestPasswordHasher::hashHasBcryptFormAtGivenCost()
{
    const PasswordHasher hasher(4);
    QCOMPARE(hasher.cost(), 4);
    const QByteArray hash = hasher.hash(QByteArrayLiteral("correct horse battery staple"));
    QCOMPARE(hash.size(), 60);
    QVERIFY2(hash.startsWith("$2b$04$"), hash.constData());
}

void TestPasswordHasher::hashAtCost12HasPrefix2b12()
{
    const PasswordHasher hasher(12);
    const QByteArray hash = hasher.hash(QByteArrayLiteral("s3cret-enough"));
    QVERIFY2(hash.startsWith("$2b$12$"), hash.constData());
    QCOMPARE(hash.size(), 60);
    QVERIFY(hasher.verify(QByteArrayLiteral("s3cret-enough"), hash));
}

void TestPasswordHasher::defaultCostIs12()
{
    QCOMPARE(PasswordHasher().cost(), 12);
}

void TestPasswordHasher::verifiesCorrectPassword()
{
    const PasswordHasher hasher(4);
    const QByteArray hash = hasher.hash(QByteArrayLiteral("hunter2-but-longer"));
    QVERIFY(hasher.verify(QByteArrayLiteral("hunter2-but-longer"), hash));
}

void TestPasswordHasher::rejectsWrongPassword()
{
    const PasswordHasher hasher(4);
    const QByteArray hash = hasher.hash(QByteArrayLiteral("hunter2-but-longer"));
    QVERIFY(!hasher.verify(QByteArrayLiteral("hunter2-but-longeR"), hash));
    QVERIFY(!hasher.verify(QByteArrayLiteral("hunter2"), hash));
    QVERIFY(!hasher.verify(QByteArray(), hash));
}

void TestPasswordHasher::samePasswordHashesDifferently()
{
    const PasswordHasher hasher(4);
    const QByteArray a = hasher.hash(QByteArrayLiteral("same"));
    const QByteArray b = hasher.hash(QByteArrayLiteral("same"));
    QVERIFY(a != b); // a fresh salt each time
    QVERIFY(hasher.verify(QByteArrayLiteral("same"), a));
    QVERIFY(hasher.verify(QByteArrayLiteral("same"), b));
}

void TestPasswordHasher::verifiesEmptyAndUnicodePasswords()
{
    const PasswordHasher hasher(4);
    const QByteArray empty = hasher.hash(QByteArray());
    QCOMPARE(empty.size(), 60);
    QVERIFY(hasher.verify(QByteArray(), empty));
    QVERIFY(!hasher.verify(QByteArrayLiteral("x"), empty));

    const QByteArray unicode = QStringLiteral("pässwörd ✓ 密码").toUtf8();
    const QByteArray hash = hasher.hash(unicode);
    QVERIFY(hasher.verify(unicode, hash));
    QVERIFY(!hasher.verify(QStringLiteral("passwörd ✓ 密码").toUtf8(), hash));
}

void TestPasswordHasher::onlyFirst72BytesCount()
{
    // bcrypt's documented limit: the service layer must cap password length, not rely on more.
    const PasswordHasher hasher(4);
    const QByteArray base(72, 'a');
    const QByteArray hash = hasher.hash(base + QByteArrayLiteral("tail-one"));
    QVERIFY(hasher.verify(base + QByteArrayLiteral("tail-two"), hash));
    QVERIFY(!hasher.verify(QByteArray(71, 'a'), hash));
}

void TestPasswordHasher::refusesPasswordWithNulByte()
{
    const PasswordHasher hasher(4);
    QVERIFY(hasher.hash(QByteArray("abc\0def", 7)).isEmpty());
    const QByteArray hash = hasher.hash(QByteArrayLiteral("abc"));
    // crypt() would see only "abc": the NUL must not let a different password in.
    QVERIFY(!hasher.verify(QByteArray("abc\0def", 7), hash));
    QVERIFY(hasher.verify(QByteArrayLiteral("abc"), hash));
}

void TestPasswordHasher::verifiesKnown2aHash()
{
    // Openwall crypt_blowfish test vector.
    const PasswordHasher hasher(4);
    const QByteArray hash =
        QByteArrayLiteral("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
    QVERIFY(hasher.verify(QByteArrayLiteral("U*U"), hash));
    QVERIFY(!hasher.verify(QByteArrayLiteral("U*V"), hash));
}

void TestPasswordHasher::verifiesKnown2yHash()
{
    // The example of PHP's password_verify documentation (PHP writes $2y$).
    const PasswordHasher hasher(4);
    const QByteArray hash =
        QByteArrayLiteral("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a");
    QVERIFY(hasher.verify(QByteArrayLiteral("rasmuslerdorf"), hash));
    QVERIFY(!hasher.verify(QByteArrayLiteral("rasmuslerdorF"), hash));
}

void TestPasswordHasher::rejectsMalformedStoredHash_data()
{
    const QByteArray good =
        QByteArrayLiteral("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArrayLiteral("not a hash at all");
    QTest::newRow("setting only") << good.left(29);
    QTest::newRow("one char short") << good.left(59);
    QTest::newRow("one char long") << QByteArray(good + 'e');
    QTest::newRow("unknown variant $2x$") << QByteArray(good).replace(2, 1, "x");
    QTest::newRow("cost 03") << QByteArray(good).replace(4, 2, "03");
    QTest::newRow("cost 32") << QByteArray(good).replace(4, 2, "32");
    QTest::newRow("cost not digits") << QByteArray(good).replace(4, 2, "a5");
    QTest::newRow("foreign character") << QByteArray(good).replace(40, 1, "!");
    QTest::newRow("NUL inside") << QByteArray(good).replace(40, 1, QByteArray(1, '\0'));
    QTest::newRow("DES crypt") << QByteArrayLiteral("abzlUXK5ed5rs");
    QTest::newRow("md5 crypt") << QByteArrayLiteral("$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0");
    QTest::newRow("sha512 crypt")
        << QByteArrayLiteral("$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp"
                             "8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/");
    QTest::newRow("failure token") << QByteArrayLiteral("*0");
    QTest::newRow("huge") << QByteArray(1 << 20, '$');
}

void TestPasswordHasher::rejectsMalformedStoredHash()
{
    QFETCH(QByteArray, stored);
    const PasswordHasher hasher(4);
    QVERIFY(!hasher.verify(QByteArrayLiteral("U*U"), stored));
    QVERIFY(!hasher.verify(QByteArray(), stored));
}

void TestPasswordHasher::invalidCostGivesEmptyHash()
{
    QVERIFY(PasswordHasher(3).hash(QByteArrayLiteral("pw")).isEmpty());
    QVERIFY(PasswordHasher(32).hash(QByteArrayLiteral("pw")).isEmpty());
    PasswordHasher(3).burnVerifyTime(QByteArrayLiteral("pw")); // still safe to call
}

void TestPasswordHasher::burnVerifyTimeDoesNotThrowOrAccept()
{
    const PasswordHasher hasher(4);
    hasher.burnVerifyTime(QByteArrayLiteral("any password"));
    hasher.burnVerifyTime(QByteArray());
    hasher.burnVerifyTime(QByteArray("with\0nul", 8));
}

void TestPasswordHasher::verifiesHashMadeByPythonBcrypt()
{
    const QByteArray password = QStringLiteral("Pyth0n-made ✓ pass").toUtf8();
    QByteArray pythonHash;
    QVERIFY(runSystemPython(QStringLiteral("import bcrypt, sys\n"
                                     "pw = sys.stdin.buffer.read()\n"
                                     "print(bcrypt.hashpw(pw, bcrypt.gensalt(4)).decode())\n"),
                      {}, password, &pythonHash));
    QVERIFY2(pythonHash.startsWith("$2b$04$"), pythonHash.constData());

    const PasswordHasher hasher(4);
    QVERIFY(hasher.verify(password, pythonHash));
    QVERIFY(!hasher.verify(password + 'x', pythonHash));
    QVERIFY(!hasher.verify(QByteArrayLiteral("wrong password"), pythonHash));
}

void TestPasswordHasher::pythonBcryptVerifiesOurHash()
{
    const QByteArray password = QStringLiteral("C++-made ✓ pass").toUtf8();
    const PasswordHasher hasher(4);
    const QByteArray hash = hasher.hash(password);
    QVERIFY(!hash.isEmpty());

    const QString check = QStringLiteral("import bcrypt, sys\n"
                                         "pw = sys.stdin.buffer.read()\n"
                                         "print(bcrypt.checkpw(pw, sys.argv[1].encode()))\n");
    QByteArray answer;
    QVERIFY(runSystemPython(check, {QString::fromLatin1(hash)}, password, &answer));
    QCOMPARE(answer, QByteArrayLiteral("True"));
    QVERIFY(runSystemPython(check, {QString::fromLatin1(hash)}, QByteArrayLiteral("wrong"), &answer));
    QCOMPARE(answer, QByteArrayLiteral("False"));
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
