#include "ui/models/customersmodel.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace joxai::ui {

CustomersModel::CustomersModel(ApiClient &api, QObject *parent)
    : PagedTableModel(api, QStringLiteral("/api/v1/customers"), parent)
{
    setObjectName(QStringLiteral("customersModel"));
    setPageSize(100);
}

void CustomersModel::setSearch(const QString &text, bool load)
{
    m_search = text.trimmed();
    QUrlQuery q;
    if (!m_search.isEmpty())
        q.addQueryItem(QStringLiteral("q"), m_search);
    if (load)
        setFilter(q);
    else
        presetFilter(q);
}

int CustomersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Email: return tr("E-mail");
    case Phone: return tr("Phone");
    case Reference: return tr("Bank reference");
    case Hold: return tr("Legal hold");
    case Created: return tr("Since");
    default: return {};
    }
}

QVariant CustomersModel::cell(const QJsonObject &row, int column, int role) const
{
    const bool erased = !row.value(QStringLiteral("anonymized_at")).isNull();
    const bool hold = row.value(QStringLiteral("legal_hold")).toBool();
    if (role == Qt::ForegroundRole && erased)
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ForegroundRole && hold && column == Hold)
        return QBrush(QColor(0x8a, 0x4b, 0x00));
    if (role == Qt::ToolTipRole && hold)
        return tr("On legal hold: %1").arg(row.value(QStringLiteral("legal_hold_reason")).toString());
    if (role == Qt::ToolTipRole && erased)
        return tr("Personal data erased on %1.").arg(formatTimestamp(row.value(QStringLiteral("anonymized_at"))));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name: return row.value(QStringLiteral("name")).toString();
    case Email: return row.value(QStringLiteral("email")).toString();
    case Phone: return row.value(QStringLiteral("phone")).toString();
    case Reference: return row.value(QStringLiteral("external_ref")).toString();
    case Hold: return hold ? tr("On hold") : QString();
    case Created: return formatTimestamp(row.value(QStringLiteral("created_at")));
    default: return {};
    }
}

} // namespace joxai::ui
