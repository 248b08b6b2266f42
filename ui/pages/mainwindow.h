#pragma once
// The console's main window: the sidebar of pages a role may see, the page stack, the status bar
// with the live connection's state, menus and keyboard shortcuts.

#include "ui/client/liveevents.h"
#include "ui/pages/navigation.h"

#include <QMainWindow>
#include <QMap>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace joxai::ui {

class ApiClient;
class CredentialStore;
class NotificationBell;
class NotificationCenter;
class Page;
class TrayNotifier;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(ApiClient &api, LiveEvents &live, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Titles of the sidebar entries, in order.
    QStringList sidebarTitles() const;
    QList<PageId> pageIds() const { return m_order; }
    Page *page(PageId id) const { return m_pages.value(id); }
    Page *currentPage() const;
    void showPage(PageId id);
    QString connectionText() const;
    // A lasting note in the status bar (e.g. "no keychain available").
    void setNote(const QString &text, const QString &details = {});
    void showShortcuts();
    NotificationCenter *notifications() const { return m_notifications; }
    NotificationBell *bell() const { return m_bell; }
    TrayNotifier *tray() const { return m_tray; }

Q_SIGNALS:
    void logoutRequested();
    void changePasswordRequested();
    void languageChosen(const QString &code);

private:
    Page *createPage(PageId id);
    void buildMenus();
    void showConnection(LiveEvents::State state);
    void buildNotifications();
    // Opens what a notification is about (its conversation, else its ticket).
    void openNotification(const QJsonObject &notification);

    ApiClient &m_api;
    LiveEvents &m_live;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_connection;
    QLabel *m_note;
    QList<PageId> m_order;
    QMap<PageId, Page *> m_pages;
    NotificationCenter *m_notifications = nullptr;
    NotificationBell *m_bell = nullptr;
    TrayNotifier *m_tray = nullptr;
};

} // namespace joxai::ui
