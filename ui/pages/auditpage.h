#pragma once
// Audit (admins): the append-only log, filtered by who, action, target type and dates, loaded a
// page at a time; the filtered log can be exported as CSV.

#include "ui/pages/page.h"

#include <QUrlQuery>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace joxai::ui {

class ApiClient;
class AuditModel;

class AuditPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(ApiClient &api, QWidget *parent = nullptr);
    ~AuditPage() override;

    void refresh() override;
    void focusSearch() override;
    AuditModel *model() const { return m_model; }

    // The query the filter fields make (actor, action, target_type, from, to).
    QUrlQuery filterQuery() const;
    void applyFilter();
    // Asks where to save, then writes the CSV the server exports for the current filter.
    void exportCsv();
    // Writes the CSV for the current filter to `path`; `done` gets an empty string or the error.
    void exportTo(const QString &path, const std::function<void(const QString &error)> &done);

private:
    void loadActors();

    ApiClient &m_api;
    AuditModel *m_model;
    QTableView *m_table;
    QComboBox *m_actor;
    QComboBox *m_action;
    QComboBox *m_target;
    QCheckBox *m_useFrom;
    QDateEdit *m_from;
    QCheckBox *m_useTo;
    QDateEdit *m_to;
    QLabel *m_count;
};

} // namespace joxai::ui
