#pragma once
// Helpers for the console's widget tests: a signed-in ApiClient, windows by object name.

#include "ui/client/apiclient.h"

#include <QApplication>
#include <QTest>
#include <QWidget>

#include <memory>

namespace joxai::uitest {

// The visible top-level window (dialog) with this object name, or nullptr.
template<typename T = QWidget>
T *window(const QString &name)
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows)
        if (w->objectName() == name && w->isVisible())
            return qobject_cast<T *>(w);
    return nullptr;
}

template<typename T = QWidget>
T *waitWindow(const QString &name, int ms = 10000)
{
    T *found = nullptr;
    if (!QTest::qWaitFor([&] { return (found = window<T>(name)) != nullptr; }, ms))
        return nullptr;
    return found;
}

inline bool signIn(ui::ApiClient &api, const QString &server, const QString &email, const QString &password)
{
    api.setServer(QUrl(server));
    bool done = false;
    bool ok = false;
    api.login(email, password, {}, &api, [&](const ui::ApiResult<ui::Session> &r) {
        done = true;
        ok = r.ok();
    });
    return QTest::qWaitFor([&] { return done; }, 15000) && ok;
}

// A fresh ApiClient signed in to `server`, or null when the sign-in failed.
inline std::unique_ptr<ui::ApiClient> signedInClient(const QString &server, const QString &email, const QString &password)
{
    auto api = std::make_unique<ui::ApiClient>();
    if (!signIn(*api, server, email, password))
        return {};
    return api;
}

// No D-Bus session: the keychain is reported unavailable at once instead of reaching the
// developer's own keyring. Call before the first CredentialStore call.
inline void withoutKeychain()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/joxai-no-bus");
    qunsetenv("DISPLAY");
}

} // namespace joxai::uitest
