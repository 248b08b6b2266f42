#pragma once

#include <QString>

namespace joxai::console {

// The console's identity on the desktop: the id of its desktop entry and AppStream metainfo
// (installer/desktop/com.joxai.Console.*), which Wayland compositors use to find its icon and
// name, and its window icon for the others (X11 title bars and task bars), built from the PNG
// sizes rendered from resources/icons/com.joxai.Console.svg.
inline constexpr auto kDesktopId = "com.joxai.Console";

// Sets both on the running QGuiApplication. Call once, after it is constructed.
void setDesktopIdentity();

} // namespace joxai::console
