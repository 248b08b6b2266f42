#pragma once
// Where an agent writes: the text, an "internal note" switch (only staff see notes), and Send.
// Says when the agent is typing, at most once every few seconds, so the customer sees it.
// Canned responses come in by "/shortcut" or from their list (Ctrl+K).

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace joxai::ui {

class CannedCompleter;
class CannedResponses;

class Composer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Composer)

public:
    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    void clear();
    bool isInternal() const;
    void setInternal(bool on);
    // Public answers not allowed (not the owner): notes only.
    void setNotesOnly(bool notesOnly);
    // While a message is on its way the composer waits.
    void setBusy(bool busy);
    // Milliseconds between two typing() signals.
    void setTypingInterval(int ms) { m_typingIntervalMs = ms; }
    void focusText();
    // Canned responses by "/shortcut" (and Ctrl+K or the button for the list).
    void setCannedResponses(CannedResponses &responses);
    CannedCompleter *canned() const { return m_canned; }

    // Sends what is written (Ctrl+Enter, the Send button).
    void submit();

Q_SIGNALS:
    void sendRequested(const QString &text, bool internal);
    void typing();

private:
    void updateLook();

    QPlainTextEdit *m_edit;
    QCheckBox *m_internal;
    QPushButton *m_send;
    QToolButton *m_cannedButton;
    CannedCompleter *m_canned = nullptr;
    QElapsedTimer m_lastTyping;
    int m_typingIntervalMs = 3000;
    bool m_busy = false;
    bool m_notesOnly = false;
};

} // namespace joxai::ui
