#include "ui/models/knowledgemodel.h"

#include <QBrush>
#include <QColor>

namespace joxai::ui {

KnowledgeModel::KnowledgeModel(ApiClient &api, QObject *parent)
    : PagedTableModel(api, QStringLiteral("/api/v1/knowledge"), parent)
{
    setObjectName(QStringLiteral("knowledgeModel"));
    setPageSize(100);
}

void KnowledgeModel::setFilters(const Filters &f, bool load)
{
    QUrlQuery q;
    const auto add = [&q](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(QLatin1String(key), value.trimmed());
    };
    add("q", f.search);
    add("category", f.category);
    add("status", f.status);
    add("language", f.language);
    if (load)
        setFilter(q);
    else
        presetFilter(q);
}

int KnowledgeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KnowledgeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("#");
    case Title: return tr("Title");
    case Category: return tr("Category");
    case Language: return tr("Language");
    case Status: return tr("Status");
    case Version: return tr("Version");
    case Updated: return tr("Updated");
    default: return {};
    }
}

QStringList KnowledgeModel::statuses()
{
    return {QStringLiteral("draft"), QStringLiteral("in_review"), QStringLiteral("published"), QStringLiteral("archived")};
}

QString KnowledgeModel::statusName(const QString &status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("in_review"))
        return tr("In review");
    if (status == QLatin1String("published"))
        return tr("Published");
    if (status == QLatin1String("archived"))
        return tr("Archived");
    return status;
}

QVariant KnowledgeModel::cell(const QJsonObject &row, int column, int role) const
{
    const QString status = row.value(QStringLiteral("status")).toString();
    if (role == Qt::ForegroundRole && column == Status) {
        if (status == QLatin1String("in_review"))
            return QBrush(QColor(0x8a, 0x6d, 0x00));
        if (status == QLatin1String("published"))
            return QBrush(QColor(0x1e, 0x7d, 0x32));
        if (status == QLatin1String("archived"))
            return QBrush(QColor(0x80, 0x80, 0x80));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Id: return row.value(QStringLiteral("id")).toInteger();
    case Title: return row.value(QStringLiteral("title")).toString();
    case Category: return row.value(QStringLiteral("category")).toString();
    case Language: return row.value(QStringLiteral("language")).toString().toUpper();
    case Status: return statusName(status);
    case Version: return row.value(QStringLiteral("version")).toInteger();
    case Updated: return formatTimestamp(row.value(QStringLiteral("updated_at")));
    default: return {};
    }
}

} // namespace joxai::ui
