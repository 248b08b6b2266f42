#include "tests/api/openapischemacheck.h"

#include <QJsonArray>

namespace joxai::test {

QJsonObject OpenApiSchemaCheck::resolved(const QJsonObject &schema) const
{
    QJsonObject s = schema;
    while (s.contains(QStringLiteral("$ref"))) {
        QJsonValue at = m_doc;
        for (const QString &part : s.value(QStringLiteral("$ref")).toString().mid(2).split(QLatin1Char('/')))
            at = at.toObject().value(part);
        s = at.toObject();
    }
    if (!s.contains(QStringLiteral("allOf")))
        return s;
    // allOf of object schemas: the union of their properties and required lists.
    QJsonObject merged = s;
    merged.remove(QStringLiteral("allOf"));
    QJsonObject properties = merged.value(QStringLiteral("properties")).toObject();
    QJsonArray required = merged.value(QStringLiteral("required")).toArray();
    for (const QJsonValue &part : s.value(QStringLiteral("allOf")).toArray()) {
        const QJsonObject p = resolved(part.toObject());
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.key() == QLatin1String("properties")) {
                const QJsonObject props = it.value().toObject();
                for (auto prop = props.begin(); prop != props.end(); ++prop)
                    properties.insert(prop.key(), prop.value());
            } else if (it.key() == QLatin1String("required")) {
                for (const QJsonValue &r : it.value().toArray())
                    required.append(r);
            } else if (!merged.contains(it.key())) {
                merged.insert(it.key(), it.value());
            }
        }
    }
    if (!properties.isEmpty())
        merged.insert(QStringLiteral("properties"), properties);
    if (!required.isEmpty())
        merged.insert(QStringLiteral("required"), required);
    return merged;
}

QStringList OpenApiSchemaCheck::check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &where) const
{
    const QJsonObject schema = resolved(schemaIn);
    if (value.isNull()) {
        if (schema.value(QStringLiteral("nullable")).toBool())
            return {};
        return {where + QStringLiteral(": null where the schema is not nullable")};
    }
    const QString type = schema.value(QStringLiteral("type")).toString();
    const auto wrong = [&](const char *what) {
        return QStringList{where + QStringLiteral(": %1 where the schema says %2").arg(QLatin1String(what), type)};
    };
    if (type == QLatin1String("string") && !value.isString())
        return wrong("not a string");
    if (type == QLatin1String("boolean") && !value.isBool())
        return wrong("not a boolean");
    if (type == QLatin1String("number") && !value.isDouble())
        return wrong("not a number");
    if (type == QLatin1String("integer") && (!value.isDouble() || value.toDouble() != double(qint64(value.toDouble()))))
        return wrong("not an integer");
    if (type == QLatin1String("array") && !value.isArray())
        return wrong("not an array");
    if (type == QLatin1String("object") && !value.isObject())
        return wrong("not an object");
    if (schema.contains(QStringLiteral("enum")) && !schema.value(QStringLiteral("enum")).toArray().contains(value))
        return {where + QStringLiteral(": %1 is not one of the documented values")
                            .arg(value.isString() ? value.toString() : QString::number(value.toDouble()))};

    QStringList problems;
    if (value.isArray()) {
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            problems += check(array.at(i), items, where + QStringLiteral("[%1]").arg(i));
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &r : schema.value(QStringLiteral("required")).toArray())
            if (!object.contains(r.toString()))
                problems.append(where + QStringLiteral(": required property \"%1\" is missing").arg(r.toString()));
        const bool open = schema.value(QStringLiteral("additionalProperties")).toBool() || properties.isEmpty();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key()))
                problems += check(it.value(), properties.value(it.key()).toObject(), where + QLatin1Char('.') + it.key());
            else if (!open)
                problems.append(where + QStringLiteral(": property \"%1\" is not documented").arg(it.key()));
        }
    }
    return problems;
}

QJsonObject OpenApiSchemaCheck::responseSchema(const QString &path, const QString &method, int status) const
{
    const QJsonObject response = resolved(m_doc.value(QStringLiteral("paths")).toObject().value(path).toObject()
                                              .value(method).toObject().value(QStringLiteral("responses")).toObject()
                                              .value(QString::number(status)).toObject());
    return response.value(QStringLiteral("content")).toObject().value(QStringLiteral("application/json")).toObject()
        .value(QStringLiteral("schema")).toObject();
}

} // namespace joxai::test
