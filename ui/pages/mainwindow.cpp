#include "ui/pages/mainwindow.h"

#include "ui/client/apiclient.h"
#include "ui/client/notificationcenter.h"
#include "ui/models/usersmodel.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/conversationspage.h"
#include "ui/pages/customerspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/knowledgepage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/shortcutsdialog.h"
#include "ui/pages/ticketspage.h"
#include "ui/pages/userspage.h"
#include "ui/pages/ticketdetail.h"
#include "ui/widgets/notificationbell.h"
#include "ui/widgets/traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

namespace joxai::ui {

MainWindow::MainWindow(ApiClient &api, LiveEvents &live, QWidget *parent)
    : QMainWindow(parent), m_api(api), m_live(live), m_sidebar(new QListWidget(this)), m_stack(new QStackedWidget(this)),
      m_connection(new QLabel(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("JoxAI — %1").arg(api.user().displayName()));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_note->setObjectName(QStringLiteral("noteLabel"));
    int widest = 0;
    for (PageId id : Navigation::visibleFor(api.user().role))
        widest = std::max(widest, QFontMetrics(QFont(font().family(), 11)).horizontalAdvance(Navigation::title(id)));
    m_sidebar->setFixedWidth(std::max(190, widest + 60)); // long French titles stay whole
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget { background: palette(window); font-size: 11pt; padding-top: 8px; }"
        "QListWidget::item { padding: 8px 14px; border-radius: 4px; margin: 1px 6px; }"
        "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));

    m_order = Navigation::visibleFor(api.user().role);
    for (PageId id : std::as_const(m_order)) {
        Page *p = createPage(id);
        m_pages.insert(id, p);
        m_stack->addWidget(p);
        auto *item = new QListWidgetItem(Navigation::title(id), m_sidebar);
        const int n = int(m_sidebar->count());
        if (n <= 9)
            item->setToolTip(tr("Ctrl+%1").arg(n));
        connect(p, &Page::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_order.size())
            return;
        Page *p = m_pages.value(m_order.at(row));
        m_stack->setCurrentWidget(p);
        p->activate();
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    auto *who = new QLabel(tr("%1 · %2").arg(api.user().displayName(), UsersModel::roleName(api.user().role)), this);
    who->setObjectName(QStringLiteral("userLabel"));
    statusBar()->addPermanentWidget(m_note);
    statusBar()->addPermanentWidget(who);
    statusBar()->addPermanentWidget(m_connection);
    m_note->hide();
    connect(&live, &LiveEvents::stateChanged, this, &MainWindow::showConnection);
    showConnection(live.state());

    buildMenus();
    buildNotifications();
    resize(1200, 760);
    if (!m_order.isEmpty())
        m_sidebar->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

Page *MainWindow::createPage(PageId id)
{
    switch (id) {
    case PageId::Dashboard:
        return new DashboardPage(m_api, this);
    case PageId::Conversations:
        return new ConversationsPage(m_api, m_live, this);
    case PageId::Tickets:
        return new TicketsPage(m_api, m_live, this);
    case PageId::Knowledge:
        return new KnowledgePage(m_api, this);
    case PageId::Customers: {
        auto *p = new CustomersPage(m_api, this);
        connect(p, &CustomersPage::openConversation, this, [this](const QString &conversationId) {
            if (auto *conversations = qobject_cast<ConversationsPage *>(page(PageId::Conversations))) {
                showPage(PageId::Conversations);
                conversations->openConversation(conversationId);
            }
        });
        return p;
    }
    case PageId::Users:
        return new UsersPage(m_api, this);
    case PageId::Audit:
        return new AuditPage(m_api, this);
    case PageId::Settings: {
        auto *p = new SettingsPage(m_api, this);
        connect(p, &SettingsPage::personalSaved, this, [this](const QJsonObject &user) {
            if (m_tray && user.contains(QStringLiteral("desktop_notifications")))
                m_tray->setEnabled(user.value(QStringLiteral("desktop_notifications")).toBool());
        });
        connect(p, &SettingsPage::languageChosen, this, &MainWindow::languageChosen);
        connect(p, &SettingsPage::changePasswordRequested, this, &MainWindow::changePasswordRequested);
        return p;
    }
    default:
        // Navigation::isBuilt() keeps pages that do not exist yet out of m_order.
        Q_UNREACHABLE();
    }
    return nullptr;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_order.size(); ++i) {
        const PageId id = m_order.at(i);
        QAction *a = go->addAction(Navigation::title(id), this, [this, id] { showPage(id); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    go->addSeparator();
    QAction *refresh = go->addAction(tr("&Refresh"), this, [this] {
        if (Page *p = currentPage())
            p->refresh();
    });
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *search = go->addAction(tr("&Search or filter"), this, [this] {
        if (Page *p = currentPage())
            p->focusSearch();
    });
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->addAction(tr("&Change password…"), this, &MainWindow::changePasswordRequested);
    QAction *logout = account->addAction(tr("Sign &out"), this, &MainWindow::logoutRequested);
    logout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    help->addAction(tr("&About JoxAI"), this, [this] {
        QMessageBox::about(this, tr("About JoxAI"),
                           tr("<h3>JoxAI %1</h3><p>Support console for bank staff.</p><p>Server: %2</p>")
                               .arg(QApplication::applicationVersion(), m_api.server().toDisplayString().toHtmlEscaped()));
    });
}

QStringList MainWindow::sidebarTitles() const
{
    QStringList out;
    for (int i = 0; i < m_sidebar->count(); ++i)
        out << m_sidebar->item(i)->text();
    return out;
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

void MainWindow::showPage(PageId id)
{
    const int row = int(m_order.indexOf(id));
    if (row >= 0)
        m_sidebar->setCurrentRow(row);
}

QString MainWindow::connectionText() const
{
    return m_connection->text();
}

void MainWindow::setNote(const QString &text, const QString &details)
{
    m_note->setText(text);
    m_note->setToolTip(details.isEmpty() ? text : details);
    m_note->setVisible(!text.isEmpty());
}

void MainWindow::showConnection(LiveEvents::State state)
{
    QString text;
    QString colour;
    switch (state) {
    case LiveEvents::State::Connected:
        text = tr("● Connected");
        colour = QStringLiteral("#1e7d32");
        break;
    case LiveEvents::State::Connecting:
        text = tr("● Connecting…");
        colour = QStringLiteral("#8a6d00");
        break;
    case LiveEvents::State::Reconnecting:
        text = tr("● Reconnecting…");
        colour = QStringLiteral("#8a6d00");
        break;
    case LiveEvents::State::Offline:
        text = tr("● Offline");
        colour = QStringLiteral("#b3261e");
        break;
    }
    m_connection->setText(text);
    m_connection->setStyleSheet(QStringLiteral("color: %1; padding: 0 8px;").arg(colour));
    m_connection->setToolTip(state == LiveEvents::State::Connected
                                 ? tr("Live updates are arriving.")
                                 : tr("Live updates are paused; nothing is lost, the console catches up when "
                                      "the connection is back."));
}

void MainWindow::buildNotifications()
{
    m_notifications = new NotificationCenter(m_api, m_live, this);
    m_bell = new NotificationBell(*m_notifications, this);
    menuBar()->setCornerWidget(m_bell, Qt::TopRightCorner);
    m_tray = new TrayNotifier(*m_notifications, this, this);
    connect(m_tray, &TrayNotifier::fallbackMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_bell, &NotificationBell::activated, this, &MainWindow::openNotification);
    connect(m_notifications, &NotificationCenter::failed, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    // After every (re)connect the count is read again: the socket's resync tells what was missed,
    // the list tells what was read meanwhile on another desk.
    connect(&m_live, &LiveEvents::stateChanged, m_notifications, [this](LiveEvents::State state) {
        if (state == LiveEvents::State::Connected)
            m_notifications->reload();
    });
    m_notifications->reload();
    // The person's own choice about desktop notifications (Settings, personal).
    m_api.get(QStringLiteral("/api/v1/settings"), {}, this, [this](const ApiReply &r) {
        if (!r.ok())
            return;
        const QJsonObject user = r.object().value(QStringLiteral("user")).toObject();
        if (user.contains(QStringLiteral("desktop_notifications")))
            m_tray->setEnabled(user.value(QStringLiteral("desktop_notifications")).toBool());
    });
}

void MainWindow::openNotification(const QJsonObject &notification)
{
    const QJsonObject data = notification.value(QStringLiteral("data")).toObject();
    const QString conversation = data.value(QStringLiteral("conversation_id")).toString();
    const qint64 ticket = data.value(QStringLiteral("ticket_id")).toInteger();
    if (auto *conversations = qobject_cast<ConversationsPage *>(page(PageId::Conversations)); conversations && !conversation.isEmpty()) {
        showPage(PageId::Conversations);
        conversations->openConversation(conversation);
    } else if (auto *tickets = qobject_cast<TicketsPage *>(page(PageId::Tickets)); tickets && ticket > 0) {
        showPage(PageId::Tickets);
        tickets->detail()->open(ticket);
    }
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_order, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace joxai::ui
