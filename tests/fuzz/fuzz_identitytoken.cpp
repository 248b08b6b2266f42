// libFuzzer target: IdentityToken, the check of the widget's identity_token (the bank's site
// vouching for a signed-in customer). The first byte picks a mode:
//  - even: the rest is a token as a browser would send it. Whatever is accepted must carry the
//    HMAC-SHA256 (computed here with OpenSSL directly) of its first two parts, must not be
//    expired, and every byte of it flipped must be refused; a server without a secret, or with
//    another one, refuses it.
//  - odd: the rest is "<customer ref>\n<expiry>", issued with the right key so the checks behind
//    the signature are reached; it is accepted exactly when it is well formed and unexpired.
#include "server/auth/identitytoken.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstdint>

using namespace joxai;

namespace {

const QByteArray kSecret = QByteArrayLiteral("joxai-fuzz-identity-key-not-a-secret");
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out, &length);
    return QByteArray(reinterpret_cast<const char *>(out), int(length));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // 2026-01-01
    const IdentityToken identity(kSecret);
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    QString token = QString::fromLatin1(rest);
    qint64 issuedExpiry = 0;
    QString issuedRef;
    if (data[0] & 1) {
        const qsizetype newline = rest.indexOf('\n');
        issuedRef = QString::fromUtf8(newline < 0 ? rest : rest.left(newline));
        issuedExpiry = newline < 0 ? 0 : rest.mid(newline + 1, 12).toLongLong();
        token = identity.issue(issuedRef, QDateTime::fromSecsSinceEpoch(issuedExpiry, Qt::UTC));
    }

    const Result<VerifiedIdentity> verified = identity.verify(token, now);
    check(!IdentityToken(QByteArray()).verify(token, now).ok());
    if (data[0] & 1) {
        const QString ref = issuedRef.trimmed();
        // An expiry past the end of year 9999 is refused: no date holds it.
        const bool wellFormed = !ref.isEmpty() && ref.size() <= 200 && issuedExpiry > now.toSecsSinceEpoch()
                                && issuedExpiry <= 253402300799 && token.size() <= IdentityToken::kMaxTokenLength;
        check(verified.ok() == wellFormed);
    }
    if (!verified) {
        const Error &e = verified.error();
        check(e.kind == ErrorKind::Unauthorized && e.code == QLatin1String("invalid_identity_token")
              && !e.detail.isEmpty());
        return 0;
    }

    const QByteArray raw = token.toLatin1();
    const qsizetype lastDot = raw.lastIndexOf('.');
    check(raw.count('.') == 2 && lastDot > 0);
    check(raw.mid(lastDot + 1) == hmac(kSecret, raw.left(lastDot)).toBase64(kBase64Url));
    check(verified->expiresAt > now && !verified->customerRef.isEmpty());
    if (data[0] & 1)
        check(verified->customerRef == issuedRef.trimmed());
    check(!IdentityToken(kSecret + 'x').verify(token, now).ok());

    // About 24 positions spread over the token (where is chosen by the input) plus the last two
    // characters, whose unused base64 bits are the classic respelling: every flip is a full
    // verification, and all of them made the short run several times slower for no new coverage.
    const qsizetype stride = std::max<qsizetype>(1, raw.size() / 24);
    for (qsizetype p = data[0] % stride; p < raw.size();
         p = p + stride < raw.size() - 2 ? p + stride : std::max(p + 1, raw.size() - 2)) {
        QByteArray tampered = raw;
        tampered[p] = char(tampered[p] ^ (1 + (data[0] >> 1) % 127));
        check(!identity.verify(QString::fromLatin1(tampered), now).ok());
    }
    return 0;
}
