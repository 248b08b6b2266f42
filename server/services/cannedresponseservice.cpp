#include "server/services/cannedresponseservice.h"

#include "server/services/audittrail.h"

#include <QJsonObject>

namespace joxai {

namespace {

Error notFound()
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("not_found"), QStringLiteral("No such canned response."));
}

QJsonObject details(const CannedResponse &c)
{
    return {{QStringLiteral("title"), c.title},
            {QStringLiteral("shortcut"), c.shortcut.isEmpty() ? QJsonValue() : QJsonValue(c.shortcut)},
            {QStringLiteral("personal"), c.ownerId > 0}};
}

} // namespace

Result<Page<CannedResponse>> CannedResponseService::list(SqlSession &s, const Principal &who, const QString &search,
                                                         const PageRequest &page) const
{
    return CannedResponseStore::listFor(s, who.userId, search, page);
}

Result<CannedResponse> CannedResponseService::writable(SqlSession &s, const Principal &who, qint64 id)
{
    auto found = CannedResponseStore::byId(s, id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound();
    const CannedResponse &c = found->value();
    if (c.ownerId > 0 && c.ownerId != who.userId)
        return notFound();
    if (c.ownerId == 0 && !atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("Only supervisors and admins change shared canned responses."));
    return c;
}

Status CannedResponseService::checkShortcut(SqlSession &s, const Principal &who, const CannedResponse &c)
{
    if (c.shortcut.isEmpty())
        return success();
    auto taken = CannedResponseStore::shortcutTaken(s, c.shortcut, c.ownerId > 0 ? c.ownerId : who.userId, c.id);
    if (!taken)
        return taken.error();
    if (taken.value() > 0)
        return Error::make(ErrorKind::Conflict, QStringLiteral("shortcut_taken"),
                           QStringLiteral("Another canned response already uses this shortcut."));
    return success();
}

Result<CannedResponse> CannedResponseService::create(SqlSession &s, const Principal &who, CannedResponse c,
                                                     bool personal) const
{
    if (!personal && !atLeast(who.role, Role::Supervisor))
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("Only supervisors and admins write shared canned responses; "
                                          "send \"personal\": true for your own."));
    c.ownerId = personal ? who.userId : 0;
    return s.transaction<CannedResponse>([&]() -> Result<CannedResponse> {
        if (auto ok = checkShortcut(s, who, c); !ok)
            return ok.error();
        auto made = CannedResponseStore::create(s, c);
        if (!made)
            return made.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("canned_response.create"),
                                        QStringLiteral("canned_response"), QString::number(made->id), details(made.value()));
            !a)
            return a.error();
        return made;
    });
}

Result<CannedResponse> CannedResponseService::update(SqlSession &s, const Principal &who, qint64 id,
                                                     const std::optional<QString> &title,
                                                     const std::optional<QString> &content,
                                                     const std::optional<QString> &shortcut) const
{
    return s.transaction<CannedResponse>([&]() -> Result<CannedResponse> {
        auto c = writable(s, who, id);
        if (!c)
            return c.error();
        CannedResponse changed = c.value();
        if (title)
            changed.title = *title;
        if (content)
            changed.content = *content;
        if (shortcut)
            changed.shortcut = *shortcut;
        if (auto ok = checkShortcut(s, who, changed); !ok)
            return ok.error();
        if (auto u = CannedResponseStore::update(s, changed); !u)
            return u.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("canned_response.update"),
                                        QStringLiteral("canned_response"), QString::number(id), details(changed));
            !a)
            return a.error();
        auto fresh = CannedResponseStore::byId(s, id);
        if (!fresh)
            return fresh.error();
        return fresh->value_or(changed);
    });
}

Status CannedResponseService::remove(SqlSession &s, const Principal &who, qint64 id) const
{
    return s.transaction<Done>([&]() -> Result<Done> {
        auto c = writable(s, who, id);
        if (!c)
            return c.error();
        if (auto d = CannedResponseStore::remove(s, id); !d)
            return d.error();
        if (auto a = AuditTrail::record(s, who, QStringLiteral("canned_response.delete"),
                                        QStringLiteral("canned_response"), QString::number(id), details(c.value()));
            !a)
            return a.error();
        return Done{};
    });
}

} // namespace joxai
