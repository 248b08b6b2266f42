#include "ui/client/cannedresponses.h"

#include "ui/client/apiclient.h"
#include "ui/client/logging.h"

#include <QUrlQuery>

namespace joxai::ui {

QString CannedResponses::normalized(const QString &shortcut)
{
    QString s = shortcut.trimmed().toLower();
    if (s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    return s;
}

QString CannedResponse::trigger() const
{
    const QString s = CannedResponses::normalized(shortcut);
    return s.isEmpty() ? QString() : QLatin1Char('/') + s;
}

CannedResponses::CannedResponses(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) {}

CannedResponses::~CannedResponses() = default;

void CannedResponses::reload()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200")); // the API's largest page: plenty for a desk
    const int generation = ++m_generation;
    m_api.get(QStringLiteral("/api/v1/canned-responses"), q, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            qCInfo(lcUiPages) << "canned responses not loaded:" << r.error->message();
            return;
        }
        m_items.clear();
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            CannedResponse c;
            c.id = o.value(QStringLiteral("id")).toInteger();
            c.title = o.value(QStringLiteral("title")).toString();
            c.content = o.value(QStringLiteral("content")).toString();
            c.shortcut = o.value(QStringLiteral("shortcut")).toString();
            m_items.append(c);
        }
        m_loaded = true;
        Q_EMIT loaded();
    });
}

std::optional<CannedResponse> CannedResponses::byShortcut(const QString &typed) const
{
    const QString key = normalized(typed);
    if (key.isEmpty())
        return std::nullopt;
    for (const CannedResponse &c : m_items)
        if (normalized(c.shortcut) == key)
            return c;
    return std::nullopt;
}

} // namespace joxai::ui
