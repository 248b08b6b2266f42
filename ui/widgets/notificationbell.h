#pragma once
// The bell in the main window's corner: the unread count at a glance; a click opens the list of
// the newest notifications (unread ones in bold), where one click marks one read and opens what it
// is about, and "Mark all read" clears the count.

#include <QJsonObject>
#include <QToolButton>

class QFrame;
class QLabel;
class QListWidget;
class QPushButton;

namespace joxai::ui {

class NotificationCenter;

class NotificationBell final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBell)

public:
    explicit NotificationBell(NotificationCenter &center, QWidget *parent = nullptr);
    ~NotificationBell() override;

    int shownCount() const { return m_shown; }
    // The popup list (created with the bell, shown by showPopup()).
    QFrame *popup() const { return m_popup; }
    QListWidget *list() const { return m_list; }
    void showPopup();

Q_SIGNALS:
    // A notification was clicked in the list (it is marked read as well).
    void activated(const QJsonObject &notification);

private:
    void refreshLook();
    void fillList();

    NotificationCenter &m_center;
    QFrame *m_popup;
    QLabel *m_heading;
    QListWidget *m_list;
    QPushButton *m_readAll;
    int m_shown = 0;
};

} // namespace joxai::ui
