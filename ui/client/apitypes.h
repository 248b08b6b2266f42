#pragma once
// Small typed values the console reads from the API (shared/API.md), and the answer of one call.

#include "ui/client/apierror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace joxai::ui {

// The signed-in staff member (`user` of the login answer, GET /api/v1/auth/me).
struct SessionUser
{
    qint64 id = 0;
    QString email;
    QString fullName;
    QString role; // "admin" | "supervisor" | "agent"
    bool mustChangePassword = false;
    bool twoFactorEnabled = false;
    bool twoFactorRequired = false;

    static SessionUser fromJson(const QJsonObject &o);
    bool isAdmin() const { return role == QLatin1String("admin"); }
    bool isSupervisorOrAdmin() const { return isAdmin() || role == QLatin1String("supervisor"); }
    QString displayName() const { return fullName.isEmpty() ? email : fullName; }
};

struct Session
{
    QString token;
    QDateTime expiresAt;
    SessionUser user;
};

// The answer of one call: a JSON value (or raw body, e.g. CSV) on success, an ApiError otherwise.
struct ApiReply
{
    int status = 0;
    QJsonValue json;
    QByteArray body;
    std::optional<ApiError> error;

    bool ok() const { return !error.has_value(); }
    QJsonObject object() const { return json.toObject(); }
    // For list answers {"items","total","limit","offset"}.
    QJsonArray items() const { return object().value(QStringLiteral("items")).toArray(); }
    qint64 total() const { return object().value(QStringLiteral("total")).toInteger(); }
};

// A typed value or the error that prevented it.
template<typename T>
struct ApiResult
{
    std::optional<T> value;
    ApiError error;

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T *operator->() const { return &*value; }
    const T &operator*() const { return *value; }
};

} // namespace joxai::ui
