#pragma once
// System settings (admin) and personal preferences, each checked against its definition.
// Secret settings (AI keys, SMTP password) are sealed with SecretBox at rest and only ever shown
// as "set" / "unset"; their values never reach the audit log or any answer.

#include "server/core/roles.h"
#include "server/auth/secretbox.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QJsonObject>

#include <optional>

namespace joxai {

class SettingsService final
{
public:
    explicit SettingsService(const SecretBox &box);

    // {"system": {...}, "user": {...}} with defaults filled in and secrets masked.
    Result<QJsonObject> view(SqlSession &s, const Principal &who) const;
    Result<QJsonObject> updateSystem(SqlSession &s, const Principal &who, const QJsonObject &changes) const;
    Result<QJsonObject> updateMine(SqlSession &s, const Principal &who, const QJsonObject &changes) const;

    // The current value of a (non-secret) system setting, or its default.
    static Result<QJsonValue> systemValue(SqlSession &s, const QString &key);

    // For the server's own use (e.g. the assistant reading an API key typed into Settings).
    Result<std::optional<QByteArray>> secret(SqlSession &s, const QString &key) const;

private:
    const SecretBox &m_box;
};

} // namespace joxai
