#include "server/api/openapidocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace joxai {

namespace {

Error invalid(const QString &detail)
{
    return Error::make(ErrorKind::Internal, QStringLiteral("openapi_invalid"), detail);
}

Result<QJsonObject> readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(QStringLiteral("cannot read %1").arg(path));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("%1: %2 at offset %3").arg(path, parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return invalid(QStringLiteral("%1 is not a JSON object").arg(path));
    return doc.object();
}

// Adds every key of `from` to `into`; a key already there is an error naming both.
Status addAll(QJsonObject &into, const QJsonObject &from, const QString &what, const QString &file)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (into.contains(it.key()))
            return invalid(QStringLiteral("%1: %2 \"%3\" is defined twice").arg(file, what, it.key()));
        into.insert(it.key(), it.value());
    }
    return success();
}

} // namespace

Result<QJsonObject> OpenApiDocument::merge(QJsonObject base, const QList<Part> &parts, const QString &version)
{
    QJsonObject paths = base.value(QStringLiteral("paths")).toObject();
    QJsonObject components = base.value(QStringLiteral("components")).toObject();
    QJsonArray tags = base.value(QStringLiteral("tags")).toArray();
    for (const auto &[file, part] : parts) {
        for (auto it = part.begin(); it != part.end(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("paths")) {
                if (auto added = addAll(paths, it.value().toObject(), QStringLiteral("path"), file); !added)
                    return added.error();
            } else if (key == QLatin1String("components")) {
                const QJsonObject sections = it.value().toObject();
                for (auto s = sections.begin(); s != sections.end(); ++s) {
                    QJsonObject section = components.value(s.key()).toObject();
                    if (auto added = addAll(section, s.value().toObject(), s.key(), file); !added)
                        return added.error();
                    components.insert(s.key(), section);
                }
            } else if (key == QLatin1String("tags")) {
                for (const QJsonValue &tag : it.value().toArray())
                    tags.append(tag);
            } else {
                return invalid(QStringLiteral("%1: unexpected top-level key \"%2\" (paths, components, tags)")
                                   .arg(file, key));
            }
        }
    }
    QJsonObject info = base.value(QStringLiteral("info")).toObject();
    info.insert(QStringLiteral("version"), version);
    base.insert(QStringLiteral("info"), info);
    base.insert(QStringLiteral("paths"), paths);
    base.insert(QStringLiteral("components"), components);
    if (!tags.isEmpty())
        base.insert(QStringLiteral("tags"), tags);
    return base;
}

Result<QJsonObject> OpenApiDocument::load(const QString &dir, const QString &version)
{
    auto base = readObject(dir + QStringLiteral("/openapi.json"));
    if (!base)
        return base.error();
    QList<Part> parts;
    const QDir pathsDir(dir + QStringLiteral("/paths"));
    const QStringList files = pathsDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto part = readObject(pathsDir.filePath(name));
        if (!part)
            return part.error();
        parts.append({name, part.value()});
    }
    return merge(std::move(base.value()), parts, version);
}

} // namespace joxai
