// The widget's identity token: what the bank's site signs is accepted; anything forged, altered,
// expired or malformed is refused with 401 invalid_identity_token.

#include "server/auth/cryptoutil.h"
#include "server/auth/identitytoken.h"

#include <QTest>

namespace joxai::test {

class TestIdentityToken : public QObject
{
    Q_OBJECT

private:
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    IdentityToken bank{QByteArrayLiteral("shared-widget-secret-0123456789")};

    static void expectRefused(const Result<VerifiedIdentity> &r)
    {
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Unauthorized);
        QCOMPARE(r.error().code, QStringLiteral("invalid_identity_token"));
    }

private Q_SLOTS:
    void acceptsATokenTheBankSigned()
    {
        const QString token = bank.issue(QStringLiteral("CUST-0042.é"), now.addSecs(600));
        auto r = bank.verify(token, now);
        QVERIFY(r);
        QCOMPARE(r->customerRef, QStringLiteral("CUST-0042.é"));
        QCOMPARE(r->expiresAt, now.addSecs(600));
    }

    void refusesAnExpiredToken()
    {
        expectRefused(bank.verify(bank.issue(QStringLiteral("CUST-1"), now.addSecs(-1)), now));
        expectRefused(bank.verify(bank.issue(QStringLiteral("CUST-1"), now), now));
    }

    void refusesAnExpiryNoDateCanHold()
    {
        // Signed by the bank all the same: a bug on its side must not become a customer session
        // with a garbage expiry (seconds past year 9999 overflow QDateTime's milliseconds).
        expectRefused(bank.verify(bank.issue(QStringLiteral("CUST-1"), QDateTime::fromSecsSinceEpoch(253402300800, Qt::UTC)), now));
        const QByteArray signedPart = QByteArrayLiteral("CUST-1").toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + ".176722914767229140";
        const QByteArray signature = crypto::hmacSha256(QByteArrayLiteral("shared-widget-secret-0123456789"), signedPart)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        expectRefused(bank.verify(QString::fromLatin1(signedPart + '.' + signature), now));
        // The last second of 9999 is still a date.
        QVERIFY(bank.verify(bank.issue(QStringLiteral("CUST-1"), QDateTime::fromSecsSinceEpoch(253402300799, Qt::UTC)), now));
    }

    void refusesATokenSignedWithAnotherSecret()
    {
        IdentityToken other(QByteArrayLiteral("someone-else's-secret"));
        expectRefused(bank.verify(other.issue(QStringLiteral("CUST-1"), now.addSecs(600)), now));
    }

    void refusesAnAlteredCustomerOrExpiry()
    {
        const QStringList parts = bank.issue(QStringLiteral("CUST-1"), now.addSecs(600)).split(QLatin1Char('.'));
        const QString otherRef = QString::fromLatin1(QByteArrayLiteral("CUST-2").toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        expectRefused(bank.verify(otherRef + QLatin1Char('.') + parts[1] + QLatin1Char('.') + parts[2], now));
        expectRefused(bank.verify(parts[0] + QStringLiteral(".1900000000.") + parts[2], now));
    }

    void refusesAnotherSpellingOfTheSignature()
    {
        // Found by tests/fuzz: the last of 43 base64 characters carries two unused bits, and a
        // signature decoded before comparing let a token with them changed through.
        const QString token = bank.issue(QStringLiteral("CUST-1"), now.addSecs(600));
        static const QString alphabet =
            QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const qsizetype last = alphabet.indexOf(token.back());
        QString respelled = token;
        respelled.back() = alphabet[last ^ 1];
        expectRefused(bank.verify(respelled, now));
        // The canonical spelling, padded or not, is still the bank's token.
        QVERIFY(bank.verify(token, now).ok());
        QVERIFY(bank.verify(token + QLatin1Char('='), now).ok());
    }

    void refusesMalformedTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("one part") << QStringLiteral("abc");
        QTest::newRow("two parts") << QStringLiteral("abc.123");
        QTest::newRow("four parts") << QStringLiteral("a.b.c.d");
        QTest::newRow("empty parts") << QStringLiteral("..");
        QTest::newRow("not base64") << QStringLiteral("!!!.1900000000.???");
        QTest::newRow("huge") << QString(5000, QLatin1Char('a'));
        QTest::newRow("non-latin") << QStringLiteral("é.ü.ß");
    }

    void refusesMalformedTokens()
    {
        QFETCH(QString, token);
        expectRefused(bank.verify(token, now));
    }

    void refusesEverythingWithoutASecret()
    {
        IdentityToken unconfigured{QByteArray()};
        expectRefused(unconfigured.verify(bank.issue(QStringLiteral("CUST-1"), now.addSecs(600)), now));
    }
};

} // namespace joxai::test

QTEST_GUILESS_MAIN(joxai::test::TestIdentityToken)
#include "tst_identitytoken.moc"
