#include "server/runtime/serverruntime.h"

#include "server/api/apicontext.h"
#include "server/api/auditroutes.h"
#include "server/api/authroutes.h"
#include "server/api/customerroutes.h"
#include "server/api/docsroutes.h"
#include "server/api/analyticsroutes.h"
#include "server/api/cannedresponseroutes.h"
#include "server/api/chatroutes.h"
#include "server/api/conversationroutes.h"
#include "server/api/guardedtcpserver.h"
#include "server/api/certificatekeeper.h"
#include "server/api/healthroutes.h"
#include "server/api/httpserver.h"
#include "server/api/knowledgeroutes.h"
#include "server/api/notificationroutes.h"
#include "server/api/realtimeroutes.h"
#include "server/api/settingsroutes.h"
#include "server/api/ticketroutes.h"
#include "server/api/userroutes.h"
#include "server/api/widgetroutes.h"
#include "server/assistant/assistant.h"
#include "server/assistant/providerfactory.h"
#include "server/auth/identitytoken.h"
#include "server/auth/passwordhasher.h"
#include "server/auth/ratelimiter.h"
#include "server/auth/secretbox.h"
#include "server/auth/tokenservice.h"
#include "server/core/logging.h"
#include "server/mail/maildispatcher.h"
#include "server/realtime/customersockethub.h"
#include "server/realtime/eventbus.h"
#include "server/realtime/staffsockethub.h"
#include "server/runtime/gracefulshutdown.h"
#include "server/services/authservice.h"
#include "server/services/customerservice.h"
#include "server/services/chatservice.h"
#include "server/services/conversationservice.h"
#include "server/services/escalationservice.h"
#include "server/services/settingsservice.h"
#include "server/services/ticketnotifications.h"
#include "server/services/userservice.h"
#include "server/storage/database.h"
#include "server/storage/eventstore.h"
#include "server/storage/knowledgeseeder.h"
#include "server/storage/migrator.h"

#include <QHostAddress>
#include <QTcpServer>

