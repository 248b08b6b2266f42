#include "ui/pages/userdialogs.h"

#include "ui/models/usersmodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {

QLabel *errorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QStringLiteral("errorLabel"));
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 6px; border-radius: 4px;"));
    l->hide();
    return l;
}

template<typename D>
QDialogButtonBox *okCancel(D *dialog, const QString &okText, const QString &cancelText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(cancelText);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &D::submitted);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace

void fillRoleCombo(QComboBox *combo)
{
    for (const QString &role : {QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin")})
        combo->addItem(UsersModel::roleName(role), role);
}

NewUserDialog::NewUserDialog(QWidget *parent)
    : QDialog(parent), m_email(new QLineEdit(this)), m_name(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_error(errorLabel(this))
{
    setObjectName(QStringLiteral("newUserDialog"));
    setWindowTitle(tr("New user"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    fillRoleCombo(m_role);
    auto *form = new QFormLayout;
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("Full &name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    auto *note = new QLabel(tr("The server creates a temporary password, shown once. The new user chooses "
                               "their own password at the first sign-in."), this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(okCancel(this, tr("&Create"), tr("Cancel")));
    setMinimumWidth(420);
}

NewUserDialog::~NewUserDialog() = default;

QJsonObject NewUserDialog::request() const
{
    return {{QStringLiteral("email"), m_email->text().trimmed()},
            {QStringLiteral("full_name"), m_name->text().trimmed()},
            {QStringLiteral("role"), m_role->currentData().toString()}};
}

void NewUserDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

EditUserDialog::EditUserDialog(const QJsonObject &user, QWidget *parent)
    : QDialog(parent), m_user(user), m_name(new QLineEdit(this)), m_role(new QComboBox(this)),
      m_active(new QCheckBox(tr("&Active: may sign in"), this)), m_error(errorLabel(this))
{
    setObjectName(QStringLiteral("editUserDialog"));
    setWindowTitle(tr("Change user %1").arg(user.value(QStringLiteral("email")).toString()));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_active->setObjectName(QStringLiteral("activeCheck"));
    fillRoleCombo(m_role);
    m_name->setText(user.value(QStringLiteral("full_name")).toString());
    m_role->setCurrentIndex(m_role->findData(user.value(QStringLiteral("role")).toString()));
    m_active->setChecked(user.value(QStringLiteral("is_active")).toBool());
    auto *form = new QFormLayout;
    form->addRow(tr("E-mail:"), new QLabel(user.value(QStringLiteral("email")).toString(), this));
    form->addRow(tr("Full &name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(QString(), m_active);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(okCancel(this, tr("&Save"), tr("Cancel")));
    setMinimumWidth(420);
}

EditUserDialog::~EditUserDialog() = default;

QJsonObject EditUserDialog::changes() const
{
    QJsonObject out;
    if (m_name->text().trimmed() != m_user.value(QStringLiteral("full_name")).toString())
        out.insert(QStringLiteral("full_name"), m_name->text().trimmed());
    if (m_role->currentData().toString() != m_user.value(QStringLiteral("role")).toString())
        out.insert(QStringLiteral("role"), m_role->currentData().toString());
    if (m_active->isChecked() != m_user.value(QStringLiteral("is_active")).toBool())
        out.insert(QStringLiteral("is_active"), m_active->isChecked());
    return out;
}

void EditUserDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

TemporaryPasswordDialog::TemporaryPasswordDialog(const QString &email, const QString &password, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("temporaryPasswordDialog"));
    setWindowTitle(tr("Temporary password"));
    auto *text = new QLabel(tr("Give this temporary password to <b>%1</b> in person or by phone. It is shown "
                               "only now; at the first sign-in they must choose their own.").arg(email.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    auto *field = new QLineEdit(password, this);
    field->setObjectName(QStringLiteral("temporaryPasswordEdit"));
    field->setReadOnly(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSize(mono.pointSize() + 2);
    field->setFont(mono);
    auto *copy = new QPushButton(tr("&Copy"), this);
    connect(copy, &QPushButton::clicked, this, [password] { QApplication::clipboard()->setText(password); });
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    row->addWidget(copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Done"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

TemporaryPasswordDialog::~TemporaryPasswordDialog() = default;

} // namespace joxai::ui
