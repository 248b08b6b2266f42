#pragma once
// SQL for customers. Today: the link a verified chat makes to a known customer (by the bank's
// own reference); the staff customer API builds on it.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

namespace joxai {

class CustomerStore final
{
public:
    // The customer with this external reference, created (with the name and e-mail given) when
    // the bank vouches for someone we have not seen yet. Answers the customer's id.
    static Result<qint64> findOrCreateByRef(SqlSession &s, const QString &externalRef, const QString &name,
                                            const QString &email);
};

} // namespace joxai
