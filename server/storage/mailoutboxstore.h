#pragma once
// SQL for the persistent mail outbox: a mail is queued in the same transaction as the change that
// causes it, so an SMTP outage (or no SMTP at all) never loses one. The MailDispatcher
// (server/mail/) claims due rows one at a time, sends them and records the outcome here.
//
// Claims: a dispatcher writes its own token and a lease end on the row it takes; only a row that
// is pending, due and not under a live claim can be taken (on PostgreSQL with FOR UPDATE SKIP
// LOCKED, so several instances never wait on or take the same row). Every outcome is written only
// while the token still matches, so a dispatcher whose lease ran out cannot mark a row that another
// one took since.

#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <optional>

namespace joxai {

struct OutboxMail
{
    qint64 id = 0;
    QString to;
    QString subject;
    QString body;
    int attempts = 0;        // failed attempts before this one
    QDateTime createdAt;
};

struct OutboxRow : OutboxMail
{
    QString status;          // pending | sent | failed
    QString lastError;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
};

class MailOutboxStore final
{
public:
    // `conversationId` (0: none) ties a mail that quotes a conversation to it, for erasure.
    static Result<qint64> enqueue(SqlSession &s, const QString &to, const QString &subject, const QString &body,
                                  qint64 conversationId = 0);

    // Takes the oldest due row for `token` until `leaseEnd`; nullopt when nothing is due.
    static Result<std::optional<OutboxMail>> claimNext(SqlSession &s, const QString &token, const QDateTime &now,
                                                       const QDateTime &leaseEnd);
    // The outcomes; each answers false when the claim was no longer `token`'s (nothing written).
    static Result<bool> markSent(SqlSession &s, qint64 id, const QString &token, const QDateTime &now);
    // One more failed attempt: the row waits until `nextAttempt`, or becomes failed when `giveUp`.
    static Result<bool> markFailed(SqlSession &s, qint64 id, const QString &token, const QString &error,
                                   const QDateTime &nextAttempt, bool giveUp);
    // Gives the row back untouched (a send interrupted by shutdown): due again at once.
    static Result<bool> release(SqlSession &s, qint64 id, const QString &token);

    // Every row, oldest first (tests and diagnostics; the outbox is small once mail flows).
    static Result<QList<OutboxRow>> all(SqlSession &s);
};

} // namespace joxai
