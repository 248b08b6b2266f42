#pragma once
// The signed-in person's notifications (GET /api/v1/notifications/me): the unread count and the
// newest ones, kept current by `notification.created` events from LiveEvents, and marked read one
// by one or all at once. The bell shows it; the tray notifier tells the desktop about new ones.

#include <QJsonObject>
#include <QList>
#include <QObject>

namespace joxai::ui {

class ApiClient;
class LiveEvents;
struct LiveEvent;

class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)

public:
    // How many of the newest notifications are kept for the popup list.
    static constexpr int kListSize = 30;

    NotificationCenter(ApiClient &api, LiveEvents &live, QObject *parent = nullptr);
    ~NotificationCenter() override;

    // Loads the newest notifications and the unread count.
    void reload();
    int unread() const { return m_unread; }
    // Newest first: {id, type, title, body, data, read, read_at, created_at}.
    const QList<QJsonObject> &items() const { return m_items; }
    bool isLoaded() const { return m_loaded; }

    void markRead(qint64 id);
    void markAllRead();

Q_SIGNALS:
    void changed();
    // A notification that arrived live (not one loaded from the list).
    void arrived(const QJsonObject &notification);
    void failed(const QString &message);

private:
    void onEvent(const LiveEvent &event);
    void setUnread(int unread);

    ApiClient &m_api;
    QList<QJsonObject> m_items;
    int m_unread = 0;
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace joxai::ui
