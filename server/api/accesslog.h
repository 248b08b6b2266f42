#pragma once
// The access log: one line per answered request in the joxai.access category, at info level
// (LOG_ACCESS=0 switches it off) and at warning level for 5xx answers, which are always worth a
// line. It carries method, path, status, duration, client address (after trusted-proxy
// resolution), route label and request id; never the query string (it may hold personal data),
// bodies, tokens or other headers.

#include "server/api/apireply.h"

namespace joxai {

void logAccess(const ApiReply::Meta &meta, int status, qint64 nsecs);

} // namespace joxai
