#pragma once
// The system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential Manager via
// QtKeychain). Every QtKeychain call of the console lives in this class. Calls are asynchronous;
// when no keychain answers (no D-Bus session, no Secret Service, a hung service) the store says
// so plainly and the console keeps secrets in memory only.

#include <QObject>
#include <QUrl>

#include <functional>

namespace joxai::ui {

class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    struct Outcome
    {
        bool ok = false;          // the call did what was asked (a read that found nothing is ok)
        bool found = false;       // read: an entry exists
        bool unavailable = false; // no keychain: nothing can be stored
        QString value;            // read: the secret
        QString error;            // plain words when !ok
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit CredentialStore(QString service = QStringLiteral("JoxAI"), QObject *parent = nullptr);
    ~CredentialStore() override;

    // A call that has not finished after `ms` counts as "no keychain".
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void read(const QString &key, QObject *context, const Callback &done);
    void write(const QString &key, const QString &value, QObject *context, const Callback &done);
    void remove(const QString &key, QObject *context, const Callback &done);

    Availability availability() const { return m_availability; }
    // Why the keychain is unavailable, in plain words (empty while it works).
    QString unavailableReason() const { return m_reason; }

    // Entry names: the remembered sign-in for a server and e-mail; the embedded server's key.
    static QString tokenKey(const QUrl &server, const QString &email);
    static QString serverSecretKey(const QString &dataDir);

Q_SIGNALS:
    void availabilityChanged(joxai::ui::CredentialStore::Availability availability);

private:
    enum class Op { Read, Write, Remove };
    void run(Op op, const QString &key, const QString &value, QObject *context, const Callback &done);
    void markUnavailable(const QString &reason);
    void markAvailable();

    QString m_service;
    int m_timeoutMs = 8000;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
};

} // namespace joxai::ui
