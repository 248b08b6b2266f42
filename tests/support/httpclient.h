#pragma once
// A blocking HTTP client for tests (QNetworkAccessManager under a local event loop, so the
// in-process server keeps serving while the test waits).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

namespace joxai::test {

struct HttpResult
{
    int status = 0;         // 0: no answer (connection error or time-out)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    QJsonArray items() const { return json().value(QStringLiteral("items")).toArray(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

class HttpClient final
{
public:
    explicit HttpClient(QString baseUrl);

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       Headers headers = {}, int timeoutMs = 15000);
    HttpResult get(const QString &path, const QString &token = {});
    // GETs `path` every 200 ms until it answers `status` or `timeoutMs` passes; the last answer.
    HttpResult pollUntil(const QString &path, int status, int timeoutMs, const QString &token = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult put(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult patch(const QString &path, const QJsonObject &body, const QString &token = {});

    // Signs in; answers the token, or an empty string.
    QString login(const QString &email, const QString &password);
    // Signs in as the first-run admin and changes its password (once per server), answering a
    // token with full admin rights.
    QString adminToken();
    // Creates a staff member (as admin) with a known password already changed; answers a token.
    QString createStaff(const QString &adminToken, const QString &email, const QString &role,
                        qint64 *userId = nullptr);

    static constexpr const char *kAdminPassword = "Admin-pass-2026";
    static constexpr const char *kStaffPassword = "Staff-pass-2026";

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

} // namespace joxai::test
