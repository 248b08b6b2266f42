// libFuzzer target: TokenService, the HS256 JWT parser and verifier of staff sessions.
// The first byte picks a mode:
//  - even: the rest is a token as a client would send it. Whatever is accepted must carry the
//    HMAC-SHA256 of its signing input under the server's key (computed here with OpenSSL
//    directly, not with the code under test), must re-verify to the same claims, must not be
//    expired, and every byte of it flipped must be refused.
//  - odd: the rest is a JWT payload that the fuzzer gets signed with the right key, so the claim
//    checks behind the signature are reached; accepted claims must be the payload's own.
#include "server/auth/tokenservice.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstdint>

using namespace joxai;

namespace {

// The key the committed seed tokens (corpus/tokenservice) were made with.
const QByteArray kSecret = QByteArrayLiteral("joxai-fuzz-test-key-not-a-secret");
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

QByteArray hmac(const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), kSecret.constData(), int(kSecret.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out, &length);
    return QByteArray(reinterpret_cast<const char *>(out), int(length));
}

bool sameClaims(const TokenClaims &a, const TokenClaims &b)
{
    return a.userId == b.userId && a.role == b.role && a.tokenVersion == b.tokenVersion
           && a.issuedAt == b.issuedAt && a.expiresAt == b.expiresAt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // A fixed clock keeps every run reproducible: 2026-01-01T00:00:00Z.
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC);
    const TokenService tokens(kSecret, 3600);
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    QByteArray token = rest;
    if (data[0] & 1) {
        const QByteArray signingInput =
            QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(kBase64Url) + '.'
            + rest.toBase64(kBase64Url);
        token = signingInput + '.' + hmac(signingInput).toBase64(kBase64Url);
    }

    const Result<TokenClaims> claims = tokens.verify(token, now);
    if (!claims) {
        const Error &e = claims.error();
        check(e.kind == ErrorKind::Unauthorized && !e.detail.isEmpty());
        check(e.code == QLatin1String("invalid_token") || e.code == QLatin1String("token_expired"));
        return 0;
    }

    const qsizetype lastDot = token.lastIndexOf('.');
    check(token.count('.') == 2 && lastDot > 0);
    check(token.mid(lastDot + 1) == hmac(token.left(lastDot)).toBase64(kBase64Url));
    check(claims->userId > 0 && !claims->role.isEmpty() && claims->expiresAt > now);

    const Result<TokenClaims> again = tokens.verify(token, now);
    check(again.ok() && sameClaims(*again, *claims));

    if (data[0] & 1) {
        const QJsonObject payload = QJsonDocument::fromJson(rest).object();
        check(payload.value(QStringLiteral("role")).toString() == claims->role);
        check(payload.value(QStringLiteral("exp")).toInteger() == claims->expiresAt.toSecsSinceEpoch());
    }

    // Tampering with any one byte must be caught.
    // About 24 positions spread over the token (where is chosen by the input) plus the last two
    // characters, whose unused base64 bits are the classic respelling: every flip is a full
    // verification, and all of them made the short run several times slower for no new coverage.
    const qsizetype stride = std::max<qsizetype>(1, token.size() / 24);
    for (qsizetype p = data[0] % stride; p < token.size();
         p = p + stride < token.size() - 2 ? p + stride : std::max(p + 1, token.size() - 2)) {
        QByteArray tampered = token;
        tampered[p] = char(tampered[p] ^ (1 + (data[0] >> 1) % 127));
        check(!tokens.verify(tampered, now).ok());
    }
    // So must the same token checked against another key.
    check(!TokenService(kSecret + 'x', 3600).verify(token, now).ok());
    return 0;
}
