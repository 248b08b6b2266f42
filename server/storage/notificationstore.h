#pragma once
// SQL for staff notifications (escalations, assignments, mentions, SLA breaches). Each one is
// written with its `notification.created` event (visible only to its user) in the caller's
// transaction.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QJsonObject>

namespace joxai {

struct Notification
{
    qint64 id = 0;
    qint64 userId = 0;
    QString type;  // "escalation", "assignment", "mention", "sla_breach"
    QString title;
    QString body;
    QJsonObject data;
    QDateTime readAt;
    QDateTime createdAt;
};

class NotificationStore final
{
public:
    static Result<Notification> create(SqlSession &s, Notification n);
    static Result<Page<Notification>> listFor(SqlSession &s, qint64 userId, bool unreadOnly, const PageRequest &page);
    static Result<qint64> unreadCount(SqlSession &s, qint64 userId);
    // False when no such notification belongs to the user.
    static Result<bool> markRead(SqlSession &s, qint64 userId, qint64 id);
    static Result<qint64> markAllRead(SqlSession &s, qint64 userId);
    struct Recipient
    {
        qint64 userId = 0;
        QString email;
    };
    // Active supervisors and admins (who hear about escalations).
    static Result<QList<Recipient>> supervisors(SqlSession &s);

    static QJsonObject toJson(const Notification &n);
};

} // namespace joxai
