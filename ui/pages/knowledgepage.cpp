#include "ui/pages/knowledgepage.h"

#include "ui/client/apiclient.h"
#include "ui/models/knowledgemodel.h"
#include "ui/pages/knowledgeeditor.h"
#include "ui/pages/knowledgesearchpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace joxai::ui {

KnowledgePage::KnowledgePage(ApiClient &api, QWidget *parent)
    : Page(parent), m_model(new KnowledgeModel(api, this)), m_table(new QTableView(this)),
      m_editor(new KnowledgeEditor(api, this)), m_ask(new KnowledgeSearchPanel(api, this)), m_tabs(new QTabWidget(this)),
      m_search(new QLineEdit(this)), m_status(new QComboBox(this)), m_category(new QLineEdit(this)),
      m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("knowledgePage"));
    m_table->setObjectName(QStringLiteral("knowledgeTable"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_language->setObjectName(QStringLiteral("languageFilter"));
    m_tabs->setObjectName(QStringLiteral("knowledgeTabs"));
    m_search->setPlaceholderText(tr("Search articles (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_category->setPlaceholderText(tr("Category"));
    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : KnowledgeModel::statuses())
        m_status->addItem(KnowledgeModel::statusName(s), s);
    m_language->addItem(tr("Any language"), QString());
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("French"), QStringLiteral("fr"));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(KnowledgeModel::Id, 50);
    m_table->setColumnWidth(KnowledgeModel::Title, 250);
    m_table->setColumnWidth(KnowledgeModel::Language, 60);
    m_table->setColumnWidth(KnowledgeModel::Version, 60);

    auto *create = new QPushButton(tr("&New article"), this);
    create->setObjectName(QStringLiteral("newArticleButton"));
    create->setVisible(api.user().isSupervisorOrAdmin());
    auto *queue = new QPushButton(tr("Review &queue"), this);
    queue->setObjectName(QStringLiteral("reviewQueueButton"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_language);
    auto *actions = new QHBoxLayout;
    actions->addWidget(queue);
    actions->addStretch(1);
    actions->addWidget(create);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<h2>Knowledge</h2>"), left));
    leftLayout->addWidget(m_search);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);
    m_tabs->addTab(m_editor, tr("Article"));
    m_tabs->addTab(m_ask, tr("Ask the assistant"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_category, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { applyFilters(); });
    for (QComboBox *c : {m_status, m_language})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { applyFilters(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            openArticle(m_model->rowObject(current.row()).value(QStringLiteral("id")).toInteger());
    });
    connect(create, &QPushButton::clicked, this, [this] {
        m_tabs->setCurrentWidget(m_editor);
        m_editor->startNew();
    });
    connect(queue, &QPushButton::clicked, this, &KnowledgePage::showReviewQueue);
    connect(m_editor, &KnowledgeEditor::articleChanged, this, [this](const QJsonObject &a) {
        if (m_model->rowOfId(a.value(QStringLiteral("id")).toInteger()) >= 0)
            m_model->updateRow(a);
        else
            m_model->reload();
    });
    connect(m_editor, &KnowledgeEditor::statusMessage, this, &Page::statusMessage);
    connect(m_ask, &KnowledgeSearchPanel::articleChosen, this, &KnowledgePage::openArticle);
    connect(m_model, &PagedTableModel::loadFailed, this, &Page::statusMessage);
    applyFilters(false);
}

KnowledgePage::~KnowledgePage() = default;

void KnowledgePage::applyFilters(bool load)
{
    KnowledgeModel::Filters f;
    f.search = m_search->text();
    f.status = m_status->currentData().toString();
    f.category = m_category->text();
    f.language = m_language->currentData().toString();
    m_model->setFilters(f, load);
}

void KnowledgePage::refresh()
{
    m_model->reload();
    m_editor->reload();
}

void KnowledgePage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void KnowledgePage::openArticle(qint64 id)
{
    m_tabs->setCurrentWidget(m_editor);
    m_editor->open(id);
}

void KnowledgePage::showReviewQueue()
{
    m_status->setCurrentIndex(m_status->findData(QStringLiteral("in_review")));
}

} // namespace joxai::ui
