#pragma once
// The console's only way to the server: asynchronous calls to the REST API of shared/API.md.
// Answers arrive through callbacks bound to a context object (a call whose context is gone is
// dropped). A 401 on an authenticated call means the session is over: sessionExpired() is emitted.

#include "ui/client/apitypes.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace joxai::ui {

class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Callback = std::function<void(const ApiReply &)>;
    template<typename T>
    using Typed = std::function<void(const ApiResult<T> &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // "http://host:port" (a path, if any, is kept as a prefix for reverse proxies).
    void setServer(const QUrl &base);
    QUrl server() const { return m_server; }
    // The WebSocket address of the staff channel for the current token.
    QUrl socketUrl() const;

    void setSession(const Session &session);
    void clearSession();
    QString token() const { return m_session.token; }
    bool hasSession() const { return !m_session.token.isEmpty(); }
    const SessionUser &user() const { return m_session.user; }

    // Milliseconds a call may stall before it fails as unreachable.
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // Session. login() and changePassword() install the new session on success.
    void login(const QString &email, const QString &password, const QString &otp, QObject *context,
               const Typed<Session> &done);
    void me(QObject *context, const Typed<SessionUser> &done);
    void changePassword(const QString &current, const QString &replacement, QObject *context,
                        const Typed<Session> &done);
    void logout(QObject *context, const Callback &done);
    void health(QObject *context, const Callback &done);

    // Any other resource. `path` starts with "/api/v1/…".
    void get(const QString &path, const QUrlQuery &query, QObject *context, const Callback &done);
    void post(const QString &path, const QJsonObject &body, QObject *context, const Callback &done);
    void put(const QString &path, const QJsonObject &body, QObject *context, const Callback &done);
    void patch(const QString &path, const QJsonObject &body, QObject *context, const Callback &done);
    void remove(const QString &path, QObject *context, const Callback &done);

Q_SIGNALS:
    // The server no longer accepts the token (expired, revoked, user deactivated).
    void sessionExpired();
    // The server insists on a password change before anything else.
    void passwordChangeRequired();
    void sessionChanged();

private:
    void send(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
              bool authenticated, QObject *context, const Callback &done);
    ApiReply finish(QNetworkReply *reply, bool authenticated);

    QNetworkAccessManager *m_nam;
    QUrl m_server;
    Session m_session;
    int m_timeoutMs = 30000;
};

} // namespace joxai::ui
