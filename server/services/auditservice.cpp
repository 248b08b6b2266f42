#include "server/services/auditservice.h"

#include "server/services/audittrail.h"

#include <QJsonDocument>

namespace joxai {

namespace {

Status requireAdmin(const Principal &who)
{
    if (who.role != Role::Admin)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("Only administrators may read the audit log."));
    return success();
}

} // namespace

QByteArray AuditService::csvCell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r')) || v.startsWith(QLatin1Char('\''))) {
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

Result<Page<AuditEntry>> AuditService::list(SqlSession &s, const Principal &who, const AuditFilter &filter)
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    return AuditStore::list(s, filter);
}

Result<QByteArray> AuditService::exportCsv(SqlSession &s, const Principal &who, const AuditFilter &filter)
{
    if (auto ok = requireAdmin(who); !ok)
        return ok.error();
    auto rows = AuditStore::exportRows(s, filter, kMaxExportRows);
    if (!rows)
        return rows.error();
    QByteArray csv = "id,created_at,actor_id,actor_email,action,target_type,target_id,client_address,details\r\n";
    for (const AuditEntry &e : rows.value()) {
        const QList<QByteArray> cells = {
            QByteArray::number(e.id), csvCell(SqlSession::isoTime(e.createdAt)),
            e.actorId > 0 ? QByteArray::number(e.actorId) : QByteArray(), csvCell(e.actorEmail), csvCell(e.action),
            csvCell(e.targetType), csvCell(e.targetId), csvCell(e.clientAddress),
            csvCell(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)))};
        csv += cells.join(',') + "\r\n";
    }
    if (auto a = AuditTrail::record(s, who, QStringLiteral("audit.export"), QStringLiteral("audit"), QString(),
                                    {{QStringLiteral("rows"), int(rows->size())}});
        !a)
        return a.error();
    return csv;
}

} // namespace joxai
