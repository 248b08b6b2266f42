#include "ui/pages/conversationspage.h"

#include "ui/client/apiclient.h"
#include "ui/client/liveevents.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/pages/conversationpanel.h"
#include "ui/widgets/composer.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {
const QKeySequence kNextWaiting(Qt::CTRL | Qt::Key_N);
const QKeySequence kTakeOver(Qt::CTRL | Qt::Key_T);
const QKeySequence kSend(Qt::CTRL | Qt::Key_Return);
const QKeySequence kClose(Qt::CTRL | Qt::SHIFT | Qt::Key_W);
} // namespace

QList<QPair<QKeySequence, QString>> ConversationsPage::shortcuts()
{
    return {{kNextWaiting, tr("Conversations: open the customer waiting longest")},
            {kTakeOver, tr("Conversations: take over the open conversation")},
            {kSend, tr("Conversations: send the message or note")},
            {kClose, tr("Conversations: close the open conversation")},
            {QKeySequence(Qt::CTRL | Qt::Key_K), tr("Conversations: insert a canned response (or type / and its shortcut, then Tab)")}};
}

ConversationsPage::ConversationsPage(ApiClient &api, LiveEvents &live, QWidget *parent)
    : Page(parent), m_api(api), m_tabs(new QTabWidget(this)), m_search(new QLineEdit(this)),
      m_panel(new ConversationPanel(api, this))
{
    setObjectName(QStringLiteral("conversationsPage"));
    m_tabs->setObjectName(QStringLiteral("conversationTabs"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Customer name, e-mail or conversation id (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    const QList<QPair<ConversationListModel::Kind, QString>> kinds{
        {ConversationListModel::Kind::Waiting, QStringLiteral("waitingView")},
        {ConversationListModel::Kind::Mine, QStringLiteral("mineView")},
        {ConversationListModel::Kind::Assistant, QStringLiteral("assistantView")},
        {ConversationListModel::Kind::Closed, QStringLiteral("closedView")}};
    for (const auto &[kind, name] : kinds) {
        auto *model = new ConversationListModel(api, kind, api.user().id, this);
        auto *view = new QTableView(this);
        view->setObjectName(name);
        view->setModel(model);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setAlternatingRowColors(true);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->setColumnWidth(ConversationListModel::Customer, 170);
        view->setColumnWidth(ConversationListModel::Since, 90);
        view->setColumnWidth(ConversationListModel::Priority, 70);
        view->setColumnWidth(ConversationListModel::Assignee, 80);
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, model](const QModelIndex &current) {
            if (current.isValid() && model->conversationId(current.row()) != m_panel->conversationId())
                m_panel->open(model->conversationId(current.row()));
        });
        connect(model, &PagedTableModel::loaded, this, &ConversationsPage::updateTabTitles);
        // After a reload the open conversation stays selected in its list.
        connect(model, &PagedTableModel::loaded, view, [this, model, view] {
            const int row = model->rowOfConversation(m_panel->conversationId());
            if (row >= 0 && view->selectionModel()->currentIndex().row() != row)
                view->selectionModel()->setCurrentIndex(model->index(row, 0),
                                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        });
        connect(model, &PagedTableModel::loadFailed, this, &Page::statusMessage);
        m_models << model;
        m_views << view;
        m_tabs->addTab(view, QString());
    }
    updateTabTitles();

    auto *left = new QWidget(this);
    left->setMinimumWidth(400);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<h2>Conversations</h2>"), left));
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tabs, 1);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("conversationSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 620});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    addShortcut(kNextWaiting, &ConversationsPage::nextWaiting);
    addShortcut(kTakeOver, &ConversationsPage::takeOver);
    addShortcut(kSend, &ConversationsPage::send);
    addShortcut(kClose, &ConversationsPage::closeConversation);

    m_reload.setSingleShot(true);
    m_reload.setInterval(250);
    connect(&m_reload, &QTimer::timeout, this, &ConversationsPage::refresh);
    m_tick.setInterval(15000);
    connect(&m_tick, &QTimer::timeout, this, [this] { m_models.at(WaitingTab)->tick(); });
    m_tick.start();
    auto *searchDebounce = new QTimer(this);
    searchDebounce->setSingleShot(true);
    searchDebounce->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, searchDebounce, qOverload<>(&QTimer::start));
    connect(searchDebounce, &QTimer::timeout, this, [this] {
        for (ConversationListModel *m : std::as_const(m_models))
            m->setSearch(m_search->text());
    });
    connect(&live, &LiveEvents::eventReceived, this, &ConversationsPage::onEvent);
    connect(m_panel, &ConversationPanel::conversationChanged, this, &ConversationsPage::scheduleReload);
    connect(m_panel, &ConversationPanel::statusMessage, this, &Page::statusMessage);
    connect(m_models.at(WaitingTab), &PagedTableModel::loaded, this, [this] {
        if (!m_pendingOpen.isEmpty()) {
            m_pendingOpen.clear();
            openNextWaiting();
        }
    });
}

ConversationsPage::~ConversationsPage() = default;

void ConversationsPage::addShortcut(const QKeySequence &keys, void (ConversationsPage::*slot)())
{
    auto *action = new QAction(this);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WindowShortcut); // only while the page is shown
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
}

void ConversationsPage::refresh()
{
    for (ConversationListModel *m : std::as_const(m_models))
        m->reload();
    m_panel->reload();
}

void ConversationsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ConversationsPage::scheduleReload()
{
    m_reload.start();
}

void ConversationsPage::updateTabTitles()
{
    const QStringList titles{tr("Waiting"), tr("Mine"), tr("Assistant"), tr("Closed")};
    for (int i = 0; i < TabCount; ++i) {
        const qint64 total = m_models.at(i)->total();
        m_tabs->setTabText(i, total < 0 || i == ClosedTab ? titles.at(i) : tr("%1 (%2)").arg(titles.at(i)).arg(total));
    }
}

void ConversationsPage::onEvent(const LiveEvent &event)
{
    m_panel->handleEvent(event);
    if (event.type.startsWith(QLatin1String("conversation.")))
        scheduleReload(); // status or owner changed: every list may change
    else if (event.type == QLatin1String("message.created"))
        m_models.at(m_tabs->currentIndex())->reload(); // only the order of the list in view changes
}

bool ConversationsPage::openNextWaiting()
{
    ConversationListModel *waiting = m_models.at(WaitingTab);
    const int row = waiting->longestWaitingRow();
    m_tabs->setCurrentIndex(WaitingTab);
    if (row < 0) {
        Q_EMIT statusMessage(tr("Nobody is waiting."));
        return false;
    }
    QTableView *view = m_views.at(WaitingTab);
    view->selectionModel()->setCurrentIndex(waiting->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_panel->open(waiting->conversationId(row));
    return true;
}

void ConversationsPage::openConversation(const QString &conversationId)
{
    m_panel->open(conversationId);
}

void ConversationsPage::nextWaiting()
{
    if (m_models.at(WaitingTab)->isLoading()) {
        m_pendingOpen = QStringLiteral("next");
        return;
    }
    if (openNextWaiting())
        m_panel->composer()->focusText();
}

void ConversationsPage::takeOver()
{
    m_panel->takeOver();
}

void ConversationsPage::send()
{
    m_panel->composer()->submit();
}

void ConversationsPage::closeConversation()
{
    m_panel->close();
}

} // namespace joxai::ui
