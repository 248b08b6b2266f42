#include "server/api/tlscredentials.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace joxai {

namespace {

Error tlsError(const QString &sentence)
{
    return Error::make(ErrorKind::Validation, QStringLiteral("invalid_tls"), sentence);
}

Result<QByteArray> readFile(const QString &setting, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("%1: cannot read %2: %3").arg(setting, path, file.errorString()));
    return file.readAll();
}

// Qt has no way to ask whether a private key belongs to a certificate; OpenSSL compares the
// certificate's public key with the one inside the private key.
bool keyMatchesCertificate(const QByteArray &certPem, const QByteArray &keyPem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    if (!certBio || !keyBio)
        return false;
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr), X509_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

Result<TlsCredentials> TlsCredentials::load(const QString &certPath, const QString &keyPath)
{
    const QString certSetting = QStringLiteral("JOXAI_TLS_CERT");
    const QString keySetting = QStringLiteral("JOXAI_TLS_KEY");
    auto certPem = readFile(certSetting, certPath);
    if (!certPem)
        return certPem.error();
    auto keyPem = readFile(keySetting, keyPath);
    if (!keyPem)
        return keyPem.error();

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem.value(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return tlsError(QStringLiteral("%1: %2 holds no PEM certificate").arg(certSetting, certPath));

    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(keyPem.value(), algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return tlsError(QStringLiteral("%1: %2 holds no unencrypted PEM private key (RSA or EC)").arg(keySetting, keyPath));
    if (!keyMatchesCertificate(certPem.value(), key.toPem()))
        return tlsError(QStringLiteral("%1: the private key in %2 does not belong to the certificate in %3")
                            .arg(keySetting, keyPath, certPath));

    TlsCredentials credentials;
    credentials.configuration = QSslConfiguration::defaultConfiguration();
    credentials.configuration.setLocalCertificateChain(chain);
    credentials.configuration.setPrivateKey(key);
    credentials.configuration.setProtocol(QSsl::TlsV1_2OrLater);
    credentials.configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    credentials.certPath = certPath;
    credentials.notBefore = chain.first().effectiveDate().toUTC();
    credentials.notAfter = chain.first().expiryDate().toUTC();
    return credentials;
}

} // namespace joxai
