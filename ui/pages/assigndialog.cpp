#include "ui/pages/assigndialog.h"

#include "ui/client/apiclient.h"
#include "ui/models/usersmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <limits>

namespace joxai::ui {

AssignDialog::AssignDialog(ApiClient &api, bool allowNobody, QWidget *parent)
    : QDialog(parent), m_api(api), m_allowNobody(allowNobody), m_users(new QComboBox(this)),
      m_number(new QSpinBox(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("assignDialog"));
    setWindowTitle(tr("Assign"));
    m_users->setObjectName(QStringLiteral("assigneeCombo"));
    m_number->setObjectName(QStringLiteral("assigneeNumber"));
    m_number->setRange(allowNobody ? 0 : 1, std::numeric_limits<int>::max());
    m_number->setSpecialValueText(tr("Nobody"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Staff member:"), m_users);
    form->addRow(tr("User &number:"), m_number);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Assign"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT chosen(userId());
        accept();
    });
    if (api.user().isAdmin()) {
        form->setRowVisible(m_number, false);
        loadUsers();
    } else {
        form->setRowVisible(m_users, false);
        m_note->setText(tr("Type the staff member's user number (shown in Users and in the conversation lists)."));
    }
}

AssignDialog::~AssignDialog() = default;

qint64 AssignDialog::userId() const
{
    if (m_users->isVisibleTo(this))
        return m_users->currentData().toLongLong();
    return m_number->value();
}

void AssignDialog::loadUsers()
{
    if (m_allowNobody)
        m_users->addItem(tr("Nobody"), qint64(0));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    m_api.get(QStringLiteral("/api/v1/users"), q, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            m_note->setText(r.error->message());
            return;
        }
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            const QJsonObject u = v.toObject();
            if (!u.value(QStringLiteral("is_active")).toBool(true))
                continue;
            const QString name = u.value(QStringLiteral("full_name")).toString();
            const QString email = u.value(QStringLiteral("email")).toString();
            m_users->addItem(tr("%1 (%2, %3)").arg(name.isEmpty() ? email : name, email,
                                                   UsersModel::roleName(u.value(QStringLiteral("role")).toString())),
                             u.value(QStringLiteral("id")).toInteger());
        }
    });
}

} // namespace joxai::ui
