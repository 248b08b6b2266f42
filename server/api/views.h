#pragma once
// JSON views of domain objects, with the field names of shared/API.md.

#include "server/storage/auditstore.h"
#include "server/storage/userstore.h"

#include <QJsonObject>

namespace joxai {

QJsonObject userJson(const User &user);
QJsonObject auditJson(const AuditEntry &entry);
QJsonValue timeJson(const QDateTime &t); // ISO 8601 UTC, or null

} // namespace joxai
