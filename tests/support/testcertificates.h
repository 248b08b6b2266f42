#pragma once
// A throwaway certificate authority for the TLS tests, made with the openssl program in a
// temporary folder: a CA, and server certificates for 127.0.0.1 signed by it, valid for the
// next days or for any window of dates (`openssl ca -startdate/-enddate`: OpenSSL 3.0 on
// Debian 12 has no -not_before/-not_after for `openssl x509`), so expired, not yet valid and
// soon-expiring certificates are real ones, not doctored files.

#include <QDateTime>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace joxai::test {

class TestCertificates final
{
public:
    TestCertificates() = default;
    Q_DISABLE_COPY_MOVE(TestCertificates)

    // Makes the CA (EC P-256, valid two days); answers why it failed, or nothing.
    QString createAuthority();
    // A server certificate `name`.pem (its chain: the certificate, then the CA) and its key
    // `name`.key, for CN and subjectAltName 127.0.0.1, valid from `notBefore` to `notAfter`.
    QString issue(const QString &name, const QDateTime &notBefore, const QDateTime &notAfter);
    // Runs openssl in the folder with these arguments; answers why it failed, or nothing.
    QString openssl(const QStringList &arguments) const;

    QString path(const QString &file) const { return m_dir.filePath(file); }
    QString chain(const QString &name) const { return path(name + QStringLiteral(".pem")); }
    QString key(const QString &name) const { return path(name + QStringLiteral(".key")); }
    // A client configuration that trusts the CA (and nothing else).
    QSslConfiguration trusting() const;

private:
    QTemporaryDir m_dir;
};

} // namespace joxai::test
