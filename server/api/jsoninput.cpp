#include "server/api/jsoninput.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace joxai {

Result<JsonInput> JsonInput::parse(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return JsonInput(QJsonObject());
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::BadRequest, QStringLiteral("malformed_json"),
                           QStringLiteral("The request body is not valid JSON (%1 at offset %2).")
                               .arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
                           QStringLiteral("The request body must be a JSON object."));
    return JsonInput(doc.object());
}

void JsonInput::addProblem(const QString &key, const QString &problem)
{
    if (!m_problems.contains(key))
        m_problems.insert(key, problem);
}

Error JsonInput::error() const
{
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
                          QStringLiteral("Some fields are missing or invalid: %1.")
                              .arg(m_problems.keys().join(QStringLiteral(", "))));
    e.fields = m_problems;
    return e;
}

std::optional<QString> JsonInput::string(const QString &key, bool required, int maxLength, int minLength)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addProblem(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isString()) {
        addProblem(key, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString text = v.toString().trimmed();
    if (required && text.isEmpty()) {
        addProblem(key, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    if (text.size() > maxLength) {
        addProblem(key, QStringLiteral("must be at most %1 characters").arg(maxLength));
        return std::nullopt;
    }
    if (text.size() < minLength) {
        addProblem(key, QStringLiteral("must be at least %1 characters").arg(minLength));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> JsonInput::email(const QString &key, bool required)
{
    auto text = string(key, required, 254);
    if (!text || text->isEmpty())
        return text;
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!pattern.match(*text).hasMatch()) {
        addProblem(key, QStringLiteral("must be an e-mail address"));
        return std::nullopt;
    }
    return text->toLower();
}

std::optional<QString> JsonInput::oneOf(const QString &key, const QStringList &choices, bool required)
{
    auto text = string(key, required, 100);
    if (!text)
        return text;
    if (!choices.contains(*text)) {
        addProblem(key, QStringLiteral("must be one of: ") + choices.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> JsonInput::boolean(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addProblem(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isBool()) {
        addProblem(key, QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<qint64> JsonInput::integer(const QString &key, bool required, qint64 min, qint64 max)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addProblem(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    const double d = v.toDouble();
    // Range first: converting a double outside qint64 (1e300) is undefined behaviour.
    if (!v.isDouble() || !(d >= -0x1p63 && d < 0x1p63) || d != double(qint64(d))) {
        addProblem(key, QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    const qint64 n = qint64(d);
    if (n < min || n > max) {
        addProblem(key, QStringLiteral("must be from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<QJsonArray> JsonInput::array(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addProblem(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isArray()) {
        addProblem(key, QStringLiteral("must be a list"));
        return std::nullopt;
    }
    return v.toArray();
}

std::optional<QJsonObject> JsonInput::object(const QString &key, bool required)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addProblem(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    if (!v.isObject()) {
        addProblem(key, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

} // namespace joxai
