#include "ui/client/apiclient.h"

#include "ui/client/logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace joxai::ui {

SessionUser SessionUser::fromJson(const QJsonObject &o)
{
    SessionUser u;
    u.id = o.value(QStringLiteral("id")).toInteger();
    u.email = o.value(QStringLiteral("email")).toString();
    u.fullName = o.value(QStringLiteral("full_name")).toString();
    u.role = o.value(QStringLiteral("role")).toString();
    u.mustChangePassword = o.value(QStringLiteral("must_change_password")).toBool();
    u.twoFactorEnabled = o.value(QStringLiteral("two_factor_enabled")).toBool();
    u.twoFactorRequired = o.value(QStringLiteral("two_factor_required")).toBool();
    return u;
}

namespace {

Session sessionFrom(const QJsonObject &o)
{
    Session s;
    s.token = o.value(QStringLiteral("token")).toString();
    s.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    s.user = SessionUser::fromJson(o.value(QStringLiteral("user")).toObject());
    return s;
}

template<typename T>
ApiResult<T> failed(const ApiReply &r)
{
    ApiResult<T> out;
    out.error = *r.error;
    return out;
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setServer(const QUrl &base)
{
    m_server = base.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (m_server.path() == QLatin1String("/"))
        m_server.setPath(QString());
}

QUrl ApiClient::socketUrl() const
{
    QUrl url = m_server;
    url.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(m_server.path() + QStringLiteral("/api/v1/ws"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), m_session.token);
    url.setQuery(q);
    return url;
}

void ApiClient::setSession(const Session &session)
{
    m_session = session;
    Q_EMIT sessionChanged();
}

void ApiClient::clearSession()
{
    m_session = Session();
    Q_EMIT sessionChanged();
}

void ApiClient::login(const QString &email, const QString &password, const QString &otp, QObject *context,
                      const Typed<Session> &done)
{
    QJsonObject body{{QStringLiteral("email"), email.trimmed()}, {QStringLiteral("password"), password}};
    if (!otp.trimmed().isEmpty())
        body.insert(QStringLiteral("otp"), otp.trimmed());
    send("POST", QStringLiteral("/api/v1/auth/login"), {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
         false, context, [this, done](const ApiReply &r) {
        if (!r.ok())
            return done(failed<Session>(r));
        ApiResult<Session> out;
        out.value = sessionFrom(r.object());
        if (out.value->token.isEmpty()) {
            out.value.reset();
            out.error.status = r.status;
            out.error.detail = ApiError::tr("The server's answer holds no session token.");
            return done(out);
        }
        setSession(*out.value);
        done(out);
    });
}

void ApiClient::me(QObject *context, const Typed<SessionUser> &done)
{
    get(QStringLiteral("/api/v1/auth/me"), {}, context, [this, done](const ApiReply &r) {
        if (!r.ok())
            return done(failed<SessionUser>(r));
        ApiResult<SessionUser> out;
        out.value = SessionUser::fromJson(r.object());
        if (out.value->id == m_session.user.id)
            m_session.user = *out.value;
        done(out);
    });
}

void ApiClient::changePassword(const QString &current, const QString &replacement, QObject *context,
                               const Typed<Session> &done)
{
    const QJsonObject body{{QStringLiteral("current_password"), current}, {QStringLiteral("new_password"), replacement}};
    post(QStringLiteral("/api/v1/auth/change-password"), body, context, [this, done](const ApiReply &r) {
        if (!r.ok())
            return done(failed<Session>(r));
        ApiResult<Session> out;
        out.value = sessionFrom(r.object());
        setSession(*out.value);
        done(out);
    });
}

void ApiClient::logout(QObject *context, const Callback &done)
{
    post(QStringLiteral("/api/v1/auth/logout"), {}, context, [this, done](const ApiReply &r) {
        clearSession();
        done(r);
    });
}

void ApiClient::health(QObject *context, const Callback &done)
{
    send("GET", QStringLiteral("/health"), {}, {}, false, context, done);
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, const Callback &done)
{
    send("GET", path, query, {}, true, context, done);
}

void ApiClient::post(const QString &path, const QJsonObject &body, QObject *context, const Callback &done)
{
    send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), true, context, done);
}

void ApiClient::put(const QString &path, const QJsonObject &body, QObject *context, const Callback &done)
{
    send("PUT", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), true, context, done);
}

void ApiClient::patch(const QString &path, const QJsonObject &body, QObject *context, const Callback &done)
{
    send("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), true, context, done);
}

void ApiClient::remove(const QString &path, QObject *context, const Callback &done)
{
    send("DELETE", path, {}, {}, true, context, done);
}

void ApiClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                     bool authenticated, QObject *context, const Callback &done)
{
    QUrl url = m_server;
    url.setPath(m_server.path() + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty() || method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (authenticated && !m_session.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_session.token.toUtf8());
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, body);
    // The reply is always cleaned up, even when the context that wanted it is gone.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context ? context : this, [this, reply, authenticated, done] {
        const ApiReply r = finish(reply, authenticated);
        if (done)
            done(r);
    });
}

ApiReply ApiClient::finish(QNetworkReply *reply, bool authenticated)
{
    ApiReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    if (!r.body.isEmpty() && reply->header(QNetworkRequest::ContentTypeHeader).toString().contains(QLatin1String("json"))) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            r.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    if (r.status >= 200 && r.status < 300)
        return r;

    ApiError e;
    e.status = r.status;
    e.server = m_server.toDisplayString();
    if (r.status == 0) {
        e.networkError = reply->errorString();
        qCInfo(lcUiClient) << reply->request().url().path() << "failed:" << e.networkError;
    } else {
        const QJsonObject o = r.object();
        e.code = o.value(QStringLiteral("code")).toString();
        e.detail = o.value(QStringLiteral("detail")).toString();
        e.fields = o.value(QStringLiteral("fields")).toObject();
        e.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        qCInfo(lcUiClient) << reply->request().url().path() << "answered" << r.status << e.code;
    }
    r.error = e;
    if (authenticated && r.status == 401 && !m_session.token.isEmpty()) {
        // Only the token the failed call carried is over; a newer session stays.
        const QByteArray sent = reply->request().rawHeader("Authorization");
        if (sent == "Bearer " + m_session.token.toUtf8())
            Q_EMIT sessionExpired();
    } else if (r.status == 403 && e.code == QLatin1String("password_change_required")) {
        Q_EMIT passwordChangeRequired();
    }
    return r;
}

} // namespace joxai::ui
