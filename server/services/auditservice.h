#pragma once
// Reading the audit log (admin only): filtered pages and a CSV export, which is itself audited.

#include "server/core/roles.h"
#include "server/storage/auditstore.h"

namespace joxai {

class AuditService final
{
public:
    static constexpr int kMaxExportRows = 100000;

    static Result<Page<AuditEntry>> list(SqlSession &s, const Principal &who, const AuditFilter &filter);
    static Result<QByteArray> exportCsv(SqlSession &s, const Principal &who, const AuditFilter &filter);
    // One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never
    // runs it as a formula.
    static QByteArray csvCell(const QString &value);
};

} // namespace joxai
