#pragma once
// One ticket beside the Tickets list: subject, description, status, priority and assignee (saved
// with PATCH, only what changed), comments (with internal ones) and the change history.

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace joxai::ui {

class ApiClient;

class TicketDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TicketDetail)

public:
    explicit TicketDetail(ApiClient &api, QWidget *parent = nullptr);
    ~TicketDetail() override;

    void open(qint64 ticketId);
    void reload();
    qint64 ticketId() const { return m_id; }
    QJsonObject ticket() const { return m_ticket; }

    // Saves status, priority, subject and assignee as they are in the form.
    void save();
    void addComment();
    int commentCount() const;
    int historyCount() const;

Q_SIGNALS:
    void ticketChanged(const QJsonObject &ticket);
    void statusMessage(const QString &text);

private:
    void show(const QJsonObject &ticket);
    void loadComments();
    void loadHistory();
    void chooseAssignee();
    void showError(const QString &text);
    QString path(const QString &sub = {}) const;

    ApiClient &m_api;
    qint64 m_id = 0;
    QJsonObject m_ticket;
    qint64 m_assignee = 0;
    int m_generation = 0;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_error;
    QLineEdit *m_subject;
    QComboBox *m_status;
    QComboBox *m_priority;
    QLabel *m_assigneeLabel;
    QPushButton *m_assign;
    QPushButton *m_save;
    QTextBrowser *m_description;
    QListWidget *m_comments;
    QListWidget *m_history;
    QPlainTextEdit *m_comment;
    QCheckBox *m_internal;
    QPushButton *m_addComment;
};

} // namespace joxai::ui
