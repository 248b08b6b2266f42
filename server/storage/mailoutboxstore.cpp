#include "server/storage/mailoutboxstore.h"

namespace joxai {

namespace {

Result<bool> changedOne(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    return q->next();
}

} // namespace

Result<qint64> MailOutboxStore::enqueue(SqlSession &s, const QString &to, const QString &subject, const QString &body,
                                        qint64 conversationId)
{
    return s.insert(QStringLiteral("INSERT INTO mail_outbox (to_address, subject, body, conversation_id) "
                                   "VALUES (?, ?, ?, ?) RETURNING id"),
                    {to, SqlSession::text(subject), SqlSession::text(body),
                     conversationId > 0 ? QVariant(conversationId) : QVariant(QMetaType::fromType<qlonglong>())});
}

Result<std::optional<OutboxMail>> MailOutboxStore::claimNext(SqlSession &s, const QString &token, const QDateTime &now,
                                                             const QDateTime &leaseEnd)
{
    // The outer WHERE repeats the test: on PostgreSQL a row another instance claimed between the
    // subquery's snapshot and its lock is re-checked there and left alone.
    const QString due = QStringLiteral("status = 'pending' AND next_attempt_at <= ? "
                                       "AND (claimed_until IS NULL OR claimed_until <= ?)");
    const QString sql = QStringLiteral("UPDATE mail_outbox SET claim_token = ?, claimed_until = ? "
                                       "WHERE id = (SELECT id FROM mail_outbox WHERE ") + due
                        + QStringLiteral(" ORDER BY next_attempt_at, id LIMIT 1")
                        + (s.isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString())
                        + QStringLiteral(") AND ") + due
                        + QStringLiteral(" RETURNING id, to_address, subject, body, attempts, created_at");
    const QVariant t = s.time(now);
    auto q = s.exec(sql, {token, s.time(leaseEnd), t, t, t, t});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<OutboxMail>();
    OutboxMail m;
    m.id = q->value(0).toLongLong();
    m.to = q->value(1).toString();
    m.subject = q->value(2).toString();
    m.body = q->value(3).toString();
    m.attempts = q->value(4).toInt();
    m.createdAt = SqlSession::readTime(q->value(5));
    return std::optional<OutboxMail>(m);
}

Result<bool> MailOutboxStore::markSent(SqlSession &s, qint64 id, const QString &token, const QDateTime &now)
{
    return changedOne(s.exec(QStringLiteral("UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL, "
                                            "claim_token = NULL, claimed_until = NULL "
                                            "WHERE id = ? AND claim_token = ? RETURNING id"),
                             {s.time(now), id, token}));
}

Result<bool> MailOutboxStore::markFailed(SqlSession &s, qint64 id, const QString &token, const QString &error,
                                         const QDateTime &nextAttempt, bool giveUp)
{
    return changedOne(s.exec(QStringLiteral("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, "
                                            "next_attempt_at = ?, status = ?, claim_token = NULL, claimed_until = NULL "
                                            "WHERE id = ? AND claim_token = ? RETURNING id"),
                             {SqlSession::text(error), s.time(nextAttempt),
                              giveUp ? QStringLiteral("failed") : QStringLiteral("pending"), id, token}));
}

Result<bool> MailOutboxStore::release(SqlSession &s, qint64 id, const QString &token)
{
    return changedOne(s.exec(QStringLiteral("UPDATE mail_outbox SET claim_token = NULL, claimed_until = NULL "
                                            "WHERE id = ? AND claim_token = ? RETURNING id"),
                             {id, token}));
}

Result<QList<OutboxRow>> MailOutboxStore::all(SqlSession &s)
{
    auto q = s.exec(QStringLiteral("SELECT id, to_address, subject, body, attempts, created_at, status, last_error, "
                                   "next_attempt_at, sent_at FROM mail_outbox ORDER BY id"));
    if (!q)
        return q.error();
    QList<OutboxRow> rows;
    while (q->next()) {
        OutboxRow r;
        r.id = q->value(0).toLongLong();
        r.to = q->value(1).toString();
        r.subject = q->value(2).toString();
        r.body = q->value(3).toString();
        r.attempts = q->value(4).toInt();
        r.createdAt = SqlSession::readTime(q->value(5));
        r.status = q->value(6).toString();
        r.lastError = q->value(7).toString();
        r.nextAttemptAt = SqlSession::readTime(q->value(8));
        r.sentAt = SqlSession::readTime(q->value(9));
        rows << r;
    }
    return rows;
}

} // namespace joxai
