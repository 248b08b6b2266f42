#include "server/core/result.h"

namespace joxai {

Error Error::notFound(const QString &what)
{
    return make(ErrorKind::NotFound, QStringLiteral("not_found"), what + QStringLiteral(" not found."));
}

Error Error::unavailable()
{
    Error e = make(ErrorKind::Unavailable, QStringLiteral("database_unavailable"),
                   QStringLiteral("The database is unavailable; please try again shortly."));
    e.retryAfterSeconds = 5;
    return e;
}

Error Error::internal()
{
    return make(ErrorKind::Internal, QStringLiteral("internal_error"),
                QStringLiteral("An internal error occurred."));
}

} // namespace joxai
