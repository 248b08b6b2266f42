// libFuzzer target: JsonInput, the decoder every JSON request body goes through.
// Properties: a body is accepted only when it is blank or a JSON object; every refusal is a
// 400/422 with a code and a message; the typed accessors only hand out values of their type and
// within their bounds, and every refusal they make is named in error().
#include "server/api/jsoninput.h"

#include <QJsonDocument>

#include <cstdint>
#include <limits>

using namespace joxai;

namespace {

void check(bool property)
{
    if (!property)
        __builtin_trap(); // libFuzzer reports the input that broke it
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<JsonInput> parsed = JsonInput::parse(body);
    if (!parsed) {
        const Error &e = parsed.error();
        check(e.kind == ErrorKind::BadRequest || e.kind == ErrorKind::Validation);
        check(!e.code.isEmpty() && !e.detail.isEmpty());
        return 0;
    }
    // Accepted: blank, or exactly what Qt's own parser reads as an object.
    if (!body.trimmed().isEmpty()) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        check(err.error == QJsonParseError::NoError && doc.isObject());
        check(doc.object() == parsed->object());
    }

    JsonInput &input = *parsed;
    const QJsonObject object = input.object();
    int refused = 0;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (const auto s = input.string(key, true, 64, 1)) {
            check(v.isString() && *s == v.toString().trimmed() && !s->isEmpty() && s->size() <= 64);
        } else {
            ++refused;
        }
        if (const auto n = input.integer(key, false, -1000, 1000))
            check(v.isDouble() && *n >= -1000 && *n <= 1000 && double(*n) == v.toDouble());
        if (const auto big = input.integer(key, false, std::numeric_limits<qint64>::min(),
                                           std::numeric_limits<qint64>::max()))
            check(v.isDouble() && double(*big) == v.toDouble());
        if (const auto b = input.boolean(key, false))
            check(v.isBool() && *b == v.toBool());
        if (const auto a = input.array(key, false))
            check(v.isArray());
        if (const auto o = input.object(key, false))
            check(v.isObject());
        if (const auto mail = input.email(key, false))
            check(v.isString() && (mail->isEmpty() || mail->contains(QLatin1Char('@'))));
    }
    // Every refusal is a named problem, and a required field that is missing is always one.
    check(refused == 0 || !input.ok());
    const QString missing = QStringLiteral("\x01missing");
    if (!object.contains(missing)) {
        check(!input.string(missing, true));
        check(!input.ok());
    }
    if (!input.ok()) {
        const Error e = input.error();
        check(e.kind == ErrorKind::Validation && !e.detail.isEmpty() && !e.fields.isEmpty());
        for (const QJsonValue &problem : e.fields)
            check(problem.isString() && !problem.toString().isEmpty());
    }
    return 0;
}
