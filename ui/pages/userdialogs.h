#pragma once
// Dialogs of the Users page: a new account, changes to one, and a temporary password shown once.

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace joxai::ui {

// E-mail, name and role of a new account (the server makes a temporary password).
class NewUserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewUserDialog)

public:
    explicit NewUserDialog(QWidget *parent = nullptr);
    ~NewUserDialog() override;
    QJsonObject request() const; // {"email","full_name","role"}
    void showError(const QString &text);

Q_SIGNALS:
    // OK was pressed: the page sends the request and closes the dialog once the server agrees.
    void submitted();

private:
    QLineEdit *m_email;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLabel *m_error;
};

// Name, role and active state of an existing account; request() holds only what changed.
class EditUserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditUserDialog)

public:
    EditUserDialog(const QJsonObject &user, QWidget *parent = nullptr);
    ~EditUserDialog() override;
    QJsonObject changes() const;
    void showError(const QString &text);

Q_SIGNALS:
    void submitted();

private:
    QJsonObject m_user;
    QLineEdit *m_name;
    QComboBox *m_role;
    QCheckBox *m_active;
    QLabel *m_error;
};

// A temporary password, shown this once, with a button to copy it.
class TemporaryPasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemporaryPasswordDialog)

public:
    TemporaryPasswordDialog(const QString &email, const QString &password, QWidget *parent = nullptr);
    ~TemporaryPasswordDialog() override;
};

void fillRoleCombo(QComboBox *combo);

} // namespace joxai::ui
