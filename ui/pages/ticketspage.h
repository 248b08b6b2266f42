#pragma once
// Tickets: the lazy list with filters (status, priority, assignee, overdue), search and sort on
// the server, overdue rows highlighted, the open ticket's detail beside it, a new ticket, and bulk
// assignment of the selected tickets for supervisors and admins. Live ticket events refresh it.

#include "ui/pages/page.h"

#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace joxai::ui {

class ApiClient;
class LiveEvents;
class TicketDetail;
class TicketsModel;
struct LiveEvent;

class TicketsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketsPage)

public:
    TicketsPage(ApiClient &api, LiveEvents &live, QWidget *parent = nullptr);
    ~TicketsPage() override;

    void refresh() override;
    void focusSearch() override;

    TicketsModel *model() const { return m_model; }
    TicketDetail *detail() const { return m_detail; }
    QTableView *table() const { return m_table; }
    void newTicket();
    // Assigns every selected ticket (POST /api/v1/tickets/bulk-assign).
    void bulkAssign();
    void bulkAssignTo(const QList<qint64> &ids, qint64 userId);
    QList<qint64> selectedIds() const;

private:
    void applyFilters(bool load = true);
    void onEvent(const LiveEvent &event);
    void updateCount();

    ApiClient &m_api;
    TicketsModel *m_model;
    QTableView *m_table;
    TicketDetail *m_detail;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_assigned;
    QCheckBox *m_overdue;
    QPushButton *m_bulk;
    QLabel *m_count;
    QTimer m_reload;
};

} // namespace joxai::ui
