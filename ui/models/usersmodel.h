#pragma once
// Staff accounts (GET /api/v1/users), for the Users page.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class UsersModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersModel)

public:
    enum Column { Name, Email, Role, Status, TwoFactor, LastLogin, ColumnCount };

    explicit UsersModel(ApiClient &api, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString roleName(const QString &role);

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};

} // namespace joxai::ui
