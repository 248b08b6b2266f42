#pragma once
// Sign-in: server address, e-mail, password; a one-time code field appears when the server asks
// for one (otp_required); "remember me" keeps the session token in the system keychain.

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace joxai::ui {

class ApiClient;
class CredentialStore;

class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(ApiClient &api, CredentialStore &store, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setServer(const QUrl &server);
    // Embedded mode: the server is this computer; its address is shown but not edited.
    void setServerEditable(bool editable);
    void setEmail(const QString &email);
    void setRemember(bool remember);
    // A line above the form (e.g. the first-run administrator account, or why a session ended).
    void setNotice(const QString &text);

    QUrl server() const;
    QString email() const;
    bool remember() const;
    // The password that signed in (for the forced password change that may follow).
    QString password() const;
    // Set when "remember me" could not be honoured (no keychain): plain words for the status bar.
    QString keychainNote() const { return m_keychainNote; }

private:
    void signIn();
    void finishSignIn();
    void showError(const QString &text);
    void setBusy(bool busy);

    ApiClient &m_api;
    CredentialStore &m_store;
    QLabel *m_notice;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_otpLabel;
    QLineEdit *m_otp;
    QCheckBox *m_remember;
    QLabel *m_error;
    QPushButton *m_signIn;
    QString m_keychainNote;
};

} // namespace joxai::ui
