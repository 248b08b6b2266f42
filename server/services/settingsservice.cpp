#include "server/services/settingsservice.h"

#include "server/services/audittrail.h"
#include "server/services/settingdefinitions.h"
#include "server/storage/settingsstore.h"
#include "server/storage/statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace joxai {

namespace {

QString encode(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QJsonValue decode(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}

QJsonObject render(const QList<SettingDefinition> &table, const QMap<QString, QString> &stored)
{
    QJsonObject out;
    for (const SettingDefinition &d : table) {
        if (d.type == SettingDefinition::Type::Secret) {
            out.insert(d.key, stored.contains(d.key) ? QStringLiteral("set") : QStringLiteral("unset"));
            continue;
        }
        out.insert(d.key, stored.contains(d.key) ? decode(stored.value(d.key)) : d.defaultValue);
    }
    return out;
}

Error unknownOrInvalid(const QJsonObject &problems)
{
    Error e = Error::make(ErrorKind::Validation, QStringLiteral("validation_error"),
                          QStringLiteral("Some settings are unknown or invalid: %1.")
                              .arg(problems.keys().join(QStringLiteral(", "))));
    e.fields = problems;
    return e;
}

QJsonObject validate(const QList<SettingDefinition> &table, const QJsonObject &changes, bool allowNull)
{
    QJsonObject problems;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const SettingDefinition *d = findSetting(table, it.key());
        if (!d) {
            problems.insert(it.key(), QStringLiteral("is not a known setting"));
            continue;
        }
        if (it.value().isNull() && allowNull)
            continue;
        if (const QString p = d->problemWith(it.value()); !p.isEmpty())
            problems.insert(it.key(), p);
    }
    return problems;
}

} // namespace

SettingsService::SettingsService(const SecretBox &box) : m_box(box) {}

Result<QJsonObject> SettingsService::view(SqlSession &s, const Principal &who) const
{
    auto system = SettingsStore::system(s);
    if (!system)
        return system.error();
    auto mine = SettingsStore::user(s, who.userId);
    if (!mine)
        return mine.error();
    return QJsonObject{{QStringLiteral("system"), render(systemSettingDefinitions(), system.value())},
                       {QStringLiteral("user"), render(userSettingDefinitions(), mine.value())}};
}

Result<QJsonObject> SettingsService::updateSystem(SqlSession &s, const Principal &who, const QJsonObject &changes) const
{
    if (who.role != Role::Admin)
        return Error::make(ErrorKind::Forbidden, QStringLiteral("forbidden"),
                           QStringLiteral("Only administrators may change system settings."));
    if (const QJsonObject problems = validate(systemSettingDefinitions(), changes, true); !problems.isEmpty())
        return unknownOrInvalid(problems);
    auto saved = s.transaction<Done>([&]() -> Status {
        QJsonObject audited;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            const SettingDefinition *d = findSetting(systemSettingDefinitions(), it.key());
            const bool secret = d->type == SettingDefinition::Type::Secret;
            const bool remove = it.value().isNull() || (secret && it.value().toString().isEmpty());
            Status r = remove ? SettingsStore::removeSystem(s, it.key())
                              : SettingsStore::setSystem(
                                    s, it.key(),
                                    secret ? encode(QString::fromLatin1(m_box.seal(it.value().toString().toUtf8())))
                                           : encode(it.value()),
                                    who.userId);
            if (!r)
                return r;
            // Secret values never reach the audit log: only that they changed.
            audited.insert(it.key(), secret ? QJsonValue(remove ? QStringLiteral("removed") : QStringLiteral("changed"))
                                            : it.value());
        }
        return AuditTrail::record(s, who, QStringLiteral("settings.system"), QStringLiteral("settings"),
                                  QStringLiteral("system"), audited);
    });
    if (!saved)
        return saved.error();
    return view(s, who);
}

Result<QJsonObject> SettingsService::updateMine(SqlSession &s, const Principal &who, const QJsonObject &changes) const
{
    if (const QJsonObject problems = validate(userSettingDefinitions(), changes, false); !problems.isEmpty())
        return unknownOrInvalid(problems);
    auto saved = s.transaction<Done>([&]() -> Status {
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            if (auto r = SettingsStore::setUser(s, who.userId, it.key(), encode(it.value())); !r)
                return r;
        return AuditTrail::record(s, who, QStringLiteral("settings.user"), QStringLiteral("user"),
                                  QString::number(who.userId), changes);
    });
    if (!saved)
        return saved.error();
    return view(s, who);
}

Result<QJsonValue> SettingsService::systemValue(SqlSession &s, const QString &key)
{
    const SettingDefinition *d = findSetting(systemSettingDefinitions(), key);
    Q_ASSERT(d && d->type != SettingDefinition::Type::Secret);
    // Read on every staff request (require_2fa_roles): kept prepared.
    std::optional<QString> stored;
    auto ran = StatementCache::run(s, QStringLiteral("SELECT value FROM system_settings WHERE key = ?"), {key},
                                   [&](QSqlQuery &q) {
        if (q.next())
            stored = q.value(0).toString();
    });
    if (!ran)
        return ran.error();
    if (!stored)
        return d ? d->defaultValue : QJsonValue();
    return decode(*stored);
}

Result<std::optional<QByteArray>> SettingsService::secret(SqlSession &s, const QString &key) const
{
    auto system = SettingsStore::system(s);
    if (!system)
        return system.error();
    if (!system->contains(key))
        return std::optional<QByteArray>();
    const auto opened = m_box.open(decode(system->value(key)).toString().toLatin1());
    if (!opened)
        return Error::make(ErrorKind::Internal, QStringLiteral("secret_unreadable"),
                           QStringLiteral("A stored secret cannot be decrypted (was SECRET_KEY changed?)."));
    return std::optional<QByteArray>(*opened);
}

} // namespace joxai
