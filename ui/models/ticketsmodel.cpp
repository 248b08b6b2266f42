#include "ui/models/ticketsmodel.h"

#include "ui/models/conversationlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace joxai::ui {

TicketsModel::TicketsModel(ApiClient &api, qint64 myUserId, QObject *parent)
    : PagedTableModel(api, QStringLiteral("/api/v1/tickets/"), parent), m_me(myUserId)
{
    setObjectName(QStringLiteral("ticketsModel"));
    setPageSize(100);
    presetFilter(query());
}

QUrlQuery TicketsModel::query() const
{
    QUrlQuery q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(QLatin1String(key), value.trimmed());
    };
    add("status", m_filters.status);
    add("priority", m_filters.priority);
    add("assigned_to", m_filters.assigned);
    add("q", m_filters.search);
    if (m_filters.overdueOnly)
        q.addQueryItem(QStringLiteral("overdue"), QStringLiteral("true"));
    add("sort", m_sort);
    return q;
}

void TicketsModel::setFilters(const Filters &filters, bool load)
{
    m_filters = filters;
    if (load)
        setFilter(query());
    else
        presetFilter(query());
}

void TicketsModel::sort(int column, Qt::SortOrder order)
{
    static const char *keys[ColumnCount] = {"id", "subject", "status", "priority", nullptr, "due_at", "updated_at"};
    if (column < 0 || column >= ColumnCount || !keys[column])
        return;
    const QString key = (order == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + QLatin1String(keys[column]);
    if (key == m_sort)
        return;
    m_sort = key;
    setFilter(query());
}

int TicketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("#");
    case Subject: return tr("Subject");
    case Status: return tr("Status");
    case Priority: return tr("Priority");
    case Assignee: return tr("Assigned to");
    case Due: return tr("Due");
    case Updated: return tr("Updated");
    default: return {};
    }
}

QStringList TicketsModel::statuses()
{
    return {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved"), QStringLiteral("closed")};
}

QString TicketsModel::statusName(const QString &status)
{
    if (status == QLatin1String("open"))
        return tr("Open");
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("resolved"))
        return tr("Resolved");
    if (status == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

QVariant TicketsModel::cell(const QJsonObject &row, int column, int role) const
{
    const bool overdue = row.value(QStringLiteral("overdue")).toBool();
    if (role == Qt::BackgroundRole && overdue)
        return QBrush(QColor(0xfc, 0xe8, 0xe6));
    if (role == Qt::ForegroundRole && overdue && column == Due)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::FontRole && overdue && column == Due) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && overdue)
        return tr("Overdue: the answer was due %1.").arg(formatTimestamp(row.value(QStringLiteral("due_at"))));
    if (role == Qt::ToolTipRole && column == Subject)
        return row.value(QStringLiteral("description")).toString().left(500);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Id: return row.value(QStringLiteral("id")).toInteger();
    case Subject: return row.value(QStringLiteral("subject")).toString();
    case Status: return statusName(row.value(QStringLiteral("status")).toString());
    case Priority: return ConversationListModel::priorityName(row.value(QStringLiteral("priority")).toString());
    case Assignee: {
        const qint64 who = row.value(QStringLiteral("assigned_to")).toInteger();
        return who == 0 ? tr("Nobody") : who == m_me ? tr("Me") : tr("Agent #%1").arg(who);
    }
    case Due: {
        const QString due = formatTimestamp(row.value(QStringLiteral("due_at")));
        return overdue ? tr("%1 (overdue)").arg(due) : due;
    }
    case Updated: return formatTimestamp(row.value(QStringLiteral("updated_at")));
    default: return {};
    }
}

} // namespace joxai::ui
