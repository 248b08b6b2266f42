#include "ui/models/pagedtablemodel.h"

#include "ui/client/apiclient.h"
#include "ui/client/logging.h"

#include <QLocale>

namespace joxai::ui {

QString formatTimestamp(const QJsonValue &value)
{
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    return QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
}

PagedTableModel::PagedTableModel(ApiClient &api, QString path, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_path(std::move(path))
{
}

PagedTableModel::~PagedTableModel() = default;

void PagedTableModel::setFilter(const QUrlQuery &filter)
{
    m_filter = filter;
    reload();
}

void PagedTableModel::reload()
{
    ++m_generation; // answers still on their way belong to the old rows
    beginResetModel();
    m_rows.clear();
    m_total = -1;
    m_loading = false;
    endResetModel();
    fetchMore({});
}

QJsonObject PagedTableModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int PagedTableModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value(QStringLiteral("id")).toInteger() == id)
            return i;
    return -1;
}

void PagedTableModel::updateRow(const QJsonObject &object)
{
    const int row = rowOfId(object.value(QStringLiteral("id")).toInteger());
    if (row < 0)
        return;
    m_rows[row] = object;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    if (role == ObjectRole)
        return row;
    if (role == IdRole)
        return row.value(QStringLiteral("id")).toInteger();
    return cell(row, index.column(), role);
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && (m_total < 0 || m_rows.size() < m_total);
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    QUrlQuery q = m_filter;
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    q.addQueryItem(QStringLiteral("offset"), QString::number(m_rows.size()));
    const int generation = m_generation;
    m_api.get(m_path, q, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            m_loading = false;
            qCInfo(lcUiPages) << m_path << "could not be loaded:" << r.error->message();
            Q_EMIT loadFailed(r.error->message());
            return;
        }
        const QJsonArray items = r.items();
        m_total = r.total();
        if (items.isEmpty()) {
            m_total = m_rows.size(); // nothing more, whatever the count said
        } else {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_rows.append(v.toObject());
            endInsertRows();
        }
        // Only now: views (and QAbstractItemModelTester) ask for more from inside the insert
        // signals, and a request then would ask for the same offset again.
        m_loading = false;
        Q_EMIT loaded();
    });
}

} // namespace joxai::ui
