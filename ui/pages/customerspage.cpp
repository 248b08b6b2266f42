#include "ui/pages/customerspage.h"

#include "ui/client/apiclient.h"
#include "ui/models/customersmodel.h"
#include "ui/pages/customerdetail.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace joxai::ui {

CustomersPage::CustomersPage(ApiClient &api, QWidget *parent)
    : Page(parent), m_model(new CustomersModel(api, this)), m_table(new QTableView(this)),
      m_detail(new CustomerDetail(api, this)), m_search(new QLineEdit(this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("customersPage"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_table->setObjectName(QStringLiteral("customersTable"));
    m_search->setPlaceholderText(tr("Name, e-mail, phone or bank reference (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(CustomersModel::Name, 140);
    m_table->setColumnWidth(CustomersModel::Email, 190);
    m_table->setColumnWidth(CustomersModel::Phone, 125);
    m_table->setColumnWidth(CustomersModel::Reference, 95);
    m_table->setColumnWidth(CustomersModel::Hold, 70);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<h2>Customers</h2>"), left));
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_count);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 420});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const qint64 id = m_model->rowObject(current.row()).value(QStringLiteral("id")).toInteger();
        if (current.isValid() && id != m_detail->customerId())
            m_detail->open(id);
    });
    connect(m_model, &PagedTableModel::loaded, this, [this] {
        m_count->setText(tr("%n customer(s)", nullptr, int(std::max<qint64>(0, m_model->total()))));
        const int row = m_model->rowOfId(m_detail->customerId());
        if (row >= 0 && m_table->selectionModel()->currentIndex().row() != row)
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_model, &PagedTableModel::loadFailed, this, &Page::statusMessage);
    connect(m_detail, &CustomerDetail::customerChanged, m_model, &PagedTableModel::updateRow);
    connect(m_detail, &CustomerDetail::statusMessage, this, &Page::statusMessage);
    connect(m_detail, &CustomerDetail::openConversation, this, &CustomersPage::openConversation);
    m_model->setSearch(QString(), false); // loads when the page is first shown
}

CustomersPage::~CustomersPage() = default;

void CustomersPage::refresh()
{
    m_model->reload();
    m_detail->reload();
}

void CustomersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CustomersPage::search(const QString &text)
{
    m_search->blockSignals(true);
    m_search->setText(text);
    m_search->blockSignals(false);
    m_model->setSearch(text);
}

} // namespace joxai::ui
