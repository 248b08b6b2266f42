#include "ui/widgets/traynotifier.h"

#include "ui/client/logging.h"
#include "ui/client/notificationcenter.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace joxai::ui {

TrayNotifier::TrayNotifier(NotificationCenter &center, QWidget *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    if (trayAvailable()) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull() && window)
            icon = window->style()->standardIcon(QStyle::SP_MessageBoxInformation);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(tr("JoxAI console"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
            Q_EMIT messageClicked();
        });
    }
    connect(&center, &NotificationCenter::arrived, this, &TrayNotifier::announce);
}

TrayNotifier::~TrayNotifier() = default;

bool TrayNotifier::trayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

TrayNotifier::Path TrayNotifier::announce(const QJsonObject &notification)
{
    const QString type = notification.value(QStringLiteral("type")).toString();
    // Only what asks a person to act now: a customer waiting, or work given to me.
    if (!m_enabled || (type != QLatin1String("escalation") && type != QLatin1String("assignment")))
        return Path::None;
    // The server's titles are in its language; the console's part is in the person's.
    const QString title = type == QLatin1String("escalation")
        ? tr("A customer is waiting: %1").arg(notification.value(QStringLiteral("title")).toString())
        : tr("Assigned to you");
    const QString body = notification.value(QStringLiteral("body")).toString();
    ++m_announced;
    m_lastTitle = title;
    if (m_tray) {
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
        m_lastPath = Path::Tray;
    } else {
        // No tray here: the taskbar entry asks for attention and the status bar says why.
        if (m_window)
            QApplication::alert(m_window, 0);
        Q_EMIT fallbackMessage(title);
        m_lastPath = Path::Fallback;
    }
    qCInfo(lcUiPages) << "announced a" << type << "notification by" << (m_tray ? "the tray" : "the window");
    return m_lastPath;
}

} // namespace joxai::ui
