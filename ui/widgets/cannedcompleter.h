#pragma once
// Canned responses in a text field: typing "/" and a few letters lists the matching shortcuts with
// their titles just above the text; Up/Down choose, Tab or Enter (or a click) puts the response's
// text in place of the "/word", Escape closes the list. Ctrl+K opens the whole list. The text
// field keeps the keyboard all along (the list is no popup window that would take it).

#include <QObject>
#include <QPointer>

class QListWidget;
class QPlainTextEdit;

namespace joxai::ui {

class CannedResponses;

class CannedCompleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CannedCompleter)

public:
    CannedCompleter(QPlainTextEdit *edit, CannedResponses &responses, QObject *parent = nullptr);
    ~CannedCompleter() override;

    // The "/word" just before the cursor, or empty.
    QString typedShortcut() const;
    // Replaces the "/word" before the cursor by the response with that shortcut; false if none.
    bool expand(const QString &shortcut);
    // Offers every response (Ctrl+K).
    void showPicker();
    bool isListVisible() const;
    // The suggestions shown ("/hours", …).
    QStringList suggestions() const;

Q_SIGNALS:
    void expanded(const QString &shortcut);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateList();
    void hideList();
    QString currentTrigger() const;

    QPlainTextEdit *m_edit;
    CannedResponses &m_responses;
    QPointer<QListWidget> m_list; // a child of the edit's window, so it may overlap the transcript
};

} // namespace joxai::ui
