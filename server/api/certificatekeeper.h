#pragma once
// The TLS credentials joxai-server serves with, over its whole life: loads them at start-up,
// hands them to the listening socket, says what their dates mean, and swaps them on request
// (SIGHUP) for the connections accepted from then on.
// A certificate outside its dates does not stop the server (an expired certificate must not
// turn a restart into an outage of the whole service): start-up logs an error naming the file
// and the date, a certificate expiring within kWarningDays logs a warning, a timer set for the
// next of those moments logs again when a running server's certificate crosses into the warning
// window, expires or becomes valid, and /metrics carries
// joxai_tls_certificate_expiry_seconds for monitoring. A reload whose files cannot be used
// (unreadable, no certificate, a key of another certificate, or a certificate already expired or
// not yet valid) keeps the credentials in use and logs why.

#include "server/api/tlscredentials.h"
#include "server/core/result.h"

#include <QObject>
#include <QTimer>

namespace joxai {

class GuardedTcpServer;

class CertificateKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateKeeper)

public:
    enum class Validity { Valid, ExpiringSoon, Expired, NotYetValid };
    static constexpr int kWarningDays = 14;

    CertificateKeeper(QString certPath, QString keyPath, GuardedTcpServer &server, QObject *parent = nullptr);

    // Loads the files and gives them to the server (before it listens). Fails only when the files
    // cannot be used at all; the dates are logged, never refused.
    Status start();
    // Re-reads the files for new connections; false (and an error logged) when the old ones stay.
    bool reload();

    // Seconds until the certificate in use expires; negative once it has.
    qint64 secondsUntilExpiry() const;
    Validity validity() const { return validityAt(m_current, QDateTime::currentDateTimeUtc()); }
    static Validity validityAt(const TlsCredentials &credentials, const QDateTime &now);

private:
    void install(const TlsCredentials &credentials);
    void logValidity(Validity validity) const;
    void recheck(); // at the next date that matters: logs the new state if it changed
    void scheduleRecheck();

    QString m_certPath;
    QString m_keyPath;
    GuardedTcpServer &m_server;
    TlsCredentials m_current;
    Validity m_lastLogged = Validity::Valid;
    QTimer m_recheck;
};

} // namespace joxai
