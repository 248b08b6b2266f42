#pragma once
// The certificate chain and private key joxai-server serves https and wss with
// (JOXAI_TLS_CERT / JOXAI_TLS_KEY, PEM files). Everything that can be wrong with them is found
// here, at start-up and on reload, and said in one sentence: an unreadable file, a file with no
// certificate or no key, a key that does not belong to the certificate.
// The validity dates are not an error here: an expired certificate must not turn a restart
// into an outage of every instance (clients that do not check dates, health checks and the
// admins' own tools keep working), so the dates travel with the credentials and
// CertificateKeeper says loudly what they mean.

#include "server/core/result.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QString>

namespace joxai {

struct TlsCredentials
{
    QSslConfiguration configuration; // TLS 1.2 or later, chain and key set, no client certificates
    QString certPath;
    QDateTime notBefore; // of the server certificate (the first in the file), UTC
    QDateTime notAfter;

    static Result<TlsCredentials> load(const QString &certPath, const QString &keyPath);
};

} // namespace joxai
