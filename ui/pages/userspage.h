#pragma once
// Users (admins): every staff account; create one (temporary password shown once), change name,
// role and active state, reset a password.

#include "ui/pages/page.h"

class QLineEdit;
class QPushButton;
class QTableView;
class QLabel;

namespace joxai::ui {

class ApiClient;
class UsersModel;

class UsersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(ApiClient &api, QWidget *parent = nullptr);
    ~UsersPage() override;

    void refresh() override;
    void focusSearch() override;
    UsersModel *model() const { return m_model; }

    void newUser();
    void editSelected();
    void resetSelectedPassword();

private:
    QJsonObject selectedUser() const;
    void updateButtons();

    ApiClient &m_api;
    UsersModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QLabel *m_count;
    QPushButton *m_edit;
    QPushButton *m_reset;
};

} // namespace joxai::ui
