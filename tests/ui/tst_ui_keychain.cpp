// CredentialStore against a real Secret Service (gnome-keyring-daemon in its own D-Bus session,
// started by ctest: see tests/ui/CMakeLists.txt): write, read back, overwrite, delete.

#include "ui/client/credentialstore.h"

#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace joxai::ui;

namespace {

std::optional<CredentialStore::Outcome> wait(CredentialStore &store,
                                            const std::function<void(const CredentialStore::Callback &)> &call)
{
    std::optional<CredentialStore::Outcome> out;
    call([&out](const CredentialStore::Outcome &o) { out = o; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return std::nullopt;
    Q_UNUSED(store)
    return out;
}

} // namespace

class TestUiKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through ctest: it starts a D-Bus session with gnome-keyring-daemon");
    }

    void roundTripsAToken()
    {
        CredentialStore store(QStringLiteral("JoxAI-test"));
        QSignalSpy availability(&store, &CredentialStore::availabilityChanged);
        const QString key = CredentialStore::tokenKey(QUrl(QStringLiteral("http://127.0.0.1:5000/")),
                                                      QStringLiteral(" Agent@Bank.test "));
        QCOMPARE(key, QStringLiteral("token:http://127.0.0.1:5000|agent@bank.test"));

        auto missing = wait(store, [&](const CredentialStore::Callback &done) { store.read(key, &store, done); });
        QVERIFY(missing);
        QVERIFY2(missing->ok, qPrintable(missing->error));
        QVERIFY(!missing->found);
        QCOMPARE(store.availability(), CredentialStore::Availability::Available);
        QCOMPARE(availability.count(), 1);

        auto written = wait(store, [&](const CredentialStore::Callback &done) {
            store.write(key, QStringLiteral("eyJ.first.token"), &store, done);
        });
        QVERIFY(written && written->ok);
        auto read = wait(store, [&](const CredentialStore::Callback &done) { store.read(key, &store, done); });
        QVERIFY(read && read->ok && read->found);
        QCOMPARE(read->value, QStringLiteral("eyJ.first.token"));

        QVERIFY(wait(store, [&](const CredentialStore::Callback &done) {
            store.write(key, QStringLiteral("eyJ.second.token"), &store, done);
        })->ok);
        read = wait(store, [&](const CredentialStore::Callback &done) { store.read(key, &store, done); });
        QCOMPARE(read->value, QStringLiteral("eyJ.second.token"));

        // Another store object (another run of the console) finds it as well.
        CredentialStore again(QStringLiteral("JoxAI-test"));
        read = wait(again, [&](const CredentialStore::Callback &done) { again.read(key, &again, done); });
        QVERIFY(read && read->found);
        QCOMPARE(read->value, QStringLiteral("eyJ.second.token"));

        auto removed = wait(store, [&](const CredentialStore::Callback &done) { store.remove(key, &store, done); });
        QVERIFY(removed && removed->ok);
        read = wait(store, [&](const CredentialStore::Callback &done) { store.read(key, &store, done); });
        QVERIFY(read && read->ok);
        QVERIFY(!read->found);
        QVERIFY(store.unavailableReason().isEmpty());
    }

    void keysForServerSecretsDependOnTheDataFolder()
    {
        QVERIFY(CredentialStore::serverSecretKey(QStringLiteral("/a")) != CredentialStore::serverSecretKey(QStringLiteral("/b")));
        QCOMPARE(CredentialStore::serverSecretKey(QStringLiteral("/a")), CredentialStore::serverSecretKey(QStringLiteral("/a")));
    }
};

QTEST_MAIN(TestUiKeychain)
#include "tst_ui_keychain.moc"
