#pragma once
// Applies the numbered migrations in resources/sql/<dialect>/ (compiled in as :/sql/...), each in
// its own transaction, recorded in schema_migrations. A database newer than the program is refused.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace joxai {

struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

class Migrator final
{
public:
    explicit Migrator(QString resourceRoot = QStringLiteral(":/sql"));

    QList<Migration> available(Dialect dialect) const;
    // Answers the versions it applied (empty when the schema was current).
    Result<QList<int>> migrate(SqlSession &session) const;

    // Splits a migration into statements: at ';' ending a line, but not inside $$ … $$ bodies or
    // SQLite trigger bodies (BEGIN … END;).
    static QStringList splitStatements(const QString &sql);

private:
    QString m_root;
};

} // namespace joxai