namespace joxai {

ServerRuntime::ServerRuntime(Config config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
    m_hasher = std::make_unique<PasswordHasher>(m_config.bcryptCost);
    m_tokens = std::make_unique<TokenService>(m_config.secretKey.toUtf8(), qint64(m_config.accessTokenExpireHours) * 3600);
    m_box = std::make_unique<SecretBox>(m_config.secretKey.toUtf8());
    m_limiter = std::make_unique<RateLimiter>();
    m_limiter->setLimit(QStringLiteral("auth"), m_config.rateLimitAuth);
    m_limiter->setLimit(QStringLiteral("chat"), m_config.rateLimitChat);
    m_limiter->setLimit(QStringLiteral("chat_start"), m_config.rateLimitChatStart);
    m_limiter->setLimit(QStringLiteral("api"), m_config.rateLimitApi);
    m_db = std::make_unique<Database>(m_config.database, m_config.workerThreads);
    m_bcryptPool.setMaxThreadCount(qMax(1, m_config.bcryptThreads));
    m_bcryptPool.setExpiryTimeout(-1);
    m_auth = std::make_unique<AuthService>(*m_tokens, *m_hasher, *m_box,
                                           AuthPolicy{m_config.loginMaxFailures, m_config.loginLockoutMinutes, 10});
    m_users = std::make_unique<UserService>(*m_auth);
    m_settings = std::make_unique<SettingsService>(*m_box);
    m_identity = std::make_unique<IdentityToken>(m_config.widgetIdentitySecret.toUtf8());
    m_escalation = std::make_unique<EscalationService>();
    m_chat = std::make_unique<ChatService>(*m_identity, *m_escalation);
    m_conversations = std::make_unique<ConversationService>();
    m_assistant = std::make_unique<Assistant>(ProviderFactory::create(m_config), m_config.aiCacheSeconds);
    m_bus = std::make_unique<EventBus>(*m_db);
    m_context = std::make_unique<ApiContext>(ApiContext{m_config, *m_db, m_bcryptPool, *m_auth, *m_users, *m_settings,
                                                        *m_chat, *m_conversations, *m_assistant, *m_bus, *m_limiter});
    m_router = std::make_unique<Router>();
}

ServerRuntime::~ServerRuntime()
{
    m_healthProbe.stop();
    m_housekeeping.stop();
    m_mail.reset(); // lets a send in flight finish briefly; an interrupted one stays pending
    // Work in flight first: a worker that finishes hands its answer to an object on this thread
    // (a connection's reply context, a socket hub), which must still exist while it does. No new
    // work starts meanwhile: this thread is here, not in its event loop. Answers still queued
    // for those objects are dropped with them.
    m_bcryptPool.waitForDone();
    m_db->waitForIdle();
    // AI provider calls still waiting (a grace that ran out) hold their requests' replies, which
    // count themselves out of the HTTP server's metrics when dropped: drop them while it exists.
    m_assistant.reset();
    m_http.reset(); // stop accepting; open connections close
    m_staffSockets.reset();
    m_customerSockets.reset();
}

QString ServerRuntime::baseUrl() const
{
    QString host = m_config.bindAddress;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const QString scheme = m_config.tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(m_port);
}

Status ServerRuntime::start()
{
    if (auto up = m_db->probe(); !up)
        return up;
    SqlSession s = m_db->session();
    auto migrated = Migrator().migrate(s);
    if (!migrated)
        return migrated.error();
    auto seeded = m_auth->seedFirstAdmin(s, m_config.adminEmail, m_config.adminPassword);
    if (!seeded)
        return seeded.error();
    m_seededAdmin = seeded.value();
    // The default knowledge base, into an empty knowledge table only (KnowledgeSeeder).
    if (auto knowledge = KnowledgeSeeder::seed(s); !knowledge)
        return knowledge.error();

    if (auto bus = m_bus->start(); !bus)
        return bus;
    StaffSocketHub::Limits socketLimits;
    socketLimits.perUser = m_config.wsMaxPerUser;
    socketLimits.perRole = {{Role::Agent, m_config.wsMaxAgents},
                            {Role::Supervisor, m_config.wsMaxSupervisors},
                            {Role::Admin, m_config.wsMaxAdmins}};
    socketLimits.heartbeatSeconds = m_config.wsHeartbeatSeconds;
    socketLimits.idleSeconds = 3 * m_config.wsHeartbeatSeconds;
    socketLimits.revalidateSeconds = m_config.wsRevalidateSeconds;
    m_staffSockets = std::make_unique<StaffSocketHub>(*m_tokens, *m_auth, *m_db, *m_bus, socketLimits);

    // The loader validated the list; a Config built in code with a bad one trusts nobody.
    const auto proxies = TrustedProxies::parse(m_config.trustedProxies);
    m_http = std::make_unique<HttpServer>(*m_router, *m_tokens, *m_limiter,
                                          HttpServer::Limits{m_config.maxBodyBytes, m_config.corsOrigins,
                                                             proxies ? proxies.value() : TrustedProxies()});
    installHealthRoutes(*m_router, *m_context, m_http->metrics());
    installAuthRoutes(*m_router, *m_context);
    installChatRoutes(*m_router, *m_context);
    installConversationRoutes(*m_router, *m_context);
    installNotificationRoutes(*m_router, *m_context);
    installCannedResponseRoutes(*m_router, *m_context);
    installAnalyticsRoutes(*m_router, *m_context);
    installUserRoutes(*m_router, *m_context);
    installAuditRoutes(*m_router, *m_context);
    installSettingsRoutes(*m_router, *m_context);
    installRealtimeRoutes(*m_router, *m_context, *m_staffSockets);
    installKnowledgeRoutes(*m_router, *m_context);
    installTicketRoutes(*m_router, *m_context);
    installCustomerRoutes(*m_router, *m_context);
    installWidgetRoutes(*m_router, *m_context);
    installDocsRoutes(*m_router, *m_context);
    m_http->addWebSocketPath(QStringLiteral("/api/v1/ws"), [this](QWebSocket *ws) { m_staffSockets->accept(ws); });
    CustomerSocketHub::Limits customerLimits;
    customerLimits.heartbeatSeconds = m_config.wsHeartbeatSeconds;
    customerLimits.idleSeconds = 3 * m_config.wsHeartbeatSeconds;
    m_customerSockets = std::make_unique<CustomerSocketHub>(*m_chat, *m_db, *m_bus, customerLimits);
    m_http->addWebSocketPath(QStringLiteral("/api/v1/chat/ws"), [this](QWebSocket *ws) { m_customerSockets->accept(ws); });

    Database *db = m_db.get();
    m_http->metrics().addGauge("joxai_db_workers_busy", "Database worker threads at work.",
                               [db] { return double(db->activeWorkers()); });
    m_http->metrics().addGauge("joxai_db_workers_max", "Database worker threads available.",
                               [db] { return double(db->maxWorkers()); });
    StaffSocketHub *hub = m_staffSockets.get();
    m_http->metrics().addGauge("joxai_websockets_open", "Staff WebSockets open.",
                               [hub] { return double(hub->connectionCount()); });
    m_http->metrics().addGauge("joxai_db_up", "1 when the database answers.",
                               [db] { return db->isHealthy() ? 1.0 : 0.0; });

    // Our own listening socket, so every connection is guarded before QHttpServer parses it.
    GuardedTcpServer::Limits guard;
    guard.maxConnectionsPerAddress = m_config.maxConnectionsPerAddress;
    guard.maxHeaderBytes = m_config.maxHeaderBytes;
    guard.maxBodyBytes = m_config.maxBodyBytes;
    guard.idleTimeoutSeconds = m_config.idleTimeoutSeconds;
    guard.requestTimeoutSeconds = m_config.requestTimeoutSeconds;
    auto *tcp = new GuardedTcpServer(guard, m_http.get());
    if (m_config.tlsEnabled()) {
        auto *keeper = new CertificateKeeper(m_config.tlsCertPath, m_config.tlsKeyPath, *tcp, tcp);
        if (auto tls = keeper->start(); !tls) {
            m_http.reset();
            return tls;
        }
        m_certificates = keeper;
        m_http->metrics().addGauge("joxai_tls_certificate_expiry_seconds",
                                   "Seconds until the served TLS certificate expires (negative once it has).",
                                   [keeper] { return double(keeper->secondsUntilExpiry()); });
    }
    if (tcp->listen(QHostAddress(m_config.bindAddress), quint16(m_config.port))) {
        m_http->bind(tcp);
        m_tcp = tcp;
        m_port = tcp->serverPort();
        m_http->metrics().addGauge("joxai_http_connections_open", "HTTP connections open (WebSockets excluded).",
                                   [tcp] { return double(tcp->openConnections()); });
    } else {
        m_port = 0;
    }
    if (m_port == 0) {
        m_http.reset();
        m_certificates = nullptr; // went with the socket
        return Error::make(ErrorKind::Unavailable, QStringLiteral("listen_failed"),
                           QStringLiteral("cannot listen on %1:%2 (is another server using the port?)")
                               .arg(m_config.bindAddress).arg(m_config.port));
    }

    // Keep /health truthful without a query per request: probe now and then, often while down.
    connect(&m_healthProbe, &QTimer::timeout, this, &ServerRuntime::probeDatabase);
    m_healthProbe.start(2000);
    connect(&m_housekeeping, &QTimer::timeout, this, &ServerRuntime::housekeeping);
    m_housekeeping.start(60 * 1000);
    startMail();
    return success();
}

void ServerRuntime::drain(std::chrono::milliseconds grace)
{
    if (m_shutdown || !m_http)
        return;
    qCInfo(lcServer) << "draining: no new connections; finishing what is in flight for up to"
                     << grace.count() << "ms";
    m_healthProbe.stop();
    m_housekeeping.stop();
    if (m_tcp)
        m_tcp->close();
    m_http->setDraining(true);
    const QString bye = QStringLiteral("The server is restarting; reconnect.");
    m_staffSockets->closeAll(1001, bye);
    m_customerSockets->closeAll(1001, bye);

    m_shutdown = new GracefulShutdown(this);
    HttpServer *http = m_http.get();
    m_shutdown->addIdleCheck([http] {
        const int n = http->metrics().requestsInFlight();
        return n > 0 ? QStringLiteral("%1 request(s) in flight").arg(n) : QString();
    });
    if (GuardedTcpServer *tcp = m_tcp) {
        m_shutdown->addIdleCheck([tcp] {
            const int n = tcp->connectionsWriting();
            return n > 0 ? QStringLiteral("%1 answer(s) still being written").arg(n) : QString();
        });
    }
    Database *db = m_db.get();
    m_shutdown->addIdleCheck([db] {
        const int n = db->activeWorkers();
        return n > 0 ? QStringLiteral("%1 database worker(s) busy").arg(n) : QString();
    });
    QThreadPool *bcrypt = &m_bcryptPool;
    m_shutdown->addIdleCheck([bcrypt] {
        const int n = bcrypt->activeThreadCount();
        return n > 0 ? QStringLiteral("%1 password check(s) running").arg(n) : QString();
    });
    connect(m_shutdown, &GracefulShutdown::finished, this, [this](bool clean, const QStringList &busy) {
        if (clean)
            qCInfo(lcServer) << "drained: every request answered";
        else
            qCWarning(lcServer) << "grace period over; cut off:" << busy.join(QStringLiteral(", "));
        Q_EMIT drained(clean);
    });
    m_shutdown->start(grace);
}

bool ServerRuntime::reloadTls()
{
    if (!m_certificates) {
        qCInfo(lcServer) << "reload requested; TLS is off (JOXAI_TLS_CERT/KEY unset), nothing to reload";
        return false;
    }
    return m_certificates->reload();
}

void ServerRuntime::startMail()
{
    if (m_config.smtpHost.isEmpty()) {
        qCInfo(lcMail) << "SMTP_HOST is not set: e-mails are kept in the outbox, none is sent";
        return;
    }
    m_mail = std::make_unique<MailDispatcher>(*m_db, MailDispatcher::Options::fromConfig(m_config));
    // Mail is enqueued with the notification or close that causes it: those events wake the sender.
    connect(m_bus.get(), &EventBus::eventReady, m_mail.get(), [mail = m_mail.get()](const Event &e) {
        if (e.type == QLatin1String("notification.created") || e.type == QLatin1String("conversation.updated"))
            mail->wake();
    });
    m_mail->start();
}

void ServerRuntime::housekeeping()
{
    m_limiter->prune();
    // Events are kept for replay (/api/v1/events) for JOXAI_EVENT_RETENTION_DAYS, then dropped.
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-m_config.eventRetentionDays);
    m_db->run<qint64>(this, [before](SqlSession &s) { return EventStore::pruneBefore(s, before); },
                      [](Result<qint64> removed) {
        if (!removed)
            qCWarning(lcStorage) << "event pruning failed:" << removed.error().detail;
        else if (removed.value() > 0)
            qCInfo(lcStorage) << "pruned" << removed.value() << "expired events";
    });
    // Closed conversations older than the retention setting are anonymised, at most once a day.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_lastRetention.isValid() || m_lastRetention.secsTo(now) >= 24 * 3600) {
        m_lastRetention = now;
        m_db->run<AnonymisedCounts>(this, [now](SqlSession &s) { return CustomerService::applyRetention(s, now); },
                                    [](Result<AnonymisedCounts> done) {
            if (!done)
                qCWarning(lcStorage) << "retention job failed:" << done.error().detail;
            else if (done->conversations > 0)
                qCInfo(lcStorage) << "retention: anonymised" << done->conversations << "closed conversations";
        });
    }
    // Tickets past their due time are announced once (to the assignee, or to supervisors while
    // nobody has the ticket); the bus delivers the notifications right away.
    m_db->run<int>(this, [now](SqlSession &s) { return TicketNotifications::announceBreaches(s, now); },
                   [this](Result<int> done) {
        if (!done)
            qCWarning(lcStorage) << "SLA breach notices failed:" << done.error().detail;
        else if (done.value() > 0 && m_bus)
            m_bus->kick();
    });
}

void ServerRuntime::probeDatabase()
{
    m_db->run<bool>(this, [](SqlSession &s) -> Result<bool> {
        auto one = s.scalar(QStringLiteral("SELECT 1"));
        if (!one)
            return one.error();
        return true;
    }, [](Result<bool> r) {
        if (!r)
            qCDebug(lcStorage) << "database probe failed:" << r.error().detail;
    });
}

} // namespace joxai
