#pragma once
// A new ticket: subject, description, priority and category (POST /api/v1/tickets/).

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace joxai::ui {

class NewTicketDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewTicketDialog)

public:
    explicit NewTicketDialog(QWidget *parent = nullptr);
    ~NewTicketDialog() override;

    QJsonObject request() const;
    void showError(const QString &text);

Q_SIGNALS:
    // OK was pressed: the page sends the request and closes the dialog once the server agrees.
    void submitted();

private:
    QLineEdit *m_subject;
    QPlainTextEdit *m_description;
    QComboBox *m_priority;
    QLineEdit *m_category;
    QLabel *m_error;
};

} // namespace joxai::ui
