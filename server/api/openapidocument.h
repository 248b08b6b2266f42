#pragma once
// The OpenAPI 3.0 document served at /openapi.json, put together at start-up from the files in
// resources/openapi: openapi.json (info, security schemes, shared components) and one file per
// route family under paths/ ({"paths": {...}, "components": {...}, "tags": [...]}), so each family's
// contract sits in a small file next to none of the others. A path or component name defined
// twice, or a file that is not a JSON object, is an error, never a silent overwrite.

#include "server/core/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace joxai {

class OpenApiDocument final
{
public:
    using Part = QPair<QString, QJsonObject>; // file name (for messages), contents

    // info.version is set to `version` (the server's own).
    static Result<QJsonObject> merge(QJsonObject base, const QList<Part> &parts, const QString &version);
    // Reads <dir>/openapi.json and every <dir>/paths/*.json (in name order) and merges them.
    static Result<QJsonObject> load(const QString &dir, const QString &version);
};

} // namespace joxai
