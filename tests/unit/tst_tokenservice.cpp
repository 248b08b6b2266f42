#include "server/auth/cryptoutil.h"
#include "server/auth/tokenservice.h"
#include "tests/support/systempython.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace joxai;
using joxai::test::runSystemPython;

namespace {

const QString SystemPython = QStringLiteral("/usr/bin/python3"); // Debian's, with python3-jwt
const QByteArray Secret = QByteArrayLiteral("unit-test-secret-key-0123456789-abcdefghij");
const QByteArray OtherSecret = QByteArrayLiteral("another-secret-key-9876543210-zyxwvutsrq");
constexpr qint64 Lifetime = 3600;

QByteArray b64url(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token with exactly the given header and payload JSON, HS256-signed with key.
QByteArray signedToken(const QByteArray &headerJson, const QByteArray &payloadJson,
                       const QByteArray &key = Secret)
{
    const QByteArray input = b64url(headerJson) + '.' + b64url(payloadJson);
    return input + '.' + b64url(crypto::hmacSha256(key, input));
}

const QByteArray Hs256Header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");

QByteArray futureExp()
{
    return QByteArray::number(QDateTime::currentSecsSinceEpoch() + 600);
}


// The payload PyJWT signs in several tests: valid claims, exp ten minutes ahead.
const QString PyPayload = QStringLiteral(
    "import jwt, sys, time\n"
    "now = int(time.time())\n"
    "claims = {'sub': '7', 'role': 'agent', 'tv': 2, 'iat': now, 'exp': now + 600}\n");

} // namespace

class TestTokenService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void issuedTokenVerifiesWithItsClaims();
    void issuedTokenHasHs256HeaderAndIntegerTimes();
    void pyjwtDecodesOurToken();
    void acceptsTokenMadeByPyjwt();
    void acceptsIntegerSubject();
    void rejectsTokenSignedWithOtherKey();
    void rejectsAlgNone_data();
    void rejectsAlgNone();
    void rejectsAlgNoneMadeByPyjwt();
    void rejectsHs512SignedToken();
    void rejectsRs256HeaderEvenWithHmacSignature();
    void rejectsExpiredToken();
    void expiryBoundaryIsExclusive();
    void checksSignatureBeforeExpiry();
    void rejectsTamperedPayload();
    void rejectsTamperedSignature();
    void rejectsTokenNotYetValid();
    void rejectsMalformedToken_data();
    void rejectsMalformedToken();
    void rejectsSignedTokenWithBadClaims_data();
    void rejectsSignedTokenWithBadClaims();
};

void TestTokenService::initTestCase()
{
    // The interop tests must run, never skip: a missing interpreter is a failure.
    QVERIFY2(QFile::exists(SystemPython), "/usr/bin/python3 (Debian's, with python3-jwt) is required");
}

void TestTokenService::issuedTokenVerifiesWithItsClaims()
{
    const TokenService service(Secret, Lifetime);
    QCOMPARE(service.lifetimeSeconds(), Lifetime);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QString token = service.issue(42, QStringLiteral("admin"), 5, now);

    const Result<TokenClaims> claims = service.verify(token.toLatin1(), now.addSecs(10));
    QVERIFY2(claims.ok(), qPrintable(claims.error().detail));
    QCOMPARE(claims->userId, 42);
    QCOMPARE(claims->role, QStringLiteral("admin"));
    QCOMPARE(claims->tokenVersion, 5);
    QCOMPARE(claims->issuedAt, now);
    QCOMPARE(claims->expiresAt, now.addSecs(Lifetime));
    QCOMPARE(claims->expiresAt.timeSpec(), Qt::UTC);
}

