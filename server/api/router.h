#pragma once
// The route table. Patterns are literal segments and {name} (a positive integer id; anything else
// is 404 as shared/API.md asks) or {name:str} (any one segment, e.g. a conversation UUID).
// Paths match with and without a trailing slash. A known path with a wrong method is 405.

#include "server/api/apireply.h"
#include "server/api/apirequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace joxai {

using Handler = std::function<void(const ApiRequest &, const ApiReply &)>;

struct RouteOptions
{
    bool staffToken = false;         // a valid staff JWT is required before the handler runs
    QString rateCategory;            // "auth", "api", "chat", "chat_start" or empty
    Gate gate = Gate::All;             // account steps the route skips (see Gate)
};

class Router final
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
        RouteOptions options;
        QByteArray label; // "GET /api/v1/users/{id}" for metrics
    };

    struct Match
    {
        const Route *route = nullptr;     // null when no route takes this method
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // methods the path accepts (empty: unknown path)
    };

    void add(const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options = {});
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

    static QString normalizePath(const QString &path);

private:
    static bool matchSegments(const Route &route, const QStringList &parts, QHash<QString, QString> &params);
    QList<Route> m_routes;
};

} // namespace joxai
