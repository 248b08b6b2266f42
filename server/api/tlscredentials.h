#pragma once
// The certificate chain and private key joxai-server serves https and wss with
// (JOXAI_TLS_CERT / JOXAI_TLS_KEY, PEM files). Everything that can be wrong with them is found
// here, once, at start-up, and said in one sentence: an unreadable file, a file with no
// certificate or no key, a key that does not belong to the certificate, a certificate that is
// not valid yet or has expired. An expired certificate is refused rather than warned about:
// every client would fail its handshake anyway, and a server that starts "fine" and then
// answers nobody is harder to diagnose than one that says why it will not start.

#include "server/core/result.h"

#include <QSslConfiguration>
#include <QString>

namespace joxai {

struct TlsCredentials
{
    // TLS 1.2 or later, the chain and key set, peers not asked for certificates.
    static Result<QSslConfiguration> load(const QString &certPath, const QString &keyPath);
};

} // namespace joxai