void TestTokenService::issuedTokenHasHs256HeaderAndIntegerTimes()
{
    const TokenService service(Secret, Lifetime);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QByteArray token = service.issue(42, QStringLiteral("agent"), 1, now).toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    for (const QByteArray &part : parts)
        QVERIFY2(!part.contains('=') && !part.contains('+') && !part.contains('/'), part.constData());

    const QByteArray header = QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding);
    QCOMPARE(header, Hs256Header);
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(payload.value(QStringLiteral("sub")), QJsonValue(QStringLiteral("42")));
    QCOMPARE(payload.value(QStringLiteral("role")), QJsonValue(QStringLiteral("agent")));
    QCOMPARE(payload.value(QStringLiteral("tv")).toInteger(-1), 1);
    QCOMPARE(payload.value(QStringLiteral("iat")).toInteger(-1), 1'700'000'000);
    QCOMPARE(payload.value(QStringLiteral("exp")).toInteger(-1), 1'700'000'000 + Lifetime);
}

void TestTokenService::pyjwtDecodesOurToken()
{
    const TokenService service(Secret, Lifetime);
    const QString token = service.issue(1234, QStringLiteral("supervisor"), 9);
    QByteArray out;
    QVERIFY(runSystemPython(QStringLiteral("import jwt, sys, json\n"
                                     "print(json.dumps(jwt.decode(sys.argv[1], sys.argv[2],"
                                     " algorithms=['HS256'])))\n"),
                      {token, QString::fromLatin1(Secret)}, {}, &out));
    const QJsonObject claims = QJsonDocument::fromJson(out).object();
    QCOMPARE(claims.value(QStringLiteral("sub")), QJsonValue(QStringLiteral("1234")));
    QCOMPARE(claims.value(QStringLiteral("role")), QJsonValue(QStringLiteral("supervisor")));
    QCOMPARE(claims.value(QStringLiteral("tv")).toInteger(-1), 9);
    QVERIFY(claims.value(QStringLiteral("exp")).toInteger(0) > QDateTime::currentSecsSinceEpoch());

    // And PyJWT, too, refuses it under another key.
    QProcess wrongKey;
    wrongKey.start(SystemPython,
                   {QStringLiteral("-c"),
                    QStringLiteral("import jwt, sys\n"
                                   "jwt.decode(sys.argv[1], sys.argv[2], algorithms=['HS256'])\n"),
                    token, QString::fromLatin1(OtherSecret)});
    QVERIFY(wrongKey.waitForFinished(60000));
    QVERIFY(wrongKey.exitCode() != 0);
    QVERIFY(wrongKey.readAllStandardError().contains("InvalidSignatureError"));
}

void TestTokenService::acceptsTokenMadeByPyjwt()
{
    QByteArray token;
    QVERIFY(runSystemPython(PyPayload
                          + QStringLiteral(
                              "print(jwt.encode(claims, sys.argv[1], algorithm='HS256'))\n"),
                      {QString::fromLatin1(Secret)}, {}, &token));
    const TokenService service(Secret, Lifetime);
    const Result<TokenClaims> claims = service.verify(token);
    QVERIFY2(claims.ok(), qPrintable(claims.error().detail));
    QCOMPARE(claims->userId, 7);
    QCOMPARE(claims->role, QStringLiteral("agent"));
    QCOMPARE(claims->tokenVersion, 2);
    QVERIFY(claims->issuedAt.isValid());
}

void TestTokenService::acceptsIntegerSubject()
{
    const QByteArray token = signedToken(
        Hs256Header, R"({"sub":42,"role":"agent","tv":0,"exp":)" + futureExp() + '}');
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY2(claims.ok(), qPrintable(claims.error().detail));
    QCOMPARE(claims->userId, 42);
    QVERIFY(!claims->issuedAt.isValid()); // iat is optional
}

void TestTokenService::rejectsTokenSignedWithOtherKey()
{
    const QString token = TokenService(OtherSecret, Lifetime).issue(1, QStringLiteral("admin"), 0);
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token.toLatin1());
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
    QVERIFY(claims.error().detail.endsWith(QLatin1Char('.')));
}

void TestTokenService::rejectsAlgNone_data()
{
    const QByteArray payload = R"({"sub":"1","role":"admin","tv":0,"exp":)" + futureExp() + '}';
    const QByteArray body = b64url(QByteArrayLiteral(R"({"alg":"none","typ":"JWT"})")) + '.'
        + b64url(payload);
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty signature") << QByteArray(body + '.');
    QTest::newRow("HMAC signature") << QByteArray(body + '.' + b64url(crypto::hmacSha256(Secret, body)));
    QTest::newRow("None") << signedToken(QByteArrayLiteral(R"({"alg":"None"})"), payload);
    QTest::newRow("hs256 lower case") << signedToken(QByteArrayLiteral(R"({"alg":"hs256"})"), payload);
    QTest::newRow("no alg") << signedToken(QByteArrayLiteral(R"({"typ":"JWT"})"), payload);
    QTest::newRow("alg not a string") << signedToken(QByteArrayLiteral(R"({"alg":256})"), payload);
}

