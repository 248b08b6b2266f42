#include "server/mail/maildispatcher.h"

#include "server/core/logging.h"
#include "server/mail/mailmessage.h"
#include "server/storage/database.h"
#include "server/storage/mailoutboxstore.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QUuid>

namespace joxai {

namespace {

constexpr int kBurstGapMs = 200;     // wakes closer together than this share one pass
constexpr int kLeaseMarginSeconds = 60;

} // namespace

MailDispatcher::Options MailDispatcher::Options::fromConfig(const Config &config)
{
    Options o;
    o.smtp.host = config.smtpHost;
    o.smtp.port = config.smtpPort;
    o.smtp.user = config.smtpUser;
    o.smtp.password = config.smtpPassword;
    o.smtp.security = config.smtpSecurity;
    o.smtp.caFile = config.smtpCaFile;
    o.smtp.timeoutSeconds = config.smtpTimeoutSeconds;
    o.fromAddress = config.fromEmail;
    o.fromName = config.fromName;
    o.pollSeconds = config.mailPollSeconds;
    o.retrySeconds = config.mailRetrySeconds;
    o.maxRetrySeconds = qMax(3600, config.mailRetrySeconds);
    o.maxAttempts = config.mailMaxAttempts;
    return o;
}

MailDispatcher::MailDispatcher(Database &db, Options options, QObject *parent)
    : QObject(parent),
      m_db(db),
      m_options(std::move(options)),
      m_sender(m_options.smtp),
      m_token(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MailDispatcher::~MailDispatcher()
{
    stop();
}

void MailDispatcher::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_abortAtMs = 0;
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(QStringLiteral("joxai-mail"));
    m_thread->start();
}

void MailDispatcher::stop()
{
    if (!m_thread)
        return;
    m_abortAtMs = QDateTime::currentMSecsSinceEpoch() + m_options.stopGraceMs;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wakeUp.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void MailDispatcher::wake()
{
    QMutexLocker lock(&m_mutex);
    m_woken = true;
    m_wakeUp.wakeAll();
}

int MailDispatcher::backoffSeconds(int failedAttempts, int retrySeconds, int maxRetrySeconds)
{
    qint64 delay = qMax(1, retrySeconds);
    for (int i = 1; i < failedAttempts && delay < maxRetrySeconds; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, maxRetrySeconds));
}

void MailDispatcher::loop()
{
    // smtp:// alone would read as clear text: say when STARTTLS is required.
    qCInfo(lcMail).noquote() << "delivering the mail outbox through" << m_sender.url(QString()).chopped(1)
                             << (m_options.smtp.security == QLatin1String("starttls") ? QStringLiteral("with STARTTLS required")
                                 : m_options.smtp.security == QLatin1String("none") ? QStringLiteral("in clear text")
                                                                                      : QStringLiteral("over TLS"))
                             << (m_options.smtp.user.isEmpty() ? QStringLiteral("without login")
                                                               : QStringLiteral("as ") + m_options.smtp.user);
    if (sendsPasswordInClear(m_options.smtp))
        qCWarning(lcMail).noquote() << "JOXAI_SMTP_SECURITY=none: the SMTP password for" << m_options.smtp.user
                                    << "goes to" << m_options.smtp.host
                                    << "unencrypted; use starttls or tls unless that network is trusted";
    while (!m_stopping) {
        {
            SqlSession s = m_db.session(); // this thread's own connection, dropped when the thread ends
            pass(s);
        }
        QMutexLocker lock(&m_mutex);
        if (m_woken) {
            // Woken during the pass: look again soon, but let a burst of wakes share one pass.
            QDeadlineTimer gap(kBurstGapMs);
            while (!m_stopping && !gap.hasExpired())
                m_wakeUp.wait(&m_mutex, gap);
        } else if (!m_stopping) {
            m_wakeUp.wait(&m_mutex, QDeadlineTimer(qint64(m_options.pollSeconds) * 1000));
        }
        m_woken = false;
    }
}

void MailDispatcher::pass(SqlSession &s)
{
    while (!m_stopping) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime leaseEnd = now.addSecs(m_options.smtp.timeoutSeconds + kLeaseMarginSeconds);
        auto claimed = MailOutboxStore::claimNext(s, m_token, now, leaseEnd);
        if (!claimed) {
            // Database trouble is logged by the session; the next poll tries again.
            qCDebug(lcMail) << "could not read the outbox:" << claimed.error().detail;
            return;
        }
        if (!claimed->has_value())
            return;
        if (!deliver(s, **claimed))
            return;
    }
}

bool MailDispatcher::deliver(SqlSession &s, const OutboxMail &mail)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!MailMessage::isDeliverableAddress(mail.to)) {
        // No retry can fix the address: failed at once, kept for the record.
        ++m_failed;
        qCWarning(lcMail) << "mail" << mail.id << "has no deliverable address; marked failed";
        auto marked = MailOutboxStore::markFailed(s, mail.id, m_token,
                                                  QStringLiteral("not a deliverable e-mail address"), now, true);
        return marked.ok();
    }
    MailMessage message;
    message.fromAddress = m_options.fromAddress;
    message.fromName = m_options.fromName;
    message.to = mail.to;
    message.subject = mail.subject;
    message.body = mail.body;
    message.date = now;
    message.messageId = MailMessage::outboxMessageId(mail.id, mail.createdAt, m_options.fromAddress);

    const SmtpSender::Attempt attempt = m_sender.send(m_options.fromAddress, mail.to, message.toBytes(), [this] {
        const qint64 at = m_abortAtMs.load();
        return at != 0 && QDateTime::currentMSecsSinceEpoch() >= at;
    });

    switch (attempt.outcome) {
    case SmtpSender::Outcome::Sent: {
        ++m_sent;
        auto marked = MailOutboxStore::markSent(s, mail.id, m_token, QDateTime::currentDateTimeUtc());
        if (!marked) {
            qCWarning(lcMail) << "mail" << mail.id << "was sent but could not be marked sent; it may be sent again";
            return false;
        }
        if (!marked.value())
            qCWarning(lcMail) << "mail" << mail.id << "was sent after its claim lapsed; another sender may repeat it";
        else
            qCInfo(lcMail) << "mail" << mail.id << "sent";
        return true;
    }
    case SmtpSender::Outcome::Aborted: {
        qCInfo(lcMail) << "mail" << mail.id << "interrupted by shutdown; it stays in the outbox";
        auto released = MailOutboxStore::release(s, mail.id, m_token);
        Q_UNUSED(released); // if even this fails, the claim lapses by itself
        return false;
    }
    case SmtpSender::Outcome::Failed:
    case SmtpSender::Outcome::ServerDown:
        break;
    }
    ++m_failed;
    const int failures = mail.attempts + 1;
    const bool giveUp = failures >= m_options.maxAttempts;
    const int wait = backoffSeconds(failures, m_options.retrySeconds, m_options.maxRetrySeconds);
    auto marked = MailOutboxStore::markFailed(s, mail.id, m_token, attempt.error, now.addSecs(wait), giveUp);
    if (giveUp)
        qCWarning(lcMail).noquote() << QStringLiteral("mail %1 failed %2 times; giving up: %3")
                                           .arg(mail.id).arg(failures).arg(attempt.error);
    else
        qCWarning(lcMail).noquote() << QStringLiteral("mail %1 not sent (attempt %2), next try in %3 s: %4")
                                           .arg(mail.id).arg(failures).arg(wait).arg(attempt.error);
    return marked.ok() && attempt.outcome != SmtpSender::Outcome::ServerDown;
}

} // namespace joxai
