#pragma once
// Encrypts secret settings at rest: AES-256-GCM, key = HKDF-SHA256(SECRET_KEY, info
// "joxai secret settings v1"). Sealed form: "v1:" + base64(nonce(12) | ciphertext | tag(16)).

#include <QByteArray>

#include <optional>

namespace joxai {

class SecretBox final
{
public:
    explicit SecretBox(const QByteArray &secretKey);

    QByteArray seal(const QByteArray &plaintext) const;
    // nullopt when the text was tampered with, sealed under another key, or malformed.
    std::optional<QByteArray> open(const QByteArray &sealed) const;

private:
    QByteArray m_key; // 32 bytes
};

} // namespace joxai
