#include "app/console/serversecret.h"

#include "ui/client/credentialstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace joxai::console {

namespace {

QString generateKey()
{
    QByteArray raw(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

void resolveServerSecret(ui::CredentialStore &store, Config &config, const std::function<void(const QString &)> &done)
{
    if (!config.secretKey.isEmpty())
        return done(QString());
    const QString entry = ui::CredentialStore::serverSecretKey(config.dataDir);
    const QString filePath = QDir(config.dataDir).filePath(QStringLiteral("secret_key"));
    auto fallbackNote = [filePath](const QString &why) {
        return QCoreApplication::translate("ServerSecret", "The embedded server's secret key is kept in %1, readable only by you, because the system "
                  "keychain cannot be used (%2).").arg(QDir::toNativeSeparators(filePath), why);
    };
    store.read(entry, nullptr, [&store, &config, entry, filePath, fallbackNote, done](const ui::CredentialStore::Outcome &o) {
        if (o.found && o.value.size() >= 32) {
            config.secretKey = o.value;
            return done(QString());
        }
        if (!o.ok)
            return done(fallbackNote(o.error));
        // Nothing in the keychain. A key file from an earlier run without keychain stays in use
        // (moving it would strand joxai-server runs on the same folder); otherwise a new key goes
        // into the keychain only.
        if (QFile::exists(filePath))
            return done(QString());
        const QString key = generateKey();
        store.write(entry, key, nullptr, [&config, key, fallbackNote, done](const ui::CredentialStore::Outcome &w) {
            if (!w.ok)
                return done(fallbackNote(w.error)); // the server makes the file itself
            config.secretKey = key;
            done(QString());
        });
    });
}

} // namespace joxai::console
