#pragma once
// Tickets (GET /api/v1/tickets/ with status, priority, assigned_to, q and sort), fetched a page at
// a time as the view scrolls, so even 100,000 tickets stay smooth. Overdue tickets (open or
// pending past due_at) are highlighted. Clicking a column header sorts on the server.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class TicketsModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketsModel)

public:
    enum Column { Id, Subject, Status, Priority, Assignee, Due, Updated, ColumnCount };

    struct Filters
    {
        QString status;   // "", "open", "pending", "resolved", "closed" or a comma list
        QString priority; // "", "low", "normal", "high", "urgent"
        QString assigned; // "", "me", "none" or a user id
        QString search;
        bool overdueOnly = false;
    };

    TicketsModel(ApiClient &api, qint64 myUserId, QObject *parent = nullptr);

    // `load` false: only remembered, the first fetch uses them.
    void setFilters(const Filters &filters, bool load = true);
    Filters filters() const { return m_filters; }
    // The API's sort key ("-created_at", "due_at", ...).
    QString sortKey() const { return m_sort; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    static QString statusName(const QString &status);
    static QStringList statuses();

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;

private:
    QUrlQuery query() const;

    qint64 m_me;
    Filters m_filters;
    QString m_sort = QStringLiteral("-id"); // newest first
};

} // namespace joxai::ui
