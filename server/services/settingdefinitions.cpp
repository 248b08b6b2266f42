#include "server/services/settingdefinitions.h"

#include "server/core/roles.h"

#include <QJsonArray>
#include <QJsonObject>

namespace joxai {

using Type = SettingDefinition::Type;

const QList<SettingDefinition> &systemSettingDefinitions()
{
    static const QList<SettingDefinition> table = {
        {QStringLiteral("knowledge_four_eyes"), Type::Bool, true, 0, 0, {}},
        {QStringLiteral("require_2fa_roles"), Type::RoleList, QJsonArray(), 0, 0, {}},
        {QStringLiteral("retention_days"), Type::Int, 365, 30, 3650, {}},
        {QStringLiteral("sla_hours"), Type::HoursByPriority,
         QJsonObject{{QStringLiteral("urgent"), 1}, {QStringLiteral("high"), 4},
                     {QStringLiteral("normal"), 24}, {QStringLiteral("low"), 72}},
         1, 8760, {}},
        {QStringLiteral("greeting_en"), Type::Text,
         QStringLiteral("Hello! I'm the bank's AI assistant. I can answer general questions about our "
                        "services. To talk to a person at any time, choose \"Talk to a person\"."),
         0, 1000, {}},
        {QStringLiteral("greeting_fr"), Type::Text,
         QStringLiteral("Bonjour ! Je suis l'assistant IA de la banque. Je réponds aux questions générales "
                        "sur nos services. Pour parler à un conseiller à tout moment, choisissez "
                        "« Parler à un conseiller »."),
         0, 1000, {}},
        {QStringLiteral("business_hours"), Type::Text, QStringLiteral("Monday to Friday, 9:00 to 17:00"), 0, 200, {}},
        {QStringLiteral("ai_provider"), Type::Choice, QJsonValue(), 0, 0,
         {QStringLiteral("local"), QStringLiteral("anthropic"), QStringLiteral("openai")}},
        {QStringLiteral("anthropic_api_key"), Type::Secret, QJsonValue(), 0, 500, {}},
        {QStringLiteral("openai_api_key"), Type::Secret, QJsonValue(), 0, 500, {}},
        {QStringLiteral("smtp_password"), Type::Secret, QJsonValue(), 0, 500, {}},
    };
    return table;
}

const QList<SettingDefinition> &userSettingDefinitions()
{
    static const QList<SettingDefinition> table = {
        {QStringLiteral("language"), Type::Choice, QStringLiteral("en"), 0, 0, {QStringLiteral("en"), QStringLiteral("fr")}},
        {QStringLiteral("theme"), Type::Choice, QStringLiteral("system"), 0, 0,
         {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}},
        {QStringLiteral("desktop_notifications"), Type::Bool, true, 0, 0, {}},
        {QStringLiteral("sound"), Type::Bool, true, 0, 0, {}},
    };
    return table;
}

const SettingDefinition *findSetting(const QList<SettingDefinition> &table, const QString &key)
{
    for (const SettingDefinition &d : table)
        if (d.key == key)
            return &d;
    return nullptr;
}

QString SettingDefinition::problemWith(const QJsonValue &value) const
{
    switch (type) {
    case Type::Bool:
        return value.isBool() ? QString() : QStringLiteral("must be true or false");
    case Type::Int: {
        const double d = value.toDouble();
        if (!value.isDouble() || d != double(qint64(d)) || qint64(d) < min || qint64(d) > max)
            return QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max);
        return {};
    }
    case Type::Text:
        if (!value.isString())
            return QStringLiteral("must be a string");
        return value.toString().size() > max ? QStringLiteral("must be at most %1 characters").arg(max) : QString();
    case Type::Choice:
        return value.isString() && choices.contains(value.toString())
                   ? QString() : QStringLiteral("must be one of: ") + choices.join(QStringLiteral(", "));
    case Type::Secret:
        if (value.isNull())
            return {};
        if (!value.isString())
            return QStringLiteral("must be a string (or null to remove it)");
        return value.toString().size() > max ? QStringLiteral("must be at most %1 characters").arg(max) : QString();
    case Type::RoleList:
        if (!value.isArray())
            return QStringLiteral("must be a list of roles");
        for (const QJsonValue &r : value.toArray())
            if (!r.isString() || !parseRole(r.toString()))
                return QStringLiteral("must list only admin, supervisor and agent");
        return {};
    case Type::HoursByPriority: {
        if (!value.isObject())
            return QStringLiteral("must be an object of hours by priority");
        const QJsonObject o = value.toObject();
        for (const QString &p : {QStringLiteral("urgent"), QStringLiteral("high"), QStringLiteral("normal"),
                                 QStringLiteral("low")}) {
            const double h = o.value(p).toDouble();
            if (!o.value(p).isDouble() || h != double(qint64(h)) || h < min || h > max)
                return QStringLiteral("must give urgent, high, normal and low as whole hours from %1 to %2")
                    .arg(min).arg(max);
        }
        return o.size() == 4 ? QString() : QStringLiteral("must give exactly urgent, high, normal and low");
    }
    }
    return QStringLiteral("is not supported");
}

} // namespace joxai
