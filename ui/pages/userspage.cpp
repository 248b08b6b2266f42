#include "ui/pages/userspage.h"

#include "ui/client/apiclient.h"
#include "ui/models/usersmodel.h"
#include "ui/pages/userdialogs.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace joxai::ui {

UsersPage::UsersPage(ApiClient &api, QWidget *parent)
    : Page(parent), m_api(api), m_model(new UsersModel(api, this)), m_table(new QTableView(this)),
      m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_edit(new QPushButton(tr("&Change…"), this)),
      m_reset(new QPushButton(tr("&Reset password…"), this))
{
    setObjectName(QStringLiteral("usersPage"));
    auto *title = new QLabel(tr("<h2>Users</h2>"), this);
    auto *create = new QPushButton(tr("&New user…"), this);
    create->setObjectName(QStringLiteral("newUserButton"));
    m_edit->setObjectName(QStringLiteral("editUserButton"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search by name or e-mail (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(UsersModel::Name, 180);
    m_table->setColumnWidth(UsersModel::Email, 220);
    m_table->setColumnWidth(UsersModel::Role, 120);
    m_table->setColumnWidth(UsersModel::Status, 210);
    m_table->setColumnWidth(UsersModel::TwoFactor, 90);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(create);
    bar->addWidget(m_edit);
    bar->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] {
        QUrlQuery q;
        if (!m_search->text().trimmed().isEmpty())
            q.addQueryItem(QStringLiteral("q"), m_search->text().trimmed());
        m_model->setFilter(q);
    });
    connect(create, &QPushButton::clicked, this, &UsersPage::newUser);
    connect(m_edit, &QPushButton::clicked, this, &UsersPage::editSelected);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetSelectedPassword);
    connect(m_table, &QTableView::doubleClicked, this, &UsersPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::updateButtons);
    connect(m_model, &PagedTableModel::loaded, this, [this] {
        m_count->setText(tr("%n user(s)", nullptr, int(m_model->total())));
    });
    connect(m_model, &PagedTableModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(message);
        Q_EMIT statusMessage(message);
    });
    updateButtons();
}

UsersPage::~UsersPage() = default;

void UsersPage::refresh()
{
    m_model->reload();
}

void UsersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

QJsonObject UsersPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_model->rowObject(rows.first().row());
}

void UsersPage::updateButtons()
{
    const bool any = !selectedUser().isEmpty();
    m_edit->setEnabled(any);
    m_reset->setEnabled(any);
}

void UsersPage::newUser()
{
    auto *dialog = new NewUserDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewUserDialog::submitted, this, [this, dialog] {
        const QJsonObject request = dialog->request();
        m_api.post(QStringLiteral("/api/v1/users"), request, dialog, [this, dialog](const ApiReply &r) {
            if (!r.ok()) {
                const QString field = r.error->fields.value(QStringLiteral("email")).toString();
                dialog->showError(field.isEmpty() ? r.error->message() : tr("E-mail: %1").arg(field));
                return;
            }
            const QJsonObject made = r.object();
            dialog->accept();
            m_model->reload();
            Q_EMIT statusMessage(tr("User %1 created.").arg(made.value(QStringLiteral("email")).toString()));
            const QString temporary = made.value(QStringLiteral("temporary_password")).toString();
            if (!temporary.isEmpty()) {
                auto *shown = new TemporaryPasswordDialog(made.value(QStringLiteral("email")).toString(), temporary, this);
                shown->setAttribute(Qt::WA_DeleteOnClose);
                shown->open();
            }
        });
    });
    dialog->open();
}

void UsersPage::editSelected()
{
    const QJsonObject user = selectedUser();
    if (user.isEmpty())
        return;
    auto *dialog = new EditUserDialog(user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = user.value(QStringLiteral("id")).toInteger();
    connect(dialog, &EditUserDialog::submitted, this, [this, dialog, id] {
        const QJsonObject changes = dialog->changes();
        if (changes.isEmpty()) {
            dialog->accept();
            return;
        }
        m_api.patch(QStringLiteral("/api/v1/users/%1").arg(id), changes, dialog, [this, dialog](const ApiReply &r) {
            if (!r.ok()) {
                dialog->showError(r.error->message());
                return;
            }
            m_model->updateRow(r.object());
            dialog->accept();
            Q_EMIT statusMessage(tr("User %1 changed.").arg(r.object().value(QStringLiteral("email")).toString()));
        });
    });
    dialog->open();
}

void UsersPage::resetSelectedPassword()
{
    const QJsonObject user = selectedUser();
    if (user.isEmpty())
        return;
    const QString email = user.value(QStringLiteral("email")).toString();
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Reset password"),
                                tr("Give %1 a new temporary password? Their current password stops working and "
                                   "they are signed out everywhere.").arg(email),
                                QMessageBox::NoButton, this);
    ask->setObjectName(QStringLiteral("resetConfirmation"));
    QPushButton *reset = ask->addButton(tr("&Reset password"), QMessageBox::AcceptRole);
    reset->setObjectName(QStringLiteral("confirmResetButton"));
    ask->addButton(tr("Cancel"), QMessageBox::RejectRole);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = user.value(QStringLiteral("id")).toInteger();
    connect(ask, &QMessageBox::buttonClicked, this, [this, id, email, reset](QAbstractButton *clicked) {
        if (clicked != reset)
            return;
        m_api.post(QStringLiteral("/api/v1/users/%1/reset-password").arg(id), {}, this, [this, email](const ApiReply &r) {
            if (!r.ok()) {
                QMessageBox::warning(this, tr("Reset password"), r.error->message());
                return;
            }
            m_model->reload();
            auto *shown = new TemporaryPasswordDialog(email, r.object().value(QStringLiteral("temporary_password")).toString(), this);
            shown->setAttribute(Qt::WA_DeleteOnClose);
            shown->open();
        });
    });
    ask->open();
}

} // namespace joxai::ui
