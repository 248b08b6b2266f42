#include "server/auth/secretbox.h"

#include "server/auth/cryptoutil.h"

#include <QStringBuilder>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace joxai {

namespace {

constexpr int KeyBytes = 32;
constexpr int NonceBytes = 12;
constexpr int TagBytes = 16;
constexpr char Prefix[] = "v1:";
constexpr qsizetype PrefixLength = sizeof(Prefix) - 1;
// Secret settings are API keys and passwords; anything near this is not one of ours.
constexpr qsizetype MaxSealedLength = 16 * 1024 * 1024;

struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

unsigned char *bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

// HKDF-SHA256 (RFC 5869), salt "joxai", info "joxai secret settings v1". Empty on failure.
QByteArray deriveKey(const QByteArray &secretKey)
{
    if (secretKey.isEmpty() || secretKey.size() > INT_MAX)
        return {};
    static const QByteArray salt = QByteArrayLiteral("joxai");
    static const QByteArray info = QByteArrayLiteral("joxai secret settings v1");
    PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0
        || EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), bytes(salt), int(salt.size())) <= 0
        || EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), bytes(secretKey), int(secretKey.size())) <= 0
        || EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), bytes(info), int(info.size())) <= 0)
        return {};
    QByteArray key(KeyBytes, Qt::Uninitialized);
    size_t length = size_t(key.size());
    if (EVP_PKEY_derive(ctx.get(), bytes(key), &length) <= 0 || length != size_t(KeyBytes))
        return {};
    return key;
}

} // namespace

SecretBox::SecretBox(const QByteArray &secretKey)
    : m_key(deriveKey(secretKey))
{
}

QByteArray SecretBox::seal(const QByteArray &plaintext) const
{
    if (m_key.size() != KeyBytes || plaintext.size() > MaxSealedLength)
        return {};
    const QByteArray nonce = crypto::randomBytes(NonceBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1)
        return {};

    // nonce | ciphertext | tag, assembled in place (GCM adds no padding).
    QByteArray box(NonceBytes + plaintext.size() + TagBytes, Qt::Uninitialized);
    std::copy(nonce.cbegin(), nonce.cend(), box.begin());
    unsigned char *out = bytes(box) + NonceBytes;
    int written = 0;
    if (!plaintext.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), out, &written, bytes(plaintext), int(plaintext.size()))
            != 1)
        return {};
    int finalWritten = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), out + written, &finalWritten) != 1
        || written + finalWritten != plaintext.size())
        return {};
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagBytes,
                            out + plaintext.size()) != 1)
        return {};
    return QByteArray(Prefix) + box.toBase64();
}

std::optional<QByteArray> SecretBox::open(const QByteArray &sealed) const
{
    if (m_key.size() != KeyBytes || sealed.size() > MaxSealedLength * 2
        || !sealed.startsWith(Prefix))
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(sealed.mid(PrefixLength),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < NonceBytes + TagBytes)
        return std::nullopt;
    const QByteArray &box = decoded.decoded;
    const qsizetype cipherLength = box.size() - NonceBytes - TagBytes;
    const unsigned char *nonce = bytes(box);
    const unsigned char *cipher = nonce + NonceBytes;
    // EVP_CTRL_GCM_SET_TAG wants a writable buffer.
    QByteArray tag = box.right(TagBytes);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceBytes, nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), nonce) != 1)
        return std::nullopt;

    QByteArray plain(cipherLength, Qt::Uninitialized);
    int written = 0;
    if (cipherLength > 0
        && EVP_DecryptUpdate(ctx.get(), bytes(plain), &written, cipher, int(cipherLength)) != 1)
        return std::nullopt;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagBytes, tag.data()) != 1)
        return std::nullopt;
    int finalWritten = 0;
    // The tag is checked here: a tampered text, a wrong key or a wrong nonce all end in failure.
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &finalWritten) != 1
        || written + finalWritten != cipherLength) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return std::nullopt;
    }
    return plain;
}

} // namespace joxai
