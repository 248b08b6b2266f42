#pragma once
// SQL for the persistent mail outbox: a mail is queued in the same transaction as the change that
// causes it, so an SMTP outage (or no SMTP at all) never loses one. The Mailer delivers and retries.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

namespace joxai {

class MailOutboxStore final
{
public:
    static Result<qint64> enqueue(SqlSession &s, const QString &to, const QString &subject, const QString &body);
};

} // namespace joxai
