#pragma once

#include <QString>

namespace joxai {
// The product version, from the top-level CMake project().
QString version();
} // namespace joxai
