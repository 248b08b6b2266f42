#pragma once
// Knowledge articles (GET /api/v1/knowledge with q, category, status and language), lazily.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class KnowledgeModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeModel)

public:
    enum Column { Id, Title, Category, Language, Status, Version, Updated, ColumnCount };

    struct Filters
    {
        QString search;
        QString category;
        QString status;   // "", "draft", "in_review", "published", "archived"
        QString language; // "", "en", "fr", ...
    };

    explicit KnowledgeModel(ApiClient &api, QObject *parent = nullptr);

    void setFilters(const Filters &filters, bool load = true);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusName(const QString &status);
    static QStringList statuses();

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;
};

} // namespace joxai::ui
