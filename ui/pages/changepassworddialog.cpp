#include "ui/pages/changepassworddialog.h"

#include "ui/client/apiclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace joxai::ui {

ChangePasswordDialog::ChangePasswordDialog(ApiClient &api, bool forced, QWidget *parent)
    : QDialog(parent), m_api(api), m_current(new QLineEdit(this)), m_new(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new QLabel(this)), m_ok(new QPushButton(tr("&Change password"), this))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(forced ? tr("Choose a new password") : tr("Change password"));
    m_current->setObjectName(QStringLiteral("currentPasswordEdit"));
    m_new->setObjectName(QStringLiteral("newPasswordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_ok->setObjectName(QStringLiteral("changeButton"));
    for (QLineEdit *e : {m_current, m_new, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 6px; border-radius: 4px;"));
    m_error->hide();

    auto *intro = new QLabel(forced ? tr("You signed in with a temporary password. Choose your own password "
                                         "before you continue; it replaces the temporary one everywhere.")
                                    : tr("Changing your password signs you out on every other device."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("C&urrent password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("&Repeat new password:"), m_repeat);
    auto *hint = new QLabel(tr("At least 10 characters, letters mixed with digits or symbols; not your e-mail address."), this);
    hint->setEnabled(false);
    form->addRow(QString(), hint);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(forced ? tr("Sign &out") : tr("Cancel"));
    m_ok->setDefault(true);
    connect(m_ok, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

void ChangePasswordDialog::setCurrentPassword(const QString &password)
{
    m_current->setText(password);
    m_new->setFocus();
}

void ChangePasswordDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ChangePasswordDialog::submit()
{
    if (m_current->text().isEmpty() || m_new->text().isEmpty()) {
        showError(tr("Fill in your current and your new password."));
        return;
    }
    if (m_new->text() != m_repeat->text()) {
        showError(tr("The two new passwords are not the same."));
        m_repeat->setFocus();
        m_repeat->selectAll();
        return;
    }
    showError(QString());
    m_ok->setEnabled(false);
    m_api.changePassword(m_current->text(), m_new->text(), this, [this](const ApiResult<Session> &r) {
        m_ok->setEnabled(true);
        if (!r.ok()) {
            showError(r.error.message());
            (r.error.code == QLatin1String("wrong_password") ? m_current : m_new)->setFocus();
            return;
        }
        accept();
    });
}

} // namespace joxai::ui
