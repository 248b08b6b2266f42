#pragma once
// Settings: personal preferences for everyone, the account's security (password, two-factor
// sign-in), and, for admins, the system settings (secrets shown only as set or not set).

#include "ui/pages/page.h"

#include <QJsonObject>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace joxai::ui {

class ApiClient;

class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(ApiClient &api, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void refresh() override;

    // What Save sends (only what differs from the server's values).
    QJsonObject personalChanges() const;
    QJsonObject systemChanges() const;
    void savePersonal();
    void saveSystem();
    // Two-factor: ask the server for a secret (shows the otpauth URI), then switch on or off.
    void setUpTwoFactor();
    void enableTwoFactor(const QString &code);
    void disableTwoFactor(const QString &code);

    QJsonObject loadedSystem() const { return m_system; }
    QJsonObject loadedPersonal() const { return m_personal; }

Q_SIGNALS:
    // The personal language was saved; the console uses it from the next start.
    void languageChosen(const QString &code);
    void changePasswordRequested();
    void loadedFromServer();
    // The personal settings were saved (the server's `user` object).
    void personalSaved(const QJsonObject &user);

private:
    QWidget *buildPersonal();
    QWidget *buildSecurity();
    QWidget *buildSystem();
    void showPersonal(const QJsonObject &user);
    void showSystem(const QJsonObject &system);
    void showTwoFactor();
    void setMessage(QLabel *label, const QString &text, bool error);

    ApiClient &m_api;
    QTabWidget *m_tabs;
    QJsonObject m_personal;
    QJsonObject m_system;

    // personal
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_desktopNotifications = nullptr;
    QCheckBox *m_sound = nullptr;
    QLabel *m_personalMessage = nullptr;
    // security
    QLabel *m_twoFactorState = nullptr;
    QPushButton *m_setUp = nullptr;
    QLabel *m_otpauth = nullptr;
    QLineEdit *m_code = nullptr;
    QPushButton *m_enable = nullptr;
    QPushButton *m_disable = nullptr;
    QLabel *m_securityMessage = nullptr;
    // system
    QWidget *m_systemTab = nullptr;
    QCheckBox *m_fourEyes = nullptr;
    QMap<QString, QCheckBox *> m_require2fa;
    QSpinBox *m_retention = nullptr;
    QMap<QString, QSpinBox *> m_sla;
    QPlainTextEdit *m_greetingEn = nullptr;
    QPlainTextEdit *m_greetingFr = nullptr;
    QLineEdit *m_businessHours = nullptr;
    QComboBox *m_provider = nullptr;
    struct SecretField
    {
        QLabel *state = nullptr;
        QLineEdit *value = nullptr;
        QCheckBox *remove = nullptr;
    };
    QMap<QString, SecretField> m_secrets;
    QLabel *m_systemMessage = nullptr;
};

} // namespace joxai::ui
