#pragma once
// The console's life cycle: a remembered session (keychain) or the sign-in dialog, the forced
// password change, the main window, and back to sign-in when the session ends or the user signs
// out. Non-secret preferences (server address, e-mail, "remember me") live in QSettings.

#include <QObject>
#include <QPointer>
#include <QUrl>

class QSettings;

namespace joxai::ui {

class ApiClient;
class CredentialStore;
class LiveEvents;
class LoginDialog;
class MainWindow;

class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    struct Options
    {
        QUrl server;              // pre-filled (remote) or fixed (embedded)
        bool serverFixed = false; // embedded mode: this computer is the server
        QString notice;           // shown on the first sign-in dialog
        QString email;            // pre-filled e-mail (e.g. the first-run admin)
    };

    ConsoleSession(ApiClient &api, LiveEvents &live, CredentialStore &store, QSettings &settings,
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    void start(const Options &options);
    void logout();

    MainWindow *mainWindow() const;
    LoginDialog *loginDialog() const;

Q_SIGNALS:
    // The user closed the sign-in dialog: the program ends.
    void quitRequested();
    void mainWindowShown(joxai::ui::MainWindow *window);
    void languageChosen(const QString &code);

private:
    void tryRemembered();
    void showLogin(const QString &notice);
    void afterSignIn(const QString &password, const QString &keychainNote);
    void forcePasswordChange(const QString &password, const QString &keychainNote);
    void openMain(const QString &keychainNote);
    void closeMain();
    void sessionEnded();
    void rememberToken();
    QString tokenKey() const;

    ApiClient &m_api;
    LiveEvents &m_live;
    CredentialStore &m_store;
    QSettings &m_settings;
    Options m_options;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
    bool m_ending = false;
};

} // namespace joxai::ui
