#pragma once
// Delivers the mail outbox on its own thread, never on the HTTP thread or the database pool
// (SMTP is slow and blocking). It checks the outbox every `pollSeconds` and soon after wake().
// Each due row is claimed (MailOutboxStore::claimNext), sent, then marked sent; a failed attempt
// is counted, its reason kept, and the row waits with exponential back-off (retrySeconds, twice
// that, … at most an hour) until maxAttempts, when it is marked failed and kept. When the server
// cannot be reached at all the pass ends, and the remaining rows wait for the next one.
//
// stop() (and the destructor) lets a send in flight finish for a short grace time, then cuts it:
// an interrupted row is given back untouched and is sent later, never marked half-way.

#include "server/config/config.h"
#include "server/mail/smtpsender.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>
#include <memory>

class QThread;

namespace joxai {

class Database;
class SqlSession;
struct OutboxMail;

class MailDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailDispatcher)

public:
    struct Options
    {
        SmtpSettings smtp;
        QString fromAddress;
        QString fromName;
        int pollSeconds = 10;
        int retrySeconds = 30;
        int maxRetrySeconds = 3600;
        int maxAttempts = 20;
        int stopGraceMs = 3000;   // how long stop() lets a send in flight finish

        static Options fromConfig(const Config &config);
    };

    MailDispatcher(Database &db, Options options, QObject *parent = nullptr);
    ~MailDispatcher() override; // stop()

    void start();
    void stop();
    // Thread-safe: look at the outbox now (something was probably enqueued).
    void wake();

    // Seconds a row waits after its n-th failed attempt (n ≥ 1).
    static int backoffSeconds(int failedAttempts, int retrySeconds, int maxRetrySeconds);

    // Totals since start, for tests and metrics.
    qint64 sentCount() const { return m_sent.load(); }
    qint64 failedAttempts() const { return m_failed.load(); }

private:
    void loop();
    void pass(SqlSession &s);
    // Answers false when the pass should end (server unreachable, stopping, database trouble).
    bool deliver(SqlSession &s, const OutboxMail &mail);

    Database &m_db;
    Options m_options;
    SmtpSender m_sender;
    QString m_token;           // this dispatcher's claim token
    QThread *m_thread = nullptr;
    QMutex m_mutex;
    QWaitCondition m_wakeUp;
    bool m_woken = false;      // guarded by m_mutex
    std::atomic<bool> m_stopping{false};
    std::atomic<qint64> m_abortAtMs{0}; // 0: no abort asked; else the epoch ms after which a send is cut
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_failed{0};
};

} // namespace joxai