void TestTokenService::rejectsAlgNone()
{
    QFETCH(QByteArray, token);
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsAlgNoneMadeByPyjwt()
{
    QByteArray token;
    QVERIFY(runSystemPython(PyPayload + QStringLiteral("print(jwt.encode(claims, None, algorithm='none'))\n"),
                      {}, {}, &token));
    QVERIFY2(token.endsWith('.'), token.constData());
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsHs512SignedToken()
{
    QByteArray token;
    QVERIFY(runSystemPython(PyPayload
                          + QStringLiteral(
                              "print(jwt.encode(claims, sys.argv[1], algorithm='HS512'))\n"),
                      {QString::fromLatin1(Secret)}, {}, &token));
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsRs256HeaderEvenWithHmacSignature()
{
    // Key confusion: an attacker HMAC-signs with a public key and claims RS256.
    const QByteArray token = signedToken(QByteArrayLiteral(R"({"alg":"RS256","typ":"JWT"})"),
                                         R"({"sub":"1","role":"admin","tv":0,"exp":)"
                                             + futureExp() + '}');
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsExpiredToken()
{
    const TokenService service(Secret, 600);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString token = service.issue(3, QStringLiteral("agent"), 0, now.addSecs(-3600));
    const Result<TokenClaims> claims = service.verify(token.toLatin1(), now);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("token_expired"));
    QVERIFY(!claims.error().detail.isEmpty());
}

void TestTokenService::expiryBoundaryIsExclusive()
{
    const TokenService service(Secret, 600);
    const QDateTime issued = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QByteArray token = service.issue(3, QStringLiteral("agent"), 0, issued).toLatin1();
    QVERIFY(service.verify(token, issued.addSecs(599)).ok());
    const Result<TokenClaims> atExp = service.verify(token, issued.addSecs(600));
    QVERIFY(!atExp.ok());
    QCOMPARE(atExp.error().code, QStringLiteral("token_expired"));
}

void TestTokenService::checksSignatureBeforeExpiry()
{
    // An expired token under a foreign key says nothing about our tokens: invalid, not expired.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString token =
        TokenService(OtherSecret, 60).issue(3, QStringLiteral("agent"), 0, now.addSecs(-3600));
    const Result<TokenClaims> claims = TokenService(Secret, 60).verify(token.toLatin1(), now);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsTamperedPayload()
{
    const TokenService service(Secret, Lifetime);
    const QList<QByteArray> parts =
        service.issue(5, QStringLiteral("agent"), 0).toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    QVERIFY(payload.contains("\"agent\""));
    payload.replace("\"agent\"", "\"admin\"");
    const QByteArray forged = parts[0] + '.' + b64url(payload) + '.' + parts[2];
    const Result<TokenClaims> claims = service.verify(forged);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsTamperedSignature()
{
    const TokenService service(Secret, Lifetime);
    const QByteArray token = service.issue(5, QStringLiteral("agent"), 0).toLatin1();
    QVERIFY(service.verify(token).ok());

    QByteArray flipped = token;
    const qsizetype last = flipped.size() - 2; // not the final char: its low bits may be unused
    flipped[last] = flipped[last] == 'A' ? 'B' : 'A';
    QCOMPARE(service.verify(flipped).error().code, QStringLiteral("invalid_token"));
    QCOMPARE(service.verify(token + '=').error().code, QStringLiteral("invalid_token"));
    QCOMPARE(service.verify(token.left(token.size() - 1)).error().code,
             QStringLiteral("invalid_token"));
    QCOMPARE(service.verify(token.left(token.lastIndexOf('.') + 1)).error().code,
             QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsTokenNotYetValid()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray token = signedToken(Hs256Header,
                                         R"({"sub":"1","role":"agent","tv":0,"nbf":)"
                                             + QByteArray::number(now + 300) + R"(,"exp":)"
                                             + QByteArray::number(now + 600) + '}');
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::rejectsMalformedToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one part") << QByteArrayLiteral("abc");
    QTest::newRow("two parts") << QByteArrayLiteral("abc.def");
    QTest::newRow("four parts") << QByteArrayLiteral("a.b.c.d");
    QTest::newRow("three empty parts") << QByteArrayLiteral("..");
    QTest::newRow("three-part garbage") << QByteArrayLiteral("a.b.c");
    QTest::newRow("three-part words") << QByteArrayLiteral("hello.world.token");
    QTest::newRow("bad base64") << QByteArrayLiteral("!!!.@@@.###");
    QTest::newRow("padded header") << QByteArray(b64url(Hs256Header) + "==.e30.sig");
    QTest::newRow("header not JSON") << QByteArray(b64url("not json") + ".e30.abc");
    QTest::newRow("header JSON array") << QByteArray(b64url("[1,2]") + ".e30.abc");
    QTest::newRow("header JSON null") << QByteArray(b64url("null") + ".e30.abc");
    QTest::newRow("header JSON string") << QByteArray(b64url("\"HS256\"") + ".e30.abc");
    QTest::newRow("binary junk") << QByteArray("\x01\xff\x00.\x80\x7f.\xfe", 8);
    QTest::newRow("one megabyte") << QByteArray(QByteArray(512 * 1024, 'a') + '.'
                                                + QByteArray(512 * 1024, 'b') + ".c");
    QTest::newRow("many dots") << QByteArray(100000, '.');
    QTest::newRow("bearer prefix") << QByteArray("Bearer " + signedToken(Hs256Header, "{}"));
}

void TestTokenService::rejectsMalformedToken()
{
    QFETCH(QByteArray, token);
    const Result<TokenClaims> claims = TokenService(Secret, Lifetime).verify(token);
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
    QVERIFY(!claims.error().detail.isEmpty());
}

void TestTokenService::rejectsSignedTokenWithBadClaims_data()
{
    const QByteArray exp = futureExp();
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("payload");
    const auto row = [&](const char *name, const QByteArray &payload,
                         const QByteArray &header = Hs256Header) {
        QTest::newRow(name) << header << payload;
    };
    row("payload not JSON", "hello");
    row("payload array", "[1]");
    row("payload number", "42");
    row("payload empty object", "{}");
    row("no sub", R"({"role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub letters", R"({"sub":"abc","role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub mixed", R"({"sub":"12a","role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub negative", R"({"sub":"-5","role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub zero", R"({"sub":"0","role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub too long", R"({"sub":"99999999999999999999","role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub fraction", R"({"sub":1.5,"role":"agent","tv":0,"exp":)" + exp + '}');
    row("sub null", R"({"sub":null,"role":"agent","tv":0,"exp":)" + exp + '}');
    row("no role", R"({"sub":"1","tv":0,"exp":)" + exp + '}');
    row("role number", R"({"sub":"1","role":5,"tv":0,"exp":)" + exp + '}');
    row("role empty", R"({"sub":"1","role":"","tv":0,"exp":)" + exp + '}');
    row("no tv", R"({"sub":"1","role":"agent","exp":)" + exp + '}');
    row("tv string", R"({"sub":"1","role":"agent","tv":"0","exp":)" + exp + '}');
    row("tv fraction", R"({"sub":"1","role":"agent","tv":0.5,"exp":)" + exp + '}');
    row("no exp", R"({"sub":"1","role":"agent","tv":0})");
    row("exp string", R"({"sub":"1","role":"agent","tv":0,"exp":")" + exp + "\"}");
    row("exp fraction", R"({"sub":"1","role":"agent","tv":0,"exp":)" + exp + ".5}");
    row("exp huge", R"({"sub":"1","role":"agent","tv":0,"exp":1e300})");
    row("exp boolean", R"({"sub":"1","role":"agent","tv":0,"exp":true})");
    // Whole numbers that fit qint64 but no date: seconds → milliseconds would overflow.
    row("exp past year 9999", R"({"sub":"1","role":"agent","tv":0,"exp":176722914767229140})");
    row("exp just past year 9999", R"({"sub":"1","role":"agent","tv":0,"exp":253402300800})");
    row("iat past year 9999", R"({"sub":"1","role":"agent","tv":0,"iat":9007199254740991,"exp":)" + exp + '}');
    row("iat negative", R"({"sub":"1","role":"agent","tv":0,"iat":-1,"exp":)" + exp + '}');
    row("nbf past year 9999", R"({"sub":"1","role":"agent","tv":0,"nbf":9007199254740991,"exp":)" + exp + '}');
    row("iat string", R"({"sub":"1","role":"agent","tv":0,"iat":"now","exp":)" + exp + '}');
    row("critical extension", R"({"sub":"1","role":"agent","tv":0,"exp":)" + exp + '}',
        QByteArrayLiteral(R"({"alg":"HS256","crit":["x"],"x":1})"));
}

void TestTokenService::rejectsSignedTokenWithBadClaims()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, payload);
    const Result<TokenClaims> claims =
        TokenService(Secret, Lifetime).verify(signedToken(header, payload));
    QVERIFY(!claims.ok());
    QCOMPARE(claims.error().kind, ErrorKind::Unauthorized);
    QCOMPARE(claims.error().code, QStringLiteral("invalid_token"));
}

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
