#pragma once
// Customers (GET /api/v1/customers?q=), newest first, fetched a page at a time as the view
// scrolls. Customers on legal hold and erased ones are marked.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class CustomersModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomersModel)

public:
    enum Column { Name, Email, Phone, Reference, Hold, Created, ColumnCount };

    explicit CustomersModel(ApiClient &api, QObject *parent = nullptr);

    // Name, e-mail, phone or external reference contains `text`; the list starts over.
    void setSearch(const QString &text, bool load = true);
    QString search() const { return m_search; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;

private:
    QString m_search;
};

} // namespace joxai::ui
