#pragma once
// Bytes the process's heap holds right now, for tests that check a large input is not kept in
// memory. Under AddressSanitizer freed blocks wait in its quarantine (and the resident size grows
// with them), so its own count of live allocations is used there.

#include <QtGlobal>

namespace joxai::test {

qint64 heapBytesInUse();

} // namespace joxai::test
