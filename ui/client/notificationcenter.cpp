#include "ui/client/notificationcenter.h"

#include "ui/client/apiclient.h"
#include "ui/client/liveevents.h"
#include "ui/client/logging.h"

#include <QUrlQuery>

#include <algorithm>

namespace joxai::ui {

NotificationCenter::NotificationCenter(ApiClient &api, LiveEvents &live, QObject *parent) : QObject(parent), m_api(api)
{
    connect(&live, &LiveEvents::eventReceived, this, &NotificationCenter::onEvent);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::reload()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(kListSize));
    const int generation = ++m_generation;
    m_api.get(QStringLiteral("/api/v1/notifications/me"), q, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            qCInfo(lcUiClient) << "notifications not loaded:" << r.error->message();
            Q_EMIT failed(r.error->message());
            return;
        }
        QList<QJsonObject> fresh;
        qint64 newest = 0;
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            fresh.append(v.toObject());
            newest = std::max(newest, fresh.last().value(QStringLiteral("id")).toInteger());
        }
        int unread = int(r.object().value(QStringLiteral("unread")).toInteger());
        // Notifications that arrived live after the server read this list are kept (ids grow).
        for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
            if (it->value(QStringLiteral("id")).toInteger() <= newest)
                continue;
            fresh.prepend(*it);
            if (!it->value(QStringLiteral("read")).toBool())
                ++unread;
        }
        while (fresh.size() > kListSize)
            fresh.removeLast();
        m_items = fresh;
        m_loaded = true;
        m_unread = unread;
        Q_EMIT changed();
    });
}

void NotificationCenter::onEvent(const LiveEvent &event)
{
    if (event.type != QLatin1String("notification.created"))
        return;
    const qint64 id = event.data.value(QStringLiteral("id")).toInteger();
    for (const QJsonObject &known : std::as_const(m_items))
        if (known.value(QStringLiteral("id")).toInteger() == id)
            return; // already loaded with the list
    m_items.prepend(event.data);
    while (m_items.size() > kListSize)
        m_items.removeLast();
    if (!event.data.value(QStringLiteral("read")).toBool())
        ++m_unread;
    Q_EMIT changed();
    // Events replayed after a reconnect are old news: counted, not announced.
    if (!event.replayed)
        Q_EMIT arrived(event.data);
}

void NotificationCenter::setUnread(int unread)
{
    m_unread = std::max(0, unread);
    Q_EMIT changed();
}

void NotificationCenter::markRead(qint64 id)
{
    ++m_generation; // a list on its way was read before this: its count is stale
    m_api.post(QStringLiteral("/api/v1/notifications/%1/read").arg(id), {}, this, [this, id](const ApiReply &r) {
        if (!r.ok()) {
            Q_EMIT failed(r.error->message());
            return;
        }
        for (QJsonObject &n : m_items)
            if (n.value(QStringLiteral("id")).toInteger() == id)
                n.insert(QStringLiteral("read"), true);
        setUnread(int(r.object().value(QStringLiteral("unread")).toInteger()));
    });
}

void NotificationCenter::markAllRead()
{
    ++m_generation;
    m_api.post(QStringLiteral("/api/v1/notifications/read-all"), {}, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            Q_EMIT failed(r.error->message());
            return;
        }
        for (QJsonObject &n : m_items)
            n.insert(QStringLiteral("read"), true);
        setUnread(int(r.object().value(QStringLiteral("unread")).toInteger()));
    });
}

} // namespace joxai::ui
