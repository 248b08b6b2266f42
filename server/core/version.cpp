#include "server/core/version.h"

namespace joxai {

QString version()
{
    return QStringLiteral(JOXAI_VERSION);
}

} // namespace joxai
