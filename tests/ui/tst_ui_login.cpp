// Signing in through the widgets, driven by key clicks against a real server: the sign-in dialog
// (errors, one-time code, "remember me" without a keychain), the forced password change, the whole
// session flow from sign-in to the main window and back after signing out.

#include "server/auth/totp.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/credentialstore.h"
#include "ui/client/liveevents.h"
#include "ui/pages/changepassworddialog.h"
#include "ui/pages/consolesession.h"
#include "ui/pages/logindialog.h"
#include "ui/pages/mainwindow.h"
#include "ui/pages/page.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiLogin : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    QTemporaryDir m_settingsDir;

    static void type(LoginDialog &d, const char *name, const QString &text)
    {
        auto *edit = d.findChild<QLineEdit *>(QLatin1String(name));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static QString error(QDialog &d) { return d.findChild<QLabel *>(QStringLiteral("errorLabel"))->text(); }
    static bool errorShown(QDialog &d) { return d.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible(); }

private Q_SLOTS:
    void initTestCase()
    {
        withoutKeychain();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("JoxAI-test"));
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent")).isEmpty());
    }

    void wrongPasswordThenRightOne()
    {
        ApiClient api;
        CredentialStore store;
        LoginDialog d(api, store);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        type(d, "serverEdit", m_server->baseUrl());
        type(d, "emailEdit", QStringLiteral("agent@bank.test"));
        type(d, "passwordEdit", QStringLiteral("wrong-password-1"));
        QTest::keyClick(d.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return errorShown(d); }, 10000));
        QCOMPARE(error(d), QStringLiteral("The e-mail address or the password is wrong."));
        QVERIFY(d.isVisible());

        type(d, "passwordEdit", QLatin1String(HttpClient::kStaffPassword));
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return d.result() == QDialog::Accepted; }, 10000));
        QCOMPARE(api.user().email, QStringLiteral("agent@bank.test"));
        QVERIFY(api.hasSession());
        QCOMPARE(d.keychainNote(), QString()); // "remember me" was off
    }

    void badAddressAndServerDownAreExplained()
    {
        ApiClient api;
        api.setTimeout(5000);
        CredentialStore store;
        LoginDialog d(api, store);
        d.show();
        type(d, "serverEdit", QStringLiteral("ftp://nowhere"));
        type(d, "emailEdit", QStringLiteral("agent@bank.test"));
        type(d, "passwordEdit", QStringLiteral("x"));
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(errorShown(d));
        QVERIFY(error(d).startsWith(QStringLiteral("Enter the server's address")));

        type(d, "serverEdit", QStringLiteral("127.0.0.1:1"));
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return error(d).contains(QStringLiteral("cannot be reached")); }, 10000));
        QVERIFY(error(d).contains(QStringLiteral("http://127.0.0.1:1")));
    }

    void oneTimeCodeFieldAppearsWhenAsked()
    {
        const QString token = m_http->createStaff(m_admin, QStringLiteral("otp@bank.test"), QStringLiteral("supervisor"));
        const HttpResult setup = m_http->post(QStringLiteral("/api/v1/auth/2fa/setup"), {}, token);
        const QByteArray secret = Totp::fromBase32(setup.json().value(QStringLiteral("secret")).toString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/2fa/enable"), {{QStringLiteral("otp"), Totp::code(secret, now)}}, token).status, 200);

        ApiClient api;
        CredentialStore store;
        LoginDialog d(api, store);
        d.show();
        auto *otp = d.findChild<QLineEdit *>(QStringLiteral("otpEdit"));
        QVERIFY(!otp->isVisible());
        type(d, "serverEdit", m_server->baseUrl());
        type(d, "emailEdit", QStringLiteral("otp@bank.test"));
        type(d, "passwordEdit", QLatin1String(HttpClient::kStaffPassword));
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return otp->isVisible(); }, 10000));
        QCOMPARE(error(d), QStringLiteral("Enter the six-digit code from your authenticator app."));
        QVERIFY(otp->hasFocus() || QApplication::focusWidget() == otp);

        QTest::keyClicks(otp, QStringLiteral("000000") == Totp::code(secret, now.addSecs(30)) ? QStringLiteral("111111") : QStringLiteral("000000"));
        QTest::keyClick(otp, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return error(d) == QStringLiteral("The one-time code is wrong or has expired."); }, 10000));

        otp->clear();
        QTest::keyClicks(otp, Totp::code(secret, now.addSecs(30)));
        QTest::keyClick(otp, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return d.result() == QDialog::Accepted; }, 10000));
        QVERIFY(api.user().twoFactorEnabled);
    }

    void rememberMeWithoutKeychainSaysSo()
    {
        ApiClient api;
        CredentialStore store;
        store.setTimeout(3000);
        LoginDialog d(api, store);
        d.show();
        type(d, "serverEdit", m_server->baseUrl());
        type(d, "emailEdit", QStringLiteral("agent@bank.test"));
        type(d, "passwordEdit", QLatin1String(HttpClient::kStaffPassword));
        QTest::mouseClick(d.findChild<QCheckBox *>(QStringLiteral("rememberCheck")), Qt::LeftButton);
        QVERIFY(d.remember());
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return d.result() == QDialog::Accepted; }, 10000));
        QVERIFY2(d.keychainNote().startsWith(QStringLiteral("No system keychain is available")), qPrintable(d.keychainNote()));
        QVERIFY(api.hasSession()); // signed in all the same, in memory only
    }

    void forcedPasswordChangeLeadsToTheMainWindow()
    {
        const HttpResult made = m_http->post(QStringLiteral("/api/v1/users"),
                                             {{QStringLiteral("email"), QStringLiteral("fresh@bank.test")},
                                              {QStringLiteral("full_name"), QStringLiteral("Fresh Agent")},
                                              {QStringLiteral("role"), QStringLiteral("agent")}}, m_admin);
        QCOMPARE(made.status, 201);
        const QString temporary = made.json().value(QStringLiteral("temporary_password")).toString();

        QSettings settings;
        settings.clear();
        ApiClient api;
        CredentialStore store;
        LiveEvents live(api);
        ConsoleSession session(api, live, store, settings);
        QSignalSpy shown(&session, &ConsoleSession::mainWindowShown);
        session.start({QUrl(m_server->baseUrl()), false, QString(), QString()});
        auto *login = waitWindow<LoginDialog>(QStringLiteral("loginDialog"));
        QVERIFY(login);
        type(*login, "emailEdit", QStringLiteral("fresh@bank.test"));
        type(*login, "passwordEdit", temporary);
        QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);

        auto *change = waitWindow<ChangePasswordDialog>(QStringLiteral("changePasswordDialog"));
        QVERIFY(change);
        QCOMPARE(shown.count(), 0);
        auto *current = change->findChild<QLineEdit *>(QStringLiteral("currentPasswordEdit"));
        QCOMPARE(current->text(), temporary); // the password just typed
        auto *fresh = change->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"));
        auto *repeat = change->findChild<QLineEdit *>(QStringLiteral("repeatPasswordEdit"));
        QTest::keyClicks(fresh, QStringLiteral("My-own-pass-2026"));
        QTest::keyClicks(repeat, QStringLiteral("My-own-pass-2027"));
        QTest::mouseClick(change->findChild<QPushButton *>(QStringLiteral("changeButton")), Qt::LeftButton);
        QCOMPARE(error(*change), QStringLiteral("The two new passwords are not the same."));
        repeat->clear();
        QTest::keyClicks(repeat, QStringLiteral("My-own-pass-2026"));
        QTest::mouseClick(change->findChild<QPushButton *>(QStringLiteral("changeButton")), Qt::LeftButton);

        QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 10000));
        MainWindow *main = session.mainWindow();
        QVERIFY(main);
        QVERIFY(!api.user().mustChangePassword);
        QCOMPARE(m_http->login(QStringLiteral("fresh@bank.test"), QStringLiteral("My-own-pass-2026")).isEmpty(), false);
        QCOMPARE(settings.value(QStringLiteral("console/email")).toString(), QStringLiteral("fresh@bank.test"));
        QVERIFY(!settings.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("token")));
        QVERIFY(QTest::qWaitFor([&] { return main->connectionText().contains(QStringLiteral("Connected")); }, 10000));

        // Signing out closes the window and brings the sign-in dialog back.
        Q_EMIT main->logoutRequested();
        auto *again = waitWindow<LoginDialog>(QStringLiteral("loginDialog"));
        QVERIFY(again);
        QVERIFY(again->findChild<QLabel *>(QStringLiteral("noticeLabel"))->text().contains(QStringLiteral("signed out")));
        QVERIFY(!api.hasSession());
        QCOMPARE(live.state(), LiveEvents::State::Offline);
    }

    void revokedSessionReturnsToSignIn()
    {
        QSettings settings;
        ApiClient api;
        CredentialStore store;
        LiveEvents live(api);
        ConsoleSession session(api, live, store, settings);
        QSignalSpy shown(&session, &ConsoleSession::mainWindowShown);
        session.start({QUrl(m_server->baseUrl()), false, QString(), QString()});
        auto *login = waitWindow<LoginDialog>(QStringLiteral("loginDialog"));
        QVERIFY(login);
        type(*login, "emailEdit", QStringLiteral("agent@bank.test"));
        type(*login, "passwordEdit", QLatin1String(HttpClient::kStaffPassword));
        QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return live.state() == LiveEvents::State::Connected; }, 10000));
        // Signed out everywhere from elsewhere: the next call answers 401 and the console asks again.
        const QString other = m_http->login(QStringLiteral("agent@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/auth/logout"), {}, other).status, 200);
        session.mainWindow()->currentPage()->refresh();
        auto *again = waitWindow<LoginDialog>(QStringLiteral("loginDialog"));
        QVERIFY(again);
        QVERIFY(again->findChild<QLabel *>(QStringLiteral("noticeLabel"))->text().contains(QStringLiteral("session has ended")));
        QVERIFY(QTest::qWaitFor([&] { return session.mainWindow() == nullptr; }, 5000));
    }
};

QTEST_MAIN(TestUiLogin)
#include "tst_ui_login.moc"
