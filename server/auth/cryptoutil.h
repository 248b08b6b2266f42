#pragma once
// Small OpenSSL-backed primitives, so no other folder includes OpenSSL headers.

#include <QByteArray>

namespace joxai::crypto {

QByteArray randomBytes(int count);                 // CSPRNG (RAND_bytes)
QByteArray randomToken(int bytes = 32);            // base64url, no padding
QByteArray sha256(const QByteArray &data);
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace joxai::crypto
