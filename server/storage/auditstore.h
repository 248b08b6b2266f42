#pragma once
// SQL for the append-only audit log (the database itself refuses UPDATE and DELETE on it).

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>
#include <QJsonObject>

namespace joxai {

struct AuditEntry
{
    qint64 id = 0;
    qint64 actorId = 0; // 0: nobody signed in (failed login, system job)
    QString actorEmail;
    QString action;     // e.g. "auth.login", "auth.login_failed", "user.update", "settings.system"
    QString targetType;
    QString targetId;
    QString clientAddress;
    QJsonObject details;
    QDateTime createdAt;
};

struct AuditFilter
{
    qint64 actorId = 0;
    QString action;     // exact, or a prefix ending in '.' ("user.")
    QString targetType;
    QDateTime from;
    QDateTime to;
    PageRequest page;
};

class AuditStore final
{
public:
    static Status append(SqlSession &s, const AuditEntry &entry);
    static Result<Page<AuditEntry>> list(SqlSession &s, const AuditFilter &filter);
    // Oldest first, for CSV export; at most `maxRows`.
    static Result<QList<AuditEntry>> exportRows(SqlSession &s, const AuditFilter &filter, int maxRows);
};

} // namespace joxai
