#pragma once
// Customers: search (name, e-mail, phone, bank reference) over a lazy list, and the chosen
// customer's profile, conversations and data-protection actions beside it (CustomerDetail).

#include "ui/pages/page.h"

class QLabel;
class QLineEdit;
class QTableView;

namespace joxai::ui {

class ApiClient;
class CustomerDetail;
class CustomersModel;

class CustomersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomersPage)

public:
    explicit CustomersPage(ApiClient &api, QWidget *parent = nullptr);
    ~CustomersPage() override;

    void refresh() override;
    void focusSearch() override;

    CustomersModel *model() const { return m_model; }
    CustomerDetail *detail() const { return m_detail; }
    QTableView *table() const { return m_table; }
    void search(const QString &text);

Q_SIGNALS:
    // Double-click on one of the customer's conversations.
    void openConversation(const QString &conversationId);

private:
    CustomersModel *m_model;
    QTableView *m_table;
    CustomerDetail *m_detail;
    QLineEdit *m_search;
    QLabel *m_count;
};

} // namespace joxai::ui
