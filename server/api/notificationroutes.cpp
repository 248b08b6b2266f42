#include "server/api/notificationroutes.h"

#include "server/storage/database.h"
#include "server/storage/notificationstore.h"

namespace joxai {

void installNotificationRoutes(Router &router, const ApiContext &ctx)
{
    const QString base = QStringLiteral("/api/v1/notifications");
    const RouteOptions staff{true, QString(), Gate::All};

    router.add("GET", base + QStringLiteral("/me"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        auto page = pageFrom(req);
        if (!page)
            return reply.error(page.error());
        const QString unread = req.queryValue(QStringLiteral("unread"));
        if (!unread.isEmpty() && unread != QLatin1String("true") && unread != QLatin1String("false"))
            return reply.error(Error::make(ErrorKind::Validation, QStringLiteral("invalid_query"),
                                           QStringLiteral("unread must be true or false.")));
        const bool unreadOnly = unread == QLatin1String("true");
        runStaff(ctx, req, reply, Role::Agent, [unreadOnly, page = page.value()](SqlSession &s, const Principal &who)
                                                   -> Result<HttpResponse> {
            auto list = NotificationStore::listFor(s, who.userId, unreadOnly, page);
            if (!list)
                return list.error();
            auto count = NotificationStore::unreadCount(s, who.userId);
            if (!count)
                return count.error();
            QJsonArray items;
            for (const Notification &n : list->items)
                items.append(NotificationStore::toJson(n));
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items},
                                                       {QStringLiteral("total"), list->total},
                                                       {QStringLiteral("limit"), list->limit},
                                                       {QStringLiteral("offset"), list->offset},
                                                       {QStringLiteral("unread"), count.value()}});
        });
    }, staff);

    router.add("POST", base + QStringLiteral("/{id}/read"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        const qint64 id = req.idParam();
        runStaff(ctx, req, reply, Role::Agent, [id](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto marked = NotificationStore::markRead(s, who.userId, id);
            if (!marked)
                return marked.error();
            if (!marked.value()) // someone else's is as unknown as a missing one
                return Error::make(ErrorKind::NotFound, QStringLiteral("not_found"), QStringLiteral("No such notification."));
            auto count = NotificationStore::unreadCount(s, who.userId);
            if (!count)
                return count.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("read"), true},
                                                       {QStringLiteral("unread"), count.value()}});
        });
    }, staff);

    router.add("POST", base + QStringLiteral("/read-all"), [&ctx](const ApiRequest &req, const ApiReply &reply) {
        runStaff(ctx, req, reply, Role::Agent, [](SqlSession &s, const Principal &who) -> Result<HttpResponse> {
            auto marked = NotificationStore::markAllRead(s, who.userId);
            if (!marked)
                return marked.error();
            return HttpResponse::json(200, QJsonObject{{QStringLiteral("marked"), marked.value()},
                                                       {QStringLiteral("unread"), 0}});
        });
    }, staff);
}

} // namespace joxai
