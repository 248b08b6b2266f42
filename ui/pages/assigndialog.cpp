#include "ui/pages/assigndialog.h"

#include "ui/client/apiclient.h"
#include "ui/models/usersmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

AssignDialog::AssignDialog(ApiClient &api, bool allowNobody, QWidget *parent)
    : QDialog(parent), m_api(api), m_allowNobody(allowNobody), m_users(new QComboBox(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("assignDialog"));
    setWindowTitle(tr("Assign"));
    m_users->setObjectName(QStringLiteral("assigneeCombo"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Staff member:"), m_users);
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
    loadUsers();
}

AssignDialog::~AssignDialog() = default;

qint64 AssignDialog::userId() const
{
    return m_users->currentData().toLongLong();
}

void AssignDialog::loadUsers()
{
    if (m_allowNobody)
        m_users->addItem(tr("Nobody"), qint64(0));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    m_api.get(QStringLiteral("/api/v1/staff"), q, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            m_note->setText(r.error->message());
            return;
        }
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            const QJsonObject u = v.toObject();
            const QString name = u.value(QStringLiteral("full_name")).toString();
            const QString email = u.value(QStringLiteral("email")).toString();
            m_users->addItem(tr("%1 (%2, %3)").arg(name.isEmpty() ? email : name, email,
                                                   UsersModel::roleName(u.value(QStringLiteral("role")).toString())),
                             u.value(QStringLiteral("id")).toInteger());
        }
    });
}

} // namespace joxai::ui
