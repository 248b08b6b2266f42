#include "ui/models/auditmodel.h"

#include <QJsonDocument>

namespace joxai::ui {

AuditModel::AuditModel(ApiClient &api, QObject *parent) : PagedTableModel(api, QStringLiteral("/api/v1/audit"), parent)
{
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Actor: return tr("Who");
    case Action: return tr("Action");
    case Target: return tr("Target");
    case Address: return tr("Address");
    case Details: return tr("Details");
    default: return {};
    }
}

QString AuditModel::actionName(const QString &action)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("auth.login"), QT_TR_NOOP("Signed in")},
        {QStringLiteral("auth.login_failed"), QT_TR_NOOP("Failed sign-in")},
        {QStringLiteral("auth.logout"), QT_TR_NOOP("Signed out")},
        {QStringLiteral("auth.password_changed"), QT_TR_NOOP("Changed password")},
        {QStringLiteral("settings.system"), QT_TR_NOOP("Changed system settings")},
        {QStringLiteral("settings.user"), QT_TR_NOOP("Changed personal settings")},
        {QStringLiteral("user.create"), QT_TR_NOOP("Created user")},
        {QStringLiteral("user.update"), QT_TR_NOOP("Changed user")},
        {QStringLiteral("user.reset_password"), QT_TR_NOOP("Reset password")},
        {QStringLiteral("user.seeded"), QT_TR_NOOP("First administrator created")},
        {QStringLiteral("ticket.create"), QT_TR_NOOP("Created ticket")},
        {QStringLiteral("ticket.update"), QT_TR_NOOP("Changed ticket")},
        {QStringLiteral("ticket.comment"), QT_TR_NOOP("Commented on ticket")},
    };
    const auto it = names.constFind(action);
    return it == names.constEnd() ? action : tr(it.value());
}

QVariant AuditModel::cell(const QJsonObject &row, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Action)
        return row.value(QStringLiteral("action")).toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Time: return formatTimestamp(row.value(QStringLiteral("created_at")));
    case Actor: {
        const QString email = row.value(QStringLiteral("actor_email")).toString();
        return email.isEmpty() ? tr("System") : email;
    }
    case Action: return actionName(row.value(QStringLiteral("action")).toString());
    case Target: {
        const QString type = row.value(QStringLiteral("target_type")).toString();
        const QString id = row.value(QStringLiteral("target_id")).toVariant().toString();
        return id.isEmpty() ? type : type + QLatin1Char(' ') + id;
    }
    case Address: return row.value(QStringLiteral("client_address")).toString();
    case Details: {
        const QJsonValue d = row.value(QStringLiteral("details"));
        if (d.isObject() && !d.toObject().isEmpty())
            return QString::fromUtf8(QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact));
        return d.isString() ? d.toString() : QString();
    }
    default: return {};
    }
}

} // namespace joxai::ui
