#pragma once
// What each setting is: its type, limits and default. One table for system settings and one for
// personal preferences; SettingsService validates against them.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace joxai {

struct SettingDefinition
{
    enum class Type { Bool, Int, Text, Choice, RoleList, Secret, HoursByPriority };
    QString key;
    Type type;
    QJsonValue defaultValue;
    qint64 min = 0;
    qint64 max = 0;        // Int: range; Text: maximum length
    QStringList choices;   // Choice

    // Checks `value`; answers the problem, or an empty string.
    QString problemWith(const QJsonValue &value) const;
};

const QList<SettingDefinition> &systemSettingDefinitions();
const QList<SettingDefinition> &userSettingDefinitions();
const SettingDefinition *findSetting(const QList<SettingDefinition> &table, const QString &key);

} // namespace joxai
