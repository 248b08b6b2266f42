#include "server/auth/cryptoutil.h"

#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <climits>

namespace joxai::crypto {

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1) {
        // Without a working CSPRNG no token, salt or nonce would be safe; going on would hand out
        // guessable secrets. This does not happen on Linux (getrandom), so stop loudly.
        qFatal("joxai: the system random number generator failed (RAND_bytes)");
    }
    return out;
}

QByteArray randomToken(int bytes)
{
    return randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding
                                       | QByteArray::OmitTrailingEquals);
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
           reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    if (key.size() > INT_MAX)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // constData() is never null, even for an empty key (HMAC() refuses a null key).
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
              digest, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The length is not secret (digests and tokens have fixed lengths); the content is.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace joxai::crypto
