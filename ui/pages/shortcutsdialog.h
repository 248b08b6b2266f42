#pragma once
// The keyboard shortcuts of the console, listed (F1 or Ctrl+/).

#include "ui/pages/navigation.h"

#include <QDialog>

namespace joxai::ui {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QList<PageId> &pages, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
};

} // namespace joxai::ui
