#pragma once
// A table over one list endpoint of the API ({"items","total","limit","offset"}), fetched lazily a
// page at a time (canFetchMore/fetchMore) as the view scrolls. Subclasses name the columns and
// say how a row's JSON is shown.

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace joxai::ui {

class ApiClient;

class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModel)

public:
    // The whole JSON object of a row, for pages that need more than the shown columns.
    static constexpr int ObjectRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    PagedTableModel(ApiClient &api, QString path, QObject *parent = nullptr);
    ~PagedTableModel() override;

    // Filters (query parameters); the model starts over with them.
    void setFilter(const QUrlQuery &filter);
    QUrlQuery filter() const { return m_filter; }
    // Forgets every row and loads the first page again.
    void reload();
    void setPageSize(int rows) { m_pageSize = rows; }

    QJsonObject rowObject(int row) const;
    int rowOfId(qint64 id) const;
    // Puts a fresher copy of a row (after an edit) in place.
    void updateRow(const QJsonObject &object);
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

protected:
    // What a cell shows for `role` (Qt::DisplayRole, Qt::ToolTipRole, ...).
    virtual QVariant cell(const QJsonObject &row, int column, int role) const = 0;
    ApiClient &api() { return m_api; }
    // Sets the filters without loading (before the first fetch).
    void presetFilter(const QUrlQuery &filter) { m_filter = filter; }

private:
    ApiClient &m_api;
    QString m_path;
    QUrlQuery m_filter;
    QList<QJsonObject> m_rows;
    qint64 m_total = -1; // unknown until the first answer
    int m_pageSize = 50;
    int m_generation = 0;
    bool m_loading = false;
};

// "2026-11-25 17:40" in local time from an API timestamp; empty for null.
QString formatTimestamp(const QJsonValue &value);

} // namespace joxai::ui
