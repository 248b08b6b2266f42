#include "server/api/certificatekeeper.h"

#include "server/api/guardedtcpserver.h"
#include "server/core/logging.h"

#include <algorithm>

namespace joxai {

namespace {

// A timer is never set further ahead than this (QTimer takes an int of milliseconds, and a
// clock that jumps is caught up with within a day).
constexpr qint64 kLongestWaitMs = 24LL * 3600 * 1000;
// Timers may fire a little early; a recheck that finds nothing changed sets the timer again.
constexpr qint64 kMarginMs = 50;

QString day(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

} // namespace

CertificateKeeper::CertificateKeeper(
    QString certPath, QString keyPath, GuardedTcpServer &server, QObject *parent)
    : QObject(parent)
    , m_certPath(std::move(certPath))
    , m_keyPath(std::move(keyPath))
    , m_server(server)
{
    m_recheck.setSingleShot(true);
    m_recheck.setTimerType(Qt::PreciseTimer);
    connect(&m_recheck, &QTimer::timeout, this, &CertificateKeeper::recheck);
}

Status CertificateKeeper::start()
{
    auto loaded = TlsCredentials::load(m_certPath, m_keyPath);
    if (!loaded)
        return loaded.error();
    install(loaded.value());
    return success();
}

bool CertificateKeeper::reload()
{
    const QString keeping
        = QStringLiteral("keeping the certificate in use (valid until %1)").arg(day(m_current.notAfter));
    auto loaded = TlsCredentials::load(m_certPath, m_keyPath);
    if (!loaded) {
        qCCritical(lcServer).noquote()
            << QStringLiteral("TLS reload failed: %1;").arg(loaded.error().detail) << keeping;
        return false;
    }
    // Swapping a working certificate for one no client accepts would cause the outage the
    // reload was meant to avoid.
    switch (validityAt(loaded.value(), QDateTime::currentDateTimeUtc())) {
    case Validity::Expired:
        qCCritical(lcServer).noquote()
            << QStringLiteral("TLS reload refused: the certificate in %1 expired on %2;")
                   .arg(m_certPath, day(loaded->notAfter))
            << keeping;
        return false;
    case Validity::NotYetValid:
        qCCritical(lcServer).noquote()
            << QStringLiteral("TLS reload refused: the certificate in %1 is not valid before %2;")
                   .arg(m_certPath, day(loaded->notBefore))
            << keeping;
        return false;
    case Validity::Valid:
    case Validity::ExpiringSoon:
        break;
    }
    qCInfo(lcServer).noquote() << "TLS certificate reloaded from" << m_certPath << "for new connections";
    install(loaded.value());
    return true;
}

void CertificateKeeper::install(const TlsCredentials &credentials)
{
    m_current = credentials;
    m_server.setTls(credentials.configuration);
    m_lastLogged = validity();
    logValidity(m_lastLogged);
    scheduleRecheck();
}

qint64 CertificateKeeper::secondsUntilExpiry() const
{
    return QDateTime::currentDateTimeUtc().secsTo(m_current.notAfter);
}

CertificateKeeper::Validity CertificateKeeper::validityAt(
    const TlsCredentials &credentials, const QDateTime &now)
{
    if (credentials.notAfter <= now)
        return Validity::Expired;
    if (credentials.notBefore > now)
        return Validity::NotYetValid;
    if (now.secsTo(credentials.notAfter) < qint64(kWarningDays) * 24 * 3600)
        return Validity::ExpiringSoon;
    return Validity::Valid;
}

void CertificateKeeper::logValidity(Validity validity) const
{
    const QString file = QStringLiteral("the TLS certificate in %1 (JOXAI_TLS_CERT)").arg(m_certPath);
    switch (validity) {
    case Validity::Expired:
        qCCritical(lcServer).noquote()
            << file << "expired on" << day(m_current.notAfter)
            << "- clients that check certificates cannot connect; renew it, then send "
               "SIGHUP or restart";
        return;
    case Validity::NotYetValid:
        qCCritical(lcServer).noquote() << file << "is not valid before" << day(m_current.notBefore)
                                       << "- clients that check certificates cannot connect until then";
        return;
    case Validity::ExpiringSoon:
        qCWarning(lcServer).noquote() << file << "expires on" << day(m_current.notAfter) << "(in"
                                      << QString::number(double(secondsUntilExpiry()) / 86400.0, 'f', 1)
                                      << "days); renew it, then send SIGHUP";
        return;
    case Validity::Valid:
        qCInfo(lcServer).noquote() << file << "is valid until" << day(m_current.notAfter);
        return;
    }
}

void CertificateKeeper::recheck()
{
    const Validity now = validity();
    if (now != m_lastLogged) {
        m_lastLogged = now;
        logValidity(now);
    }
    scheduleRecheck();
}

void CertificateKeeper::scheduleRecheck()
{
    // The moments the state can change: valid from, into the warning window, expired.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 wait = kLongestWaitMs;
    for (const QDateTime &edge :
        { m_current.notBefore, m_current.notAfter.addDays(-kWarningDays), m_current.notAfter })
        if (edge > now)
            wait = std::min(wait, now.msecsTo(edge) + kMarginMs);
    m_recheck.start(int(wait));
}

} // namespace joxai
