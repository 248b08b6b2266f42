#pragma once
// Picks the staff member to give a conversation or tickets to, from the staff directory
// (GET /api/v1/staff: active colleagues, readable by every role).

#include <QDialog>

class QComboBox;
class QLabel;

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
    QLabel *m_note;
};

} // namespace joxai::ui
