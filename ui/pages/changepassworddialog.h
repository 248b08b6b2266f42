#pragma once
// Changing one's password: forced after a first sign-in with a temporary password, or chosen
// from the Account menu. On success the ApiClient holds the fresh session the server hands out.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace joxai::ui {

class ApiClient;

class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    explicit ChangePasswordDialog(ApiClient &api, bool forced, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    // The password just used to sign in, so a forced change asks only for the new one.
    void setCurrentPassword(const QString &password);

private:
    void submit();
    void showError(const QString &text);

    ApiClient &m_api;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace joxai::ui
