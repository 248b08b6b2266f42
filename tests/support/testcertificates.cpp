#include "tests/support/testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>

#include <utility>

namespace joxai::test {

namespace {

// `openssl ca` needs a configuration: its database, serial file and a policy that takes any
// subject. Several certificates may carry the same subject (unique_subject = no).
constexpr char kCaConfig[] = "[ca]\n"
                             "default_ca = testca\n"
                             "[testca]\n"
                             "dir = .\n"
                             "database = index.txt\n"
                             "serial = serial\n"
                             "new_certs_dir = issued\n"
                             "certificate = ca.pem\n"
                             "private_key = ca.key\n"
                             "default_md = sha256\n"
                             "policy = anything\n"
                             "unique_subject = no\n"
                             "[anything]\n"
                             "commonName = supplied\n";

constexpr char kServerExtensions[]
    = "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString asn1Time(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

} // namespace

QString TestCertificates::openssl(const QStringList &arguments) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("openssl %1: %2")
            .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
    return {};
}

QString TestCertificates::createAuthority()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    for (const auto &[file, content] : { std::pair { "ca.cnf", QByteArray(kCaConfig) },
             std::pair { "server.ext", QByteArray(kServerExtensions) },
             std::pair { "index.txt", QByteArray() }, std::pair { "serial", QByteArrayLiteral("1000\n") } })
        if (QString error = writeFile(path(QLatin1String(file)), content); !error.isEmpty())
            return error;
    if (!QDir(m_dir.path()).mkpath(QStringLiteral("issued")))
        return QStringLiteral("cannot make the issued folder");
    // EC keys: quick to make.
    return openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
        QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
        QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
        QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
        QStringLiteral("/CN=JoxAI test CA") });
}

QString TestCertificates::issue(const QString &name, const QDateTime &notBefore, const QDateTime &notAfter)
{
    const QString csr = name + QStringLiteral(".csr");
    const QString leaf = name + QStringLiteral(".crt");
    QString error = openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"), csr,
        QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") });
    if (error.isEmpty())
        error = openssl({ QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
            QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-in"), csr,
            QStringLiteral("-out"), leaf, QStringLiteral("-extfile"), QStringLiteral("server.ext"),
            QStringLiteral("-startdate"), asn1Time(notBefore), QStringLiteral("-enddate"),
            asn1Time(notAfter) });
    if (!error.isEmpty())
        return error;
    // The certificate file carries the chain: the server certificate first, then the CA.
    return writeFile(chain(name), readFile(path(leaf)) + readFile(path(QStringLiteral("ca.pem"))));
}

QSslConfiguration TestCertificates::trusting() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("ca.pem"))));
    return c;
}

} // namespace joxai::test
