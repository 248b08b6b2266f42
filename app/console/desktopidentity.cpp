#include "app/console/desktopidentity.h"

#include <QApplication>
#include <QIcon>

namespace joxai::console {

void setDesktopIdentity()
{
    const QString id = QString::fromLatin1(kDesktopId);
    QGuiApplication::setDesktopFileName(id);
    // Every size, so each place (title bar 16/24, task switcher 48-256) gets a drawn size
    // instead of a scaled one.
    QIcon icon;
    for (const int size : { 16, 24, 32, 48, 64, 128, 256 })
        icon.addFile(QStringLiteral(":/icons/%1/%2.png").arg(size).arg(id), QSize(size, size));
    QApplication::setWindowIcon(icon);
}

} // namespace joxai::console
