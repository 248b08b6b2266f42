#pragma once
// Errors as values at layer borders: a service answers Result<T>; the API maps ErrorKind to an
// HTTP status and the JSON error body of shared/API.md.

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

namespace joxai {

enum class ErrorKind {
    BadRequest,           // 400
    Unauthorized,         // 401
    Forbidden,            // 403
    NotFound,             // 404
    MethodNotAllowed,     // 405
    Conflict,             // 409
    PayloadTooLarge,      // 413
    UnsupportedMediaType, // 415
    Validation,           // 422
    Locked,               // 423
    RateLimited,          // 429
    Internal,             // 500
    Unavailable,          // 503
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    QString code;        // machine-readable, e.g. "invalid_credentials"
    QString detail;      // one human-readable sentence, never SQL or secrets
    QJsonObject fields;  // per-field validation messages
    int retryAfterSeconds = 0;

    static Error make(ErrorKind kind, QString code, QString detail)
    {
        return Error{kind, std::move(code), std::move(detail), {}, 0};
    }
    static Error notFound(const QString &what);
    static Error unavailable();
    static Error internal();
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// For operations that answer nothing but success.
struct Done
{
};
using Status = Result<Done>;
inline Status success() { return Done{}; }

} // namespace joxai
