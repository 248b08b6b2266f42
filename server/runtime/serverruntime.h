#pragma once
// The composition root of joxai-server: builds every part from a Config, in dependency order,
// and tears them down in the reverse order. Used by app/server, by the tests (a real server on a
// loopback port inside the test process) and, later, by the console's embedded mode.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <memory>

namespace joxai {

class Assistant;
class AuthService;
class CertificateKeeper;
class ChatService;
class ConversationService;
class CustomerSocketHub;
class EscalationService;
class IdentityToken;
class Database;
class EventBus;
class GracefulShutdown;
class GuardedTcpServer;
class StaffSocketHub;
class HttpServer;
class MailDispatcher;
class PasswordHasher;
class RateLimiter;
class Router;
class SecretBox;
class SettingsService;
class TokenService;
class UserService;
struct ApiContext;

class ServerRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerRuntime)

public:
    explicit ServerRuntime(Config config, QObject *parent = nullptr);
    ~ServerRuntime() override;

    // Opens and migrates the database, creates the first admin on an empty one, listens.
    // Errors carry one clear sentence; nothing listens when start() fails.
    Status start();

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    bool seededAdmin() const { return m_seededAdmin; }
    const Config &config() const { return m_config; }
    Database &database() { return *m_db; }
    EventBus &eventBus() { return *m_bus; }
    StaffSocketHub &staffSockets() { return *m_staffSockets; }
    const Router &router() const { return *m_router; } // every route, for the OpenAPI drift test
    MailDispatcher *mailDispatcher() { return m_mail.get(); } // null without SMTP_HOST

    // Graceful shutdown: stop accepting connections, close every WebSocket with 1001 (going away)
    // so clients reconnect to another instance and resync, answer the requests in flight on
    // keep-alive connections with `Connection: close`, and emit drained() once nothing is left
    // to finish or after `grace`. Calling it again does nothing.
    void drain(std::chrono::milliseconds grace);
    bool isDraining() const { return m_shutdown != nullptr; }
    // SIGHUP: re-read JOXAI_TLS_CERT/KEY for new connections (CertificateKeeper::reload); false
    // when TLS is off or the old credentials stay.
    bool reloadTls();

Q_SIGNALS:
    void drained(bool clean);

private:
    void probeDatabase();
    void startMail();
    void housekeeping(); // every minute: rate-limit windows, expired events; daily: retention

    Config m_config;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<SecretBox> m_box;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventBus> m_bus;
    QThreadPool m_bcryptPool;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<IdentityToken> m_identity;
    std::unique_ptr<EscalationService> m_escalation;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<Assistant> m_assistant;
    std::unique_ptr<ApiContext> m_context;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<StaffSocketHub> m_staffSockets;
    std::unique_ptr<CustomerSocketHub> m_customerSockets;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<MailDispatcher> m_mail;
    QTimer m_healthProbe;
    QTimer m_housekeeping;
    QDateTime m_lastRetention; // the customer retention job runs at most once a day
    GuardedTcpServer *m_tcp = nullptr; // owned by m_http
    CertificateKeeper *m_certificates = nullptr; // owned by m_tcp; null without TLS
    GracefulShutdown *m_shutdown = nullptr;
    quint16 m_port = 0;
    bool m_seededAdmin = false;
};

} // namespace joxai
