#include "server/storage/customerstore.h"

namespace joxai {

Result<qint64> CustomerStore::findOrCreateByRef(SqlSession &s, const QString &externalRef, const QString &name,
                                                const QString &email)
{
    auto existing = s.scalar(QStringLiteral("SELECT id FROM customers WHERE external_ref = ?"), {externalRef});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return existing->value().toLongLong();
    auto created = s.insert(QStringLiteral("INSERT INTO customers (name, email, external_ref) VALUES (?, ?, ?) "
                                           "ON CONFLICT (external_ref) DO NOTHING RETURNING id"),
                            {SqlSession::text(name), email.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                                      : QVariant(email),
                             externalRef});
    if (created)
        return created;
    // Another request created it between our two statements: read it again.
    auto again = s.scalar(QStringLiteral("SELECT id FROM customers WHERE external_ref = ?"), {externalRef});
    if (!again)
        return again.error();
    if (!again->has_value())
        return created.error();
    return again->value().toLongLong();
}

} // namespace joxai
