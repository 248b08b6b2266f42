#pragma once
// The id a request is known by in logs and in its X-Request-Id answer header.

#include <QByteArray>

namespace joxai {

// The client's X-Request-Id when it is short and plain (letters, digits, - _ .; at most 64),
// so a proxy's id follows the request through; otherwise a fresh one. Main thread only.
QByteArray requestIdFrom(const QByteArray &given);

} // namespace joxai
