#include "ui/models/usersmodel.h"

#include <QBrush>
#include <QPalette>

namespace joxai::ui {

UsersModel::UsersModel(ApiClient &api, QObject *parent)
    : PagedTableModel(api, QStringLiteral("/api/v1/users"), parent)
{
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsersModel::roleName(const QString &role)
{
    if (role == QLatin1String("admin"))
        return tr("Administrator");
    if (role == QLatin1String("supervisor"))
        return tr("Supervisor");
    if (role == QLatin1String("agent"))
        return tr("Agent");
    return role;
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Email: return tr("E-mail");
    case Role: return tr("Role");
    case Status: return tr("Status");
    case TwoFactor: return tr("Two-factor");
    case LastLogin: return tr("Last sign-in");
    default: return {};
    }
}

QVariant UsersModel::cell(const QJsonObject &row, int column, int role) const
{
    const bool active = row.value(QStringLiteral("is_active")).toBool();
    if (role == Qt::ForegroundRole && !active)
        return QPalette().brush(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Name: return row.value(QStringLiteral("full_name")).toString();
    case Email: return row.value(QStringLiteral("email")).toString();
    case Role: return roleName(row.value(QStringLiteral("role")).toString());
    case Status:
        if (row.value(QStringLiteral("must_change_password")).toBool() && active)
            return tr("Active (must change password)");
        return active ? tr("Active") : tr("Deactivated");
    case TwoFactor: return row.value(QStringLiteral("two_factor_enabled")).toBool() ? tr("On") : tr("Off");
    case LastLogin: {
        const QString when = formatTimestamp(row.value(QStringLiteral("last_login_at")));
        return when.isEmpty() ? tr("Never") : when;
    }
    default: return {};
    }
}

} // namespace joxai::ui
