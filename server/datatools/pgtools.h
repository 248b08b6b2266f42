#pragma once
// PostgreSQL's own client programs (pg_dump, pg_restore from Debian's postgresql-client), run as
// child processes. The password travels in PGPASSWORD, never on a command line that `ps` shows.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace joxai::datatools {

struct ProgramOutput
{
    QByteArray out;
    QByteArray err;
};

// libpq's "host=… port=… user=… dbname=… <options>" for `target`, without the password.
QString connectionString(const DatabaseTarget &target);

// The newest /usr/lib/postgresql/<version>/bin/<name> (pg_dump must not be older than the
// server), else <name> on PATH; an error naming the Debian package when there is none.
Result<QString> findPgProgram(const QString &name);

// Runs a PostgreSQL client program against `target` and answers its output; an error with its
// last stderr line when it fails or takes longer than `timeoutMs`.
Result<ProgramOutput> runPgProgram(const QString &name, const QStringList &arguments, const DatabaseTarget &target,
                                   int timeoutMs = 30 * 60 * 1000);

} // namespace joxai::datatools
