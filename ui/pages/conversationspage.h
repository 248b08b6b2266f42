#pragma once
// The agents' daily tool: live lists of conversations (waiting for a person with the time waited,
// mine, with the assistant, closed) beside the open conversation (ConversationPanel). Live events
// refresh the lists and feed the open transcript; shortcuts take the next waiting customer, take
// over, send and close.

#include "ui/pages/page.h"

#include <QKeySequence>
#include <QList>
#include <QPair>
#include <QTimer>

class QLineEdit;
class QTabWidget;
class QTableView;

namespace joxai::ui {

class ApiClient;
class ConversationListModel;
class ConversationPanel;
class LiveEvents;
struct LiveEvent;

class ConversationsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationsPage)

public:
    enum Tab { WaitingTab, MineTab, AssistantTab, ClosedTab, TabCount };

    ConversationsPage(ApiClient &api, LiveEvents &live, QWidget *parent = nullptr);
    ~ConversationsPage() override;

    void refresh() override;
    void focusSearch() override;

    ConversationListModel *model(Tab tab) const { return m_models.at(tab); }
    ConversationPanel *panel() const { return m_panel; }
    // Opens the customer who has waited longest; false when nobody waits.
    bool openNextWaiting();
    void openConversation(const QString &conversationId);

    // The page's keyboard shortcuts with what they do (for the help dialog).
    static QList<QPair<QKeySequence, QString>> shortcuts();

private:
    void onEvent(const LiveEvent &event);
    void scheduleReload();
    void updateTabTitles();
    void addShortcut(const QKeySequence &keys, void (ConversationsPage::*slot)());
    void takeOver();
    void send();
    void closeConversation();
    void nextWaiting();

    ApiClient &m_api;
    QList<ConversationListModel *> m_models;
    QList<QTableView *> m_views;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    ConversationPanel *m_panel;
    QTimer m_reload;
    QTimer m_tick;
    QString m_pendingOpen; // "next waiting" asked before the list was there
};

} // namespace joxai::ui
