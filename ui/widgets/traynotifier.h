#pragma once
// Tells the desktop when a customer is handed to people (escalation) or something is assigned to
// me, even while the console is behind other windows: a system tray message where the desktop has
// a tray, otherwise the window asks for attention (QApplication::alert) and the status bar says it.
// The person's "desktop notifications" setting switches it off.

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace joxai::ui {

class NotificationCenter;

class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    enum class Path { None, Tray, Fallback };

    TrayNotifier(NotificationCenter &center, QWidget *window, QObject *parent = nullptr);
    ~TrayNotifier() override;

    void setEnabled(bool on) { m_enabled = on; }
    bool isEnabled() const { return m_enabled; }
    // Whether this desktop shows tray messages (no tray offscreen or on a bare X server).
    static bool trayAvailable();

    // Announces one notification if it is of a kind worth interrupting for; answers the way taken.
    Path announce(const QJsonObject &notification);
    Path lastPath() const { return m_lastPath; }
    QString lastTitle() const { return m_lastTitle; }
    int announced() const { return m_announced; }

Q_SIGNALS:
    // The fallback's words, for the status bar.
    void fallbackMessage(const QString &text);
    // The tray message was clicked.
    void messageClicked();

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    Path m_lastPath = Path::None;
    QString m_lastTitle;
    int m_announced = 0;
    bool m_enabled = true;
};

} // namespace joxai::ui
