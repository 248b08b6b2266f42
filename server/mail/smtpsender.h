#pragma once
// Hands one message to an SMTP server with libcurl: smtp:// with STARTTLS required
// (JOXAI_SMTP_SECURITY=starttls), smtps:// (tls) or plain (none); AUTH when a user is set, and
// with starttls/tls only once TLS is up. The server's certificate is checked against the system's
// trust store, or against SMTP_CA_FILE (a bank's private CA) when that is set.
// Blocking, so it runs on the mail thread only; a time-out bounds every attempt and an abort
// check lets shutdown cut a transfer short.

#include <QByteArray>
#include <QString>

#include <functional>

namespace joxai {

struct SmtpSettings
{
    QString host;
    int port = 587;
    QString user;
    QString password;
    QString security = QStringLiteral("starttls"); // starttls | tls | none
    QString caFile; // PEM file of the CA(s) to trust instead of the system's bundle; empty: system
    int timeoutSeconds = 30;
};

// A login in clear text to a server that is not this machine (JOXAI_SMTP_SECURITY=none with a
// user): the password crosses the network readable. Allowed, since some relays inside a bank's
// network are plain, but worth a warning at start.
bool sendsPasswordInClear(const SmtpSettings &settings);

class SmtpSender final
{
public:
    enum class Outcome {
        Sent,
        Failed,       // this message was refused or the transfer broke: retry it later
        ServerDown,   // no usable session at all (connect, TLS, login): retry everything later
        Aborted,      // cut short by the abort check; the server did not take the message
    };
    struct Attempt
    {
        Outcome outcome = Outcome::Failed;
        QString error; // curl's reason and the SMTP reply code; never the password
    };

    explicit SmtpSender(SmtpSettings settings);

    // `abort` is asked about once a second and whenever data moves.
    Attempt send(const QString &from, const QString &to, const QByteArray &message,
                 const std::function<bool()> &abort) const;

    QByteArray url(const QString &ehloDomain) const;

private:
    SmtpSettings m_settings;
};

} // namespace joxai
