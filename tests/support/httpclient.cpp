#include "tests/support/httpclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

namespace joxai::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpClient::HttpClient(QString baseUrl) : m_base(std::move(baseUrl))
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResult HttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               Headers headers, int timeoutMs)
{
    QNetworkRequest req(QUrl(m_base + path));
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult r;
    if (!reply->isFinished()) {
        reply->abort();
        r.networkError = QStringLiteral("timed out");
    } else {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        if (reply->error() != QNetworkReply::NoError && r.status == 0)
            r.networkError = reply->errorString();
    }
    reply->deleteLater();
    return r;
}

namespace {

HttpClient::Headers jsonHeaders(const QString &token)
{
    HttpClient::Headers h{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (!token.isEmpty())
        h.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.toUtf8()});
    return h;
}

QByteArray encode(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

HttpResult HttpClient::get(const QString &path, const QString &token)
{
    return request("GET", path, {}, jsonHeaders(token));
}

HttpResult HttpClient::pollUntil(const QString &path, int status, int timeoutMs, const QString &token)
{
    HttpResult last;
    (void)QTest::qWaitFor(
        [&] {
            last = get(path, token);
            if (last.status == status)
                return true;
            QTest::qWait(200);
            return false;
        },
        timeoutMs);
    return last;
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, encode(body), jsonHeaders(token));
}

HttpResult HttpClient::put(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("PUT", path, encode(body), jsonHeaders(token));
}

HttpResult HttpClient::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("PATCH", path, encode(body), jsonHeaders(token));
}

QString HttpClient::login(const QString &email, const QString &password)
{
    const HttpResult r = post(QStringLiteral("/api/v1/auth/login"),
                              {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    return r.status == 200 ? r.json().value(QStringLiteral("token")).toString() : QString();
}

QString HttpClient::adminToken()
{
    QString token = login(QStringLiteral("admin@joxai.com"), QLatin1String(kAdminPassword));
    if (!token.isEmpty())
        return token;
    token = login(QStringLiteral("admin@joxai.com"), QStringLiteral("admin123"));
    if (token.isEmpty())
        return {};
    const HttpResult changed = post(QStringLiteral("/api/v1/auth/change-password"),
                                    {{QStringLiteral("current_password"), QStringLiteral("admin123")},
                                     {QStringLiteral("new_password"), QLatin1String(kAdminPassword)}},
                                    token);
    return changed.status == 200 ? changed.json().value(QStringLiteral("token")).toString() : QString();
}

QString HttpClient::createStaff(const QString &adminToken, const QString &email, const QString &role, qint64 *userId)
{
    const HttpResult made = post(QStringLiteral("/api/v1/users"),
                                 {{QStringLiteral("email"), email}, {QStringLiteral("role"), role},
                                  {QStringLiteral("full_name"), QString(QStringLiteral("Test ") + role)}},
                                 adminToken);
    if (made.status != 201)
        return {};
    if (userId)
        *userId = made.json().value(QStringLiteral("id")).toInteger();
    const QString temporary = made.json().value(QStringLiteral("temporary_password")).toString();
    const QString first = login(email, temporary);
    const HttpResult changed = post(QStringLiteral("/api/v1/auth/change-password"),
                                    {{QStringLiteral("current_password"), temporary},
                                     {QStringLiteral("new_password"), QLatin1String(kStaffPassword)}},
                                    first);
    return changed.status == 200 ? changed.json().value(QStringLiteral("token")).toString() : QString();
}

} // namespace joxai::test
