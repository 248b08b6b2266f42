#pragma once
// glibc re-reads the state of /etc/localtime (a stat() call) on every local-time conversion when TZ
// is unset, and the PostgreSQL driver converts every timestamp it reads through local time: a
// 50-ticket page cost ~300 stat() calls, more than its SQL. Naming the zone file in TZ once, before
// any thread starts, makes glibc load it once. Keeps the zone the machine uses; an explicit TZ wins.

namespace joxai {

// Call first thing in main(), before any other thread exists (setenv is not thread-safe).
void pinTimeZoneFile();

} // namespace joxai
