#include "server/api/router.h"

namespace joxai {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options)
{
    Route r;
    r.method = method;
    r.pattern = normalizePath(pattern);
    r.segments = r.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.handler = std::move(handler);
    r.options = std::move(options);
    r.label = method + ' ' + r.pattern.toUtf8();
    m_routes.append(std::move(r));
}

QString Router::normalizePath(const QString &path)
{
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        return path.chopped(1);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

bool Router::matchSegments(const Route &route, const QStringList &parts, QHash<QString, QString> &params)
{
    if (route.segments.size() != parts.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &seg = route.segments.at(i);
        const QString &part = parts.at(i);
        if (!seg.startsWith(QLatin1Char('{'))) {
            if (seg != part)
                return false;
            continue;
        }
        const QString inner = seg.mid(1, seg.size() - 2);
        const qsizetype colon = inner.indexOf(QLatin1Char(':'));
        const QString name = colon < 0 ? inner : inner.left(colon);
        if (colon < 0) {
            // Integer ids: 1..18 digits, no sign, no leading zero games beyond what toLongLong takes.
            bool ok = false;
            const qint64 v = part.toLongLong(&ok);
            if (!ok || v <= 0 || part.size() > 18 || !part.front().isDigit())
                return false;
        } else if (part.isEmpty()) {
            return false;
        }
        found.insert(name, part);
    }
    params = std::move(found);
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match m;
    const QStringList parts = normalizePath(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    for (const Route &r : m_routes) {
        QHash<QString, QString> params;
        if (!matchSegments(r, parts, params))
            continue;
        if (!m.allowedMethods.contains(r.method))
            m.allowedMethods.append(r.method);
        if (!m.route && r.method == wanted) {
            m.route = &r;
            m.params = std::move(params);
        }
    }
    return m;
}

} // namespace joxai
