#include "server/storage/mailoutboxstore.h"

namespace joxai {

Result<qint64> MailOutboxStore::enqueue(SqlSession &s, const QString &to, const QString &subject, const QString &body)
{
    return s.insert(QStringLiteral("INSERT INTO mail_outbox (to_address, subject, body) VALUES (?, ?, ?) RETURNING id"),
                    {to, SqlSession::text(subject), SqlSession::text(body)});
}

} // namespace joxai
