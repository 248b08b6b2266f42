#pragma once
// Picks the staff member to give a conversation or tickets to. Admins choose from the active
// users (GET /api/v1/users); a supervisor, who may not list users, types the user's number.

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace joxai::ui {

class ApiClient;

class AssignDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignDialog)

public:
    // `allowNobody`: "nobody" is a choice (unassign), answered as 0.
    AssignDialog(ApiClient &api, bool allowNobody, QWidget *parent = nullptr);
    ~AssignDialog() override;

    qint64 userId() const;

Q_SIGNALS:
    void chosen(qint64 userId);

private:
    void loadUsers();

    ApiClient &m_api;
    bool m_allowNobody;
    QComboBox *m_users;
    QSpinBox *m_number;
    QLabel *m_note;
};

} // namespace joxai::ui
