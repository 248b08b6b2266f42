#pragma once
// One customer on the Customers page: the profile, their conversations (double-click opens one in
// Conversations), and for admins the data-protection actions: export everything held about them
// (JSON), erase their personal data (after a confirmation; refused while on legal hold, said as
// the server says it) and the legal hold itself.

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace joxai::ui {

class ApiClient;

class CustomerDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerDetail)

public:
    explicit CustomerDetail(ApiClient &api, QWidget *parent = nullptr);
    ~CustomerDetail() override;

    // Loads a customer (0: shows nothing).
    void open(qint64 customerId);
    void reload();
    qint64 customerId() const { return m_id; }
    const QJsonObject &customer() const { return m_customer; }
    int conversationCount() const;
    QString errorText() const;

    // Asks where to save, then writes the export.
    void exportJson();
    // Writes GET …/{id}/export to `path`; `done` gets an empty string or the error.
    void exportTo(const QString &path, const std::function<void(const QString &error)> &done);
    // Asks for confirmation (the "eraseConfirm" message box), then erases.
    void erase();
    void eraseConfirmed();
    // Asks for a reason when placing on hold (the "legalHoldDialog"), or lifts the hold.
    void toggleLegalHold();
    void setLegalHold(bool on, const QString &reason);

Q_SIGNALS:
    void customerChanged(const QJsonObject &customer);
    void openConversation(const QString &conversationId);
    void statusMessage(const QString &text);

private:
    void showCustomer(const QJsonObject &c);
    void loadConversations();
    void showError(const QString &text);
    QString path(const QString &sub = {}) const;

    ApiClient &m_api;
    qint64 m_id = 0;
    QJsonObject m_customer;
    int m_generation = 0;
    QLabel *m_title;
    QLabel *m_profile;
    QLabel *m_hold;
    QLabel *m_error;
    QTableWidget *m_conversations;
    QPushButton *m_export;
    QPushButton *m_erase;
    QPushButton *m_holdButton;
};

} // namespace joxai::ui
