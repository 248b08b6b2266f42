// With no D-Bus session there is no keychain: CredentialStore says so plainly and quickly, and
// later calls answer at once instead of waiting again.

#include "ui/client/credentialstore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace joxai::ui;

class TestUiNoKeychain : public QObject
{
    Q_OBJECT

    static std::optional<CredentialStore::Outcome> readFrom(CredentialStore &store, const QString &key)
    {
        std::optional<CredentialStore::Outcome> out;
        store.read(key, &store, [&out](const CredentialStore::Outcome &o) { out = o; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            return std::nullopt;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No session bus, and none to start on demand (no X display for autolaunch).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/joxai-no-bus");
        qunsetenv("DISPLAY");
    }

    void reportsUnavailableInsteadOfHanging()
    {
        CredentialStore store(QStringLiteral("JoxAI-test"));
        store.setTimeout(5000);
        QSignalSpy availability(&store, &CredentialStore::availabilityChanged);
        QElapsedTimer clock;
        clock.start();
        const auto read = readFrom(store, QStringLiteral("token:http://x|a@b.test"));
        QVERIFY2(read.has_value(), "no answer at all");
        QVERIFY(!read->ok);
        QVERIFY(read->unavailable);
        QVERIFY(!read->found);
        QCOMPARE(store.availability(), CredentialStore::Availability::Unavailable);
        QCOMPARE(availability.count(), 1);
        QVERIFY2(store.unavailableReason().startsWith(QStringLiteral("No system keychain is available")),
                 qPrintable(store.unavailableReason()));
        QVERIFY(store.unavailableReason().contains(QStringLiteral("kept in memory only")));
        QCOMPARE(read->error, store.unavailableReason());

        // Known now: a write answers at once, the same way.
        std::optional<CredentialStore::Outcome> written;
        clock.restart();
        store.write(QStringLiteral("k"), QStringLiteral("v"), &store, [&written](const CredentialStore::Outcome &o) { written = o; });
        QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 1000));
        QVERIFY(written->unavailable);
        QVERIFY(!written->ok);
    }
};

QTEST_MAIN(TestUiNoKeychain)
#include "tst_ui_nokeychain.moc"
