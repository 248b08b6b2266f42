#pragma once
// Checks a real JSON answer against a schema of the served OpenAPI document: types (with
// nullable), enums, required properties, and — stricter than JSON Schema's default — no property
// the schema does not list unless it says additionalProperties. $ref and allOf are followed.
// Enough of OpenAPI 3.0's schema language for our own document; it is not a general validator.

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace joxai::test {

class OpenApiSchemaCheck
{
public:
    explicit OpenApiSchemaCheck(QJsonObject document) : m_doc(std::move(document)) {}

    // The problems found ("items[0].due_at: null where not nullable"); empty when the value fits.
    QStringList check(const QJsonValue &value, const QJsonObject &schema, const QString &where = QStringLiteral("$")) const;
    // The schema of a documented JSON answer, or an empty object when there is none.
    QJsonObject responseSchema(const QString &path, const QString &method, int status) const;

private:
    QJsonObject resolved(const QJsonObject &schema) const; // follows $ref and flattens allOf
    QJsonObject m_doc;
};

} // namespace joxai::test
