#pragma once
// The audit log (GET /api/v1/audit with actor/action/target_type/from/to), newest first.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class AuditModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column { Time, Actor, Action, Target, Address, Details, ColumnCount };

    explicit AuditModel(ApiClient &api, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A readable name for an action code ("auth.login_failed" → "Failed sign-in").
    static QString actionName(const QString &action);

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};

} // namespace joxai::ui
