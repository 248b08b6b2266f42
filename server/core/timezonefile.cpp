#include "server/core/timezonefile.h"

#include <cstdlib>

namespace joxai {

void pinTimeZoneFile()
{
    if (std::getenv("TZ") == nullptr)
        ::setenv("TZ", ":/etc/localtime", 0);
}

} // namespace joxai
