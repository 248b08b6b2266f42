#include "ui/pages/auditpage.h"

#include "ui/client/apiclient.h"
#include "ui/models/auditmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace joxai::ui {

AuditPage::AuditPage(ApiClient &api, QWidget *parent)
    : Page(parent), m_api(api), m_model(new AuditModel(api, this)), m_table(new QTableView(this)),
      m_actor(new QComboBox(this)), m_action(new QComboBox(this)), m_target(new QComboBox(this)),
      m_useFrom(new QCheckBox(tr("&From:"), this)), m_from(new QDateEdit(this)), m_useTo(new QCheckBox(tr("&To:"), this)),
      m_to(new QDateEdit(this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_actor->setObjectName(QStringLiteral("actorCombo"));
    m_action->setObjectName(QStringLiteral("actionCombo"));
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_useFrom->setObjectName(QStringLiteral("fromCheck"));
    m_useTo->setObjectName(QStringLiteral("toCheck"));
    m_table->setObjectName(QStringLiteral("auditTable"));

    m_actor->addItem(tr("Anyone"), QString());
    m_action->setEditable(true);
    m_action->addItem(tr("Any action"), QString());
    for (const QString &a : {QStringLiteral("auth.login"), QStringLiteral("auth.login_failed"), QStringLiteral("auth.logout"),
                             QStringLiteral("auth.password_changed"), QStringLiteral("user.create"),
                             QStringLiteral("user.update"), QStringLiteral("user.reset_password"),
                             QStringLiteral("settings.system"), QStringLiteral("settings.user")})
        m_action->addItem(AuditModel::actionName(a), a);
    m_action->lineEdit()->setPlaceholderText(tr("Any action"));
    m_target->addItem(tr("Any target"), QString());
    m_target->addItem(tr("Users"), QStringLiteral("user"));
    m_target->addItem(tr("Settings"), QStringLiteral("settings"));
    m_target->addItem(tr("Tickets"), QStringLiteral("ticket"));
    m_target->addItem(tr("Customers"), QStringLiteral("customer"));
    m_target->addItem(tr("Knowledge"), QStringLiteral("article"));
    const QDate today = QDate::currentDate();
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setEnabled(false);
    }
    m_from->setDate(today.addDays(-7));
    m_to->setDate(today);
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditModel::Time, 140);
    m_table->setColumnWidth(AuditModel::Actor, 200);
    m_table->setColumnWidth(AuditModel::Action, 200);
    m_table->setColumnWidth(AuditModel::Target, 110);
    m_table->setColumnWidth(AuditModel::Address, 110);

    auto *apply = new QPushButton(tr("&Apply"), this);
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setDefault(true);
    auto *clear = new QPushButton(tr("C&lear"), this);
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    connect(apply, &QPushButton::clicked, this, &AuditPage::applyFilter);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_actor->setCurrentIndex(0);
        m_action->setCurrentIndex(0);
        m_target->setCurrentIndex(0);
        m_useFrom->setChecked(false);
        m_useTo->setChecked(false);
        applyFilter();
    });
    connect(exportButton, &QPushButton::clicked, this, &AuditPage::exportCsv);

    auto *filters = new QGridLayout;
    filters->addWidget(new QLabel(tr("Who:"), this), 0, 0);
    filters->addWidget(m_actor, 0, 1);
    filters->addWidget(new QLabel(tr("Action:"), this), 0, 2);
    filters->addWidget(m_action, 0, 3);
    filters->addWidget(new QLabel(tr("Target:"), this), 0, 4);
    filters->addWidget(m_target, 0, 5);
    filters->addWidget(m_useFrom, 1, 0);
    filters->addWidget(m_from, 1, 1);
    filters->addWidget(m_useTo, 1, 2);
    filters->addWidget(m_to, 1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(apply);
    buttons->addWidget(clear);
    buttons->addStretch();
    buttons->addWidget(exportButton);
    filters->addLayout(buttons, 1, 4, 1, 2);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);
    filters->setColumnStretch(5, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Audit log</h2>"), this));
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_model, &PagedTableModel::loaded, this, [this] {
        m_count->setText(tr("%n entry(ies)", nullptr, int(m_model->total())));
    });
    connect(m_model, &PagedTableModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(message);
        Q_EMIT statusMessage(message);
    });
}

AuditPage::~AuditPage() = default;

void AuditPage::refresh()
{
    loadActors();
    applyFilter();
}

void AuditPage::focusSearch()
{
    m_action->setFocus();
    m_action->lineEdit()->selectAll();
}

void AuditPage::loadActors()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    m_api.get(QStringLiteral("/api/v1/users"), q, this, [this](const ApiReply &r) {
        if (!r.ok())
            return;
        const QString current = m_actor->currentData().toString();
        while (m_actor->count() > 1)
            m_actor->removeItem(1);
        for (const QJsonValue &v : r.items()) {
            const QJsonObject u = v.toObject();
            m_actor->addItem(u.value(QStringLiteral("email")).toString(),
                             QString::number(u.value(QStringLiteral("id")).toInteger()));
        }
        m_actor->setCurrentIndex(qMax(0, m_actor->findData(current)));
    });
}

QUrlQuery AuditPage::filterQuery() const
{
    QUrlQuery q;
    if (!m_actor->currentData().toString().isEmpty())
        q.addQueryItem(QStringLiteral("actor"), m_actor->currentData().toString());
    // A known action from the list, or a code typed by hand ("ticket.update").
    const QString typed = m_action->currentText().trimmed();
    const int known = m_action->findText(typed);
    const QString action = known >= 0 ? m_action->itemData(known).toString() : typed;
    if (!action.isEmpty())
        q.addQueryItem(QStringLiteral("action"), action);
    if (!m_target->currentData().toString().isEmpty())
        q.addQueryItem(QStringLiteral("target_type"), m_target->currentData().toString());
    // Whole local days, sent as UTC instants.
    if (m_useFrom->isChecked())
        q.addQueryItem(QStringLiteral("from"), QDateTime(m_from->date(), QTime(0, 0)).toUTC().toString(Qt::ISODate));
    if (m_useTo->isChecked())
        q.addQueryItem(QStringLiteral("to"),
                       QDateTime(m_to->date(), QTime(23, 59, 59)).toUTC().toString(Qt::ISODate));
    return q;
}

void AuditPage::applyFilter()
{
    m_model->setFilter(filterQuery());
}

void AuditPage::exportCsv()
{
    const QString suggested = QDir::home().filePath(
        QStringLiteral("joxai-audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit log"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    exportTo(path, [this, path](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export audit log"), error);
        else
            Q_EMIT statusMessage(tr("Audit log saved to %1.").arg(QDir::toNativeSeparators(path)));
    });
}

void AuditPage::exportTo(const QString &path, const std::function<void(const QString &)> &done)
{
    m_api.get(QStringLiteral("/api/v1/audit/export"), filterQuery(), this, [path, done](const ApiReply &r) {
        if (!r.ok())
            return done(r.error->message());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(r.body) != r.body.size() || !file.commit())
            return done(tr("The file %1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        done(QString());
    });
}

} // namespace joxai::ui
