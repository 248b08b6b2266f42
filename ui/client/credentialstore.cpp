#include "ui/client/credentialstore.h"

#include "ui/client/logging.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace joxai::ui {

namespace {

// A job's answer or the time-out, whichever comes first, is reported once.
struct Pending
{
    bool settled = false;
};

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service))
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::tokenKey(const QUrl &server, const QString &email)
{
    QUrl url = server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    const QString base = url.toString(QUrl::FullyEncoded);
    return QStringLiteral("token:") + base + QLatin1Char('|') + email.trimmed().toLower();
}

QString CredentialStore::serverSecretKey(const QString &dataDir)
{
    const QByteArray digest = QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("server-secret-key:") + QString::fromLatin1(digest);
}

void CredentialStore::read(const QString &key, QObject *context, const Callback &done)
{
    run(Op::Read, key, {}, context, done);
}

void CredentialStore::write(const QString &key, const QString &value, QObject *context, const Callback &done)
{
    run(Op::Write, key, value, context, done);
}

void CredentialStore::remove(const QString &key, QObject *context, const Callback &done)
{
    run(Op::Remove, key, {}, context, done);
}

void CredentialStore::run(Op op, const QString &key, const QString &value, QObject *context, const Callback &done)
{
    QPointer<QObject> guard(context ? context : this);
    auto report = [guard, done](const Outcome &o) {
        if (guard && done)
            done(o);
    };
    if (m_availability == Availability::Unavailable) {
        // Known to be missing: answer at once instead of waiting on it again.
        Outcome o;
        o.unavailable = true;
        o.error = m_reason;
        QTimer::singleShot(0, this, [report, o] { report(o); });
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service);
        w->setTextData(value);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setKey(key);

    auto pending = std::make_shared<Pending>();
    QTimer::singleShot(m_timeoutMs, this, [this, pending, report] {
        if (pending->settled)
            return;
        pending->settled = true;
        markUnavailable(tr("the system keychain did not answer"));
        Outcome o;
        o.unavailable = true;
        o.error = m_reason;
        report(o);
    });
    connect(job, &QKeychain::Job::finished, this, [this, op, pending, report](QKeychain::Job *j) {
        if (pending->settled)
            return;
        pending->settled = true;
        Outcome o;
        switch (j->error()) {
        case QKeychain::NoError:
            markAvailable();
            o.ok = true;
            o.found = op == Op::Read;
            if (op == Op::Read)
                o.value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            break;
        case QKeychain::EntryNotFound:
            markAvailable();
            o.ok = true; // nothing stored, or nothing left to delete
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::OtherError:
            qCInfo(lcUiKeychain) << "keychain unavailable:" << j->errorString();
            markUnavailable(j->errorString());
            o.unavailable = true;
            o.error = m_reason;
            break;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::CouldNotDeleteEntry:
            markAvailable();
            o.error = tr("The system keychain refused access: %1").arg(j->errorString());
            break;
        }
        report(o);
    });
    job->start();
}

void CredentialStore::markUnavailable(const QString &reason)
{
    m_reason = tr("No system keychain is available (%1). Sign-ins are kept in memory only until the "
                  "console is closed.").arg(reason);
    if (m_availability != Availability::Unavailable) {
        m_availability = Availability::Unavailable;
        Q_EMIT availabilityChanged(m_availability);
    }
}

void CredentialStore::markAvailable()
{
    m_reason.clear();
    if (m_availability != Availability::Available) {
        m_availability = Availability::Available;
        Q_EMIT availabilityChanged(m_availability);
    }
}

} // namespace joxai::ui
