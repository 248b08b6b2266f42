#pragma once
// Beside an open conversation: who the customer is (name, e-mail, language, whether online banking
// vouched for them, their bank record when linked) and their earlier conversations, so an agent
// knows the history before answering. Double-click an earlier conversation to open it.

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QListWidget;

namespace joxai::ui {

class ApiClient;

class CustomerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerPanel)

public:
    explicit CustomerPanel(ApiClient &api, QWidget *parent = nullptr);
    ~CustomerPanel() override;

    // The staff conversation as GET /api/v1/conversations/{id} answers it (empty: nobody).
    void showConversation(const QJsonObject &conversation);
    QString nameText() const;
    QString detailsText() const;
    // Earlier conversations listed (the open one left out), and whether they are loaded.
    QStringList previousConversationIds() const;
    bool previousLoaded() const { return m_previousLoaded; }

Q_SIGNALS:
    void openConversation(const QString &conversationId);

private:
    void loadPrevious(const QJsonObject &conversation);
    void fillPrevious(const QJsonArray &items);

    ApiClient &m_api;
    QString m_key;            // whose history is shown ("id:12", "email:a@b"), to load it only once
    QString m_conversationId; // the open one, left out of the history
    int m_generation = 0;
    bool m_previousLoaded = false;
    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_record;
    QListWidget *m_previous;
};

} // namespace joxai::ui
