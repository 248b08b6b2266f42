#pragma once
// One thread's view of the database: prepared statements with bound values, transactions, and the
// mapping of driver errors to joxai::Error (connection lost → Unavailable, unique violation →
// Conflict, anything else → Internal, logged with its cause but never shown to clients).

#include "server/core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

namespace joxai {

enum class Dialect { Sqlite, Postgres };

class SqlSession final
{
public:
    SqlSession(QSqlDatabase db, Dialect dialect, std::optional<Error> openError = std::nullopt);

    Dialect dialect() const { return m_dialect; }
    bool isPostgres() const { return m_dialect == Dialect::Postgres; }
    bool isOpen() const { return !m_openError.has_value(); }

    // Prepares `sql` (positional '?' parameters), binds `values` in order and executes it.
    // The query comes back positioned before its first row.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // Runs a statement without preparing it (DDL in migrations).
    Status execRaw(const QString &sql);
    // First column of the first row, or nullopt when there is no row.
    Result<std::optional<QVariant>> scalar(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT ... RETURNING id and answers the id.
    Result<qint64> insert(const QString &sql, const QVariantList &values = {});

    // BEGIN (IMMEDIATE on SQLite, so writers queue instead of failing to upgrade a read lock),
    // then `body`; COMMIT when it succeeds, ROLLBACK otherwise. Not re-entrant.
    template<typename T>
    Result<T> transaction(const std::function<Result<T>()> &body)
    {
        if (auto begun = begin(); !begun)
            return begun.error();
        Result<T> result = body();
        if (!result) {
            rollback();
            return result;
        }
        if (auto committed = commit(); !committed)
            return committed.error();
        return result;
    }

    // Values as the dialect stores them: timestamps as ISO text with milliseconds on SQLite and
    // timestamptz on PostgreSQL; NULL for an invalid QDateTime.
    QVariant time(const QDateTime &t) const;
    static QDateTime readTime(const QVariant &v);
    static QString isoTime(const QDateTime &t); // "2026-11-25T17:40:00Z" for answers
    // Text for a NOT NULL column: a null QString would bind as NULL, so it becomes "".
    static QVariant text(const QString &value);
    // SQL for "now" in the dialect's timestamp form.
    QString nowSql() const;
    // A LIKE pattern matching `text` anywhere, with % _ and \ escaped; use with ESCAPE '\'.
    static QString containsPattern(const QString &text);
    // "?, ?, ?": `count` bind markers for an IN (...) list.
    static QString bindMarkers(qsizetype count);

    QSqlDatabase &database() { return m_db; }

    // An error fit for the log: the SQLSTATE and the message, without PostgreSQL's DETAIL and
    // CONTEXT lines, which quote the failing row (password hashes, personal data).
    static QString loggable(const QSqlError &error);

    // A failed statement as a joxai::Error (see the top of this file); logs what it must.
    Error failure(const QSqlError &error, const QString &sql);
    // A UNIQUE, foreign key, CHECK or NOT NULL violation: the statement's own answer, never a
    // sign of a stale prepared statement or a lost connection.
    bool isConstraintViolation(const QSqlError &error) const;

private:
    Status begin();
    Status commit();
    void rollback();
    bool connectionLost() const;

    QSqlDatabase m_db;
    Dialect m_dialect;
    std::optional<Error> m_openError;
};

} // namespace joxai
