#include "server/storage/auditstore.h"

#include <QJsonDocument>

namespace joxai {

namespace {

const QString kColumns = QStringLiteral(
    "id, actor_id, actor_email, action, target_type, target_id, client_address, details, created_at");

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.actorId = q.value(1).toLongLong();
    e.actorEmail = q.value(2).toString();
    e.action = q.value(3).toString();
    e.targetType = q.value(4).toString();
    e.targetId = q.value(5).toString();
    e.clientAddress = q.value(6).toString();
    e.details = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    e.createdAt = SqlSession::readTime(q.value(8));
    return e;
}

QString whereClause(SqlSession &s, const AuditFilter &f, QVariantList &values)
{
    QString where = QStringLiteral(" WHERE 1=1");
    if (f.actorId > 0) {
        where += QStringLiteral(" AND actor_id = ?");
        values << f.actorId;
    }
    if (!f.action.isEmpty()) {
        if (f.action.endsWith(QLatin1Char('.'))) {
            where += QStringLiteral(" AND action LIKE ? ESCAPE '\\'");
            values << SqlSession::containsPattern(f.action).mid(1); // prefix match
        } else {
            where += QStringLiteral(" AND action = ?");
            values << f.action;
        }
    }
    if (!f.targetType.isEmpty()) {
        where += QStringLiteral(" AND target_type = ?");
        values << f.targetType;
    }
    if (f.from.isValid()) {
        where += QStringLiteral(" AND created_at >= ?");
        values << s.time(f.from);
    }
    if (f.to.isValid()) {
        where += QStringLiteral(" AND created_at < ?");
        values << s.time(f.to);
    }
    return where;
}

} // namespace

Status AuditStore::append(SqlSession &s, const AuditEntry &e)
{
    auto q = s.exec(QStringLiteral("INSERT INTO audit_log (actor_id, actor_email, action, target_type, target_id, "
                                   "client_address, details) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {e.actorId > 0 ? QVariant(e.actorId) : QVariant(QMetaType::fromType<qlonglong>()),
                     e.actorEmail, e.action, e.targetType, e.targetId, e.clientAddress,
                     QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    return success();
}

Result<Page<AuditEntry>> AuditStore::list(SqlSession &s, const AuditFilter &f)
{
    QVariantList values;
    const QString where = whereClause(s, f, values);
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log") + where, values);
    if (!total)
        return total.error();
    values << f.page.limit << f.page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log") + where
                        + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"),
                    values);
    if (!q)
        return q.error();
    Page<AuditEntry> page;
    page.total = total->value_or(QVariant(0)).toLongLong();
    page.limit = f.page.limit;
    page.offset = f.page.offset;
    while (q->next())
        page.items << readEntry(q.value());
    return page;
}

Result<QList<AuditEntry>> AuditStore::exportRows(SqlSession &s, const AuditFilter &f, int maxRows)
{
    QVariantList values;
    const QString where = whereClause(s, f, values);
    values << maxRows;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log") + where
                        + QStringLiteral(" ORDER BY id LIMIT ?"),
                    values);
    if (!q)
        return q.error();
    QList<AuditEntry> rows;
    while (q->next())
        rows << readEntry(q.value());
    return rows;
}

} // namespace joxai
