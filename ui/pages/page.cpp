#include "ui/pages/page.h"

namespace joxai::ui {

void Page::activate()
{
    if (m_loaded)
        return;
    m_loaded = true;
    refresh();
}

} // namespace joxai::ui
