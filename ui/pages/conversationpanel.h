#pragma once
// One open conversation on the Conversations page: who the customer is, its status and owner,
// the transcript as bubbles, the actions (take over, release, assign, close), the customer's
// typing indicator and the composer. Talks to the server only through ApiClient.

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace joxai::ui {

class ApiClient;
class CannedResponses;
class Composer;
class CustomerPanel;
class TranscriptModel;
class TranscriptView;
struct LiveEvent;

class ConversationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationPanel)

public:
    explicit ConversationPanel(ApiClient &api, QWidget *parent = nullptr);
    ~ConversationPanel() override;

    // Loads a conversation (GET /api/v1/conversations/{id}); an empty id shows nothing.
    void open(const QString &conversationId);
    void reload();
    QString conversationId() const { return m_id; }
    QString status() const;
    qint64 assignedTo() const;
    bool isLoaded() const { return !m_conversation.isEmpty(); }
    TranscriptModel *transcript() const { return m_transcript; }
    Composer *composer() const { return m_composer; }
    CannedResponses *cannedResponses() const { return m_canned; }
    CustomerPanel *customerPanel() const { return m_customer; }
    bool customerTyping() const;

    void takeOver();
    void release();
    void close();
    void assign();
    void send(const QString &body, bool internal);

    // A live event; those about other conversations are ignored.
    void handleEvent(const LiveEvent &event);

Q_SIGNALS:
    // Status or owner changed through this panel (the lists refresh).
    void conversationChanged(const QString &conversationId);
    void statusMessage(const QString &text);

private:
    void show(const QJsonObject &conversation);
    void act(const QString &action, const QJsonObject &body, const QString &done);
    void updateActions();
    void showError(const QString &text);
    void sendTyping();

    ApiClient &m_api;
    QString m_id;
    QJsonObject m_conversation;
    int m_generation = 0;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_typing;
    QLabel *m_error;
    QPushButton *m_takeover;
    QPushButton *m_release;
    QPushButton *m_assign;
    QPushButton *m_close;
    TranscriptModel *m_transcript;
    TranscriptView *m_view;
    Composer *m_composer;
    CannedResponses *m_canned;
    CustomerPanel *m_customer;
    QTimer m_typingTimeout;
};

} // namespace joxai::ui
