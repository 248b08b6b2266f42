#include "ui/pages/ticketspage.h"

#include "ui/client/apiclient.h"
#include "ui/client/liveevents.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/ticketsmodel.h"
#include "ui/pages/assigndialog.h"
#include "ui/pages/newticketdialog.h"
#include "ui/pages/ticketdetail.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace joxai::ui {

TicketsPage::TicketsPage(ApiClient &api, LiveEvents &live, QWidget *parent)
    : Page(parent), m_api(api), m_model(new TicketsModel(api, api.user().id, this)), m_table(new QTableView(this)),
      m_detail(new TicketDetail(api, this)), m_search(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_priority(new QComboBox(this)), m_assigned(new QComboBox(this)), m_overdue(new QCheckBox(tr("&Overdue only"), this)),
      m_bulk(new QPushButton(tr("&Assign selected…"), this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("ticketsPage"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_priority->setObjectName(QStringLiteral("priorityFilter"));
    m_assigned->setObjectName(QStringLiteral("assignedFilter"));
    m_overdue->setObjectName(QStringLiteral("overdueCheck"));
    m_bulk->setObjectName(QStringLiteral("bulkAssignButton"));
    m_table->setObjectName(QStringLiteral("ticketsTable"));
    m_search->setPlaceholderText(tr("Search subject and description (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("Open or pending"), QStringLiteral("open,pending"));
    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : TicketsModel::statuses())
        m_status->addItem(TicketsModel::statusName(s), s);
    m_priority->addItem(tr("Any priority"), QString());
    for (const char *p : {"urgent", "high", "normal", "low"})
        m_priority->addItem(ConversationListModel::priorityName(QLatin1String(p)), QLatin1String(p));
    m_assigned->addItem(tr("Anyone"), QString());
    m_assigned->addItem(tr("Me"), QStringLiteral("me"));
    m_assigned->addItem(tr("Nobody"), QStringLiteral("none"));
    m_bulk->setVisible(api.user().isSupervisorOrAdmin());

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(api.user().isSupervisorOrAdmin() ? QAbstractItemView::ExtendedSelection
                                                                : QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(TicketsModel::Id, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setColumnWidth(TicketsModel::Id, 60);
    m_table->setColumnWidth(TicketsModel::Subject, 260);
    m_table->setColumnWidth(TicketsModel::Due, 170);

    auto *create = new QPushButton(tr("&New ticket…"), this);
    create->setObjectName(QStringLiteral("newTicketButton"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_status);
    filters->addWidget(m_priority);
    filters->addWidget(m_assigned);
    filters->addWidget(m_overdue);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    actions->addWidget(m_bulk);
    actions->addWidget(create);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<h2>Tickets</h2>"), left));
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    const auto apply = [this] { applyFilters(); };
    connect(debounce, &QTimer::timeout, this, apply);
    for (QComboBox *c : {m_status, m_priority, m_assigned})
        connect(c, &QComboBox::currentIndexChanged, this, apply);
    connect(m_overdue, &QCheckBox::toggled, this, apply);
    connect(create, &QPushButton::clicked, this, &TicketsPage::newTicket);
    connect(m_bulk, &QPushButton::clicked, this, &TicketsPage::bulkAssign);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const qint64 id = m_model->rowObject(current.row()).value(QStringLiteral("id")).toInteger();
        if (current.isValid() && id != m_detail->ticketId())
            m_detail->open(id);
    });
    connect(m_model, &PagedTableModel::loaded, this, &TicketsPage::updateCount);
    // After a reload the open ticket stays selected (single selection: bulk selections start over).
    connect(m_model, &PagedTableModel::loaded, this, [this] {
        const int row = m_model->rowOfId(m_detail->ticketId());
        if (row >= 0 && m_table->selectionModel()->selectedRows().size() <= 1 && m_table->selectionModel()->currentIndex().row() != row)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_model, &PagedTableModel::loadFailed, this, &Page::statusMessage);
    connect(m_detail, &TicketDetail::ticketChanged, m_model, &PagedTableModel::updateRow);
    connect(m_detail, &TicketDetail::statusMessage, this, &Page::statusMessage);
    connect(&live, &LiveEvents::eventReceived, this, &TicketsPage::onEvent);
    m_reload.setSingleShot(true);
    m_reload.setInterval(400);
    connect(&m_reload, &QTimer::timeout, this, &TicketsPage::refresh);
    applyFilters(false); // loads when the page is first shown
}

TicketsPage::~TicketsPage() = default;

void TicketsPage::applyFilters(bool load)
{
    TicketsModel::Filters f;
    f.status = m_status->currentData().toString();
    f.priority = m_priority->currentData().toString();
    f.assigned = m_assigned->currentData().toString();
    f.search = m_search->text();
    f.overdueOnly = m_overdue->isChecked();
    m_model->setFilters(f, load);
}

void TicketsPage::refresh()
{
    m_model->reload();
    m_detail->reload();
}

void TicketsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void TicketsPage::updateCount()
{
    m_count->setText(tr("%n ticket(s)", nullptr, int(std::max<qint64>(0, m_model->total()))));
}

void TicketsPage::onEvent(const LiveEvent &event)
{
    if (event.type != QLatin1String("ticket.created") && event.type != QLatin1String("ticket.updated"))
        return;
    const qint64 id = event.data.value(QStringLiteral("id")).toInteger();
    if (event.type == QLatin1String("ticket.updated") && event.data.contains(QStringLiteral("subject")))
        m_model->updateRow(event.data); // at once; the reload then applies the filters
    m_reload.start();
    if (id == m_detail->ticketId())
        m_detail->reload();
}

void TicketsPage::newTicket()
{
    auto *dialog = new NewTicketDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewTicketDialog::submitted, this, [this, dialog] {
        m_api.post(QStringLiteral("/api/v1/tickets/"), dialog->request(), dialog, [this, dialog](const ApiReply &r) {
            if (!r.ok())
                return dialog->showError(r.error->message());
            const qint64 id = r.object().value(QStringLiteral("id")).toInteger();
            dialog->accept();
            Q_EMIT statusMessage(tr("Ticket #%1 created.").arg(id));
            m_model->reload();
            m_detail->open(id);
        });
    });
    dialog->open();
}

QList<qint64> TicketsPage::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        ids << m_model->rowObject(i.row()).value(QStringLiteral("id")).toInteger();
    return ids;
}

void TicketsPage::bulkAssign()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("Select the tickets to assign first."));
        return;
    }
    auto *dialog = new AssignDialog(m_api, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AssignDialog::chosen, this, [this, ids](qint64 userId) { bulkAssignTo(ids, userId); });
    dialog->open();
}

void TicketsPage::bulkAssignTo(const QList<qint64> &ids, qint64 userId)
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(id);
    const QJsonObject body{{QStringLiteral("ids"), list}, {QStringLiteral("user_id"), userId == 0 ? QJsonValue() : QJsonValue(userId)}};
    m_api.post(QStringLiteral("/api/v1/tickets/bulk-assign"), body, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            Q_EMIT statusMessage(r.error->message());
            return;
        }
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items)
            m_model->updateRow(v.toObject());
        m_detail->reload();
        Q_EMIT statusMessage(tr("%n ticket(s) assigned.", nullptr, int(items.size())));
    });
}

} // namespace joxai::ui
