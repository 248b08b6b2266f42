#pragma once
// Reads a JSON request body with strict types (no coercion: "12345" is not a number and 12345 is
// not a string) and collects every field problem, so a client learns all of them in one 422.

#include "server/core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace joxai {

class JsonInput final
{
public:
    // 400 for malformed JSON, 422 when the body is not an object. An empty body is {}.
    static Result<JsonInput> parse(const QByteArray &body);
    explicit JsonInput(QJsonObject object) : m_object(std::move(object)) {}

    bool has(const QString &key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }
    const QJsonObject &object() const { return m_object; }

    // Text is trimmed; `required` makes missing, null and blank a problem.
    std::optional<QString> string(const QString &key, bool required, int maxLength = 1000, int minLength = 0);
    std::optional<QString> email(const QString &key, bool required);
    std::optional<QString> oneOf(const QString &key, const QStringList &choices, bool required);
    std::optional<bool> boolean(const QString &key, bool required);
    std::optional<qint64> integer(const QString &key, bool required, qint64 min, qint64 max);
    std::optional<QJsonArray> array(const QString &key, bool required);
    std::optional<QJsonObject> object(const QString &key, bool required);

    void addProblem(const QString &key, const QString &problem);
    bool ok() const { return m_problems.isEmpty(); }
    // 422 "validation_error" naming every field.
    Error error() const;

private:
    QJsonObject m_object;
    QJsonObject m_problems;
};

} // namespace joxai
