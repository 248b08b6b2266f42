#include "server/storage/notificationstore.h"

#include "server/storage/eventstore.h"

#include <QJsonDocument>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral("id, user_id, type, title, body, data, read_at, created_at");

Notification readNotification(const QSqlQuery &q)
{
    Notification n;
    n.id = q.value(0).toLongLong();
    n.userId = q.value(1).toLongLong();
    n.type = q.value(2).toString();
    n.title = q.value(3).toString();
    n.body = q.value(4).toString();
    n.data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    n.readAt = SqlSession::readTime(q.value(6));
    n.createdAt = SqlSession::readTime(q.value(7));
    return n;
}

} // namespace

QJsonObject NotificationStore::toJson(const Notification &n)
{
    return {{QStringLiteral("id"), n.id},
            {QStringLiteral("type"), n.type},
            {QStringLiteral("title"), n.title},
            {QStringLiteral("body"), n.body},
            {QStringLiteral("data"), n.data},
            {QStringLiteral("read"), n.readAt.isValid()},
            {QStringLiteral("read_at"), n.readAt.isValid() ? QJsonValue(SqlSession::isoTime(n.readAt)) : QJsonValue()},
            {QStringLiteral("created_at"), SqlSession::isoTime(n.createdAt)}};
}

Result<Notification> NotificationStore::create(SqlSession &s, Notification n)
{
    n.createdAt = QDateTime::currentDateTimeUtc();
    auto id = s.insert(QStringLiteral("INSERT INTO notifications (user_id, type, title, body, data, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                       {n.userId, n.type, SqlSession::text(n.title), SqlSession::text(n.body),
                        QString::fromUtf8(QJsonDocument(n.data).toJson(QJsonDocument::Compact)), s.time(n.createdAt)});
    if (!id)
        return id.error();
    n.id = id.value();
    Event e;
    e.type = QStringLiteral("notification.created");
    e.userId = n.userId;
    e.visibility = Event::Visibility::User;
    e.conversationId = n.data.value(QStringLiteral("conversation_id")).toString();
    e.data = toJson(n);
    if (auto appended = EventStore::append(s, e); !appended)
        return appended.error();
    return n;
}

Result<Page<Notification>> NotificationStore::listFor(SqlSession &s, qint64 userId, bool unreadOnly,
                                                      const PageRequest &page)
{
    const QString where = unreadOnly ? QStringLiteral(" WHERE user_id = ? AND read_at IS NULL")
                                     : QStringLiteral(" WHERE user_id = ?");
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications") + where, {userId});
    if (!total)
        return total.error();
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM notifications") + where
                        + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"),
                    {userId, page.limit, page.offset});
    if (!q)
        return q.error();
    Page<Notification> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next())
        out.items << readNotification(q.value());
    return out;
}

Result<qint64> NotificationStore::unreadCount(SqlSession &s, qint64 userId)
{
    auto n = s.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL"), {userId});
    if (!n)
        return n.error();
    return n->value_or(QVariant(0)).toLongLong();
}

Result<bool> NotificationStore::markRead(SqlSession &s, qint64 userId, qint64 id)
{
    auto exists = s.scalar(QStringLiteral("SELECT id FROM notifications WHERE id = ? AND user_id = ?"), {id, userId});
    if (!exists)
        return exists.error();
    if (!exists->has_value())
        return false;
    auto q = s.exec(QStringLiteral("UPDATE notifications SET read_at = ") + s.nowSql()
                        + QStringLiteral(" WHERE id = ? AND read_at IS NULL"),
                    {id});
    if (!q)
        return q.error();
    return true;
}

Result<qint64> NotificationStore::markAllRead(SqlSession &s, qint64 userId)
{
    auto q = s.exec(QStringLiteral("UPDATE notifications SET read_at = ") + s.nowSql()
                        + QStringLiteral(" WHERE user_id = ? AND read_at IS NULL"),
                    {userId});
    if (!q)
        return q.error();
    return qint64(q->numRowsAffected());
}

Result<QList<NotificationStore::Recipient>> NotificationStore::supervisors(SqlSession &s)
{
    auto q = s.exec(QStringLiteral("SELECT id, email FROM users WHERE role IN ('supervisor', 'admin') AND is_active = ? "
                                   "ORDER BY id"),
                    {true});
    if (!q)
        return q.error();
    QList<Recipient> out;
    while (q->next())
        out << Recipient{q->value(0).toLongLong(), q->value(1).toString()};
    return out;
}

} // namespace joxai
