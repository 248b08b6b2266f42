#include "server/storage/cannedresponsestore.h"

namespace joxai {

namespace {

const QString kColumns = QStringLiteral("id, title, content, shortcut, owner_id, created_at, updated_at");

CannedResponse read(const QSqlQuery &q)
{
    CannedResponse c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.content = q.value(2).toString();
    c.shortcut = q.value(3).toString();
    c.ownerId = q.value(4).toLongLong();
    c.createdAt = SqlSession::readTime(q.value(5));
    c.updatedAt = SqlSession::readTime(q.value(6));
    return c;
}

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

Result<Page<CannedResponse>> CannedResponseStore::listFor(SqlSession &s, qint64 userId, const QString &search,
                                                          const PageRequest &page)
{
    QString where = QStringLiteral(" WHERE (owner_id IS NULL OR owner_id = ?)");
    QVariantList values{userId};
    if (!search.isEmpty()) {
        where += QStringLiteral(" AND (lower(title) LIKE ? ESCAPE '\\' OR lower(content) LIKE ? ESCAPE '\\' "
                                "OR lower(shortcut) LIKE ? ESCAPE '\\')");
        const QString like = SqlSession::containsPattern(search.toLower());
        values << like << like << like;
    }
    auto total = s.scalar(QStringLiteral("SELECT COUNT(*) FROM canned_responses") + where, values);
    if (!total)
        return total.error();
    QVariantList pageValues = values;
    pageValues << page.limit << page.offset;
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM canned_responses") + where
                        + QStringLiteral(" ORDER BY shortcut IS NULL, shortcut, title, id LIMIT ? OFFSET ?"),
                    pageValues);
    if (!q)
        return q.error();
    Page<CannedResponse> out;
    out.total = total->value_or(QVariant(0)).toLongLong();
    out.limit = page.limit;
    out.offset = page.offset;
    while (q->next())
        out.items << read(q.value());
    return out;
}

Result<std::optional<CannedResponse>> CannedResponseStore::byId(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM canned_responses WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<CannedResponse>();
    return std::optional<CannedResponse>(read(q.value()));
}

Result<CannedResponse> CannedResponseStore::create(SqlSession &s, const CannedResponse &c)
{
    auto id = s.insert(QStringLiteral("INSERT INTO canned_responses (title, content, shortcut, owner_id) "
                                      "VALUES (?, ?, ?, ?) RETURNING id"),
                       {c.title, c.content, orNull(c.shortcut), idOrNull(c.ownerId)});
    if (!id)
        return id.error();
    auto made = byId(s, id.value());
    if (!made)
        return made.error();
    if (!made->has_value())
        return Error::internal();
    return made->value();
}

Status CannedResponseStore::update(SqlSession &s, const CannedResponse &c)
{
    auto q = s.exec(QStringLiteral("UPDATE canned_responses SET title = ?, content = ?, shortcut = ?, updated_at = ")
                        + s.nowSql() + QStringLiteral(" WHERE id = ?"),
                    {c.title, c.content, orNull(c.shortcut), c.id});
    if (!q)
        return q.error();
    return success();
}

Status CannedResponseStore::remove(SqlSession &s, qint64 id)
{
    auto q = s.exec(QStringLiteral("DELETE FROM canned_responses WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return success();
}

Result<qint64> CannedResponseStore::shortcutTaken(SqlSession &s, const QString &shortcut, qint64 userId, qint64 exceptId)
{
    auto id = s.scalar(QStringLiteral("SELECT id FROM canned_responses WHERE lower(shortcut) = lower(?) AND id <> ? "
                                      "AND (owner_id IS NULL OR owner_id = ?) LIMIT 1"),
                       {shortcut, exceptId, userId});
    if (!id)
        return id.error();
    return id->has_value() ? id->value().toLongLong() : qint64(0);
}

} // namespace joxai
