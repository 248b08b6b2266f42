#pragma once
// The effective configuration of joxai-server, validated once at start-up.
// Sources, later ones win: defaults < joxai.conf < environment < command line (see ConfigLoader).

#include <QString>
#include <QStringList>

namespace joxai {

struct DatabaseTarget
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;      // Sqlite
    QString host;            // Postgres
    int port = 5432;
    QString user;
    QString password;
    QString name;
    QString options;         // libpq "key=value;..." options from the URL query, e.g. sslmode

    bool isPostgres() const { return kind == Kind::Postgres; }
};

struct Config
{
    QString environment = QStringLiteral("development"); // JOXAI_ENV: development | production
    QString bindAddress = QStringLiteral("127.0.0.1");
    int port = 5000;
    QString dataDir;
    QString configFile;        // the joxai.conf that was read, if any

    QString databaseUrl;       // as given (masked when printed)
    DatabaseTarget database;

    QString secretKey;
    bool secretKeyGenerated = false; // kept in <data>/secret_key by the embedded default

    // local | anthropic | openai. Empty = not chosen: ConfigLoader::chooseAiProvider resolves it
    // (AI_PROVIDER when given, else the provider whose key is set, else local); load() does so.
    QString aiProvider;
    QString anthropicApiKey;
    QString openaiApiKey;
    QString anthropicBaseUrl = QStringLiteral("https://api.anthropic.com");
    QString openaiBaseUrl = QStringLiteral("https://api.openai.com/v1");
    QString aiModel;              // empty: the provider's default model
    int aiTimeoutSeconds = 20;    // per attempt
    int aiMaxRetries = 2;         // retries after the first attempt (time-outs, 429, 529, 5xx)
    bool aiStream = true;         // ask remote providers for a streamed (SSE) answer
    int aiMaxTokens = 400;        // upper bound on a reply's length, in tokens
    int aiCacheSeconds = 300;     // identical questions within this window are answered from the cache; 0 = off
    int dashboardCacheSeconds = 5; // a dashboard range's answer is reused for this long (per instance); 0 = off

    int accessTokenExpireHours = 12;
    QStringList corsOrigins;
    QString logLevel = QStringLiteral("info");
    QString logFormat = QStringLiteral("text"); // text | json
    bool logAccess = true;        // one info line per answered request (LOG_ACCESS)

    QString smtpHost;
    int smtpPort = 587;
    QString smtpUser;
    QString smtpPassword;
    QString smtpSecurity = QStringLiteral("starttls"); // starttls | tls | none
    QString smtpCaFile;           // PEM CA(s) the SMTP server's certificate must chain to; empty: system store
    QString fromEmail = QStringLiteral("support@joxai.local");
    QString fromName = QStringLiteral("JoxAI Support");
    int smtpTimeoutSeconds = 30;  // one delivery attempt, connection included
    int mailPollSeconds = 10;     // how often the outbox is checked (enqueued mail also wakes it)
    int mailRetrySeconds = 30;    // first back-off after a failed attempt; doubles, capped at 1 h
    int mailMaxAttempts = 20;     // after this many failed attempts a mail is marked failed

    int rateLimitAuth = 5;        // per minute; 0 = off
    int rateLimitChat = 20;
    int rateLimitChatStart = 10;
    int rateLimitApi = 30;
    int loginMaxFailures = 5;
    int loginLockoutMinutes = 15;

    int workerThreads = 4;        // database pool
    int bcryptThreads = 0;        // password hashing pool, kept apart so logins never starve others;
                                  // 0 = one thread per core (ConfigLoader resolves it)
    int bcryptCost = 12;
    qint64 maxBodyBytes = 1024 * 1024;
    // Connection guards (GuardedTcpServer): QHttpServer 6.4 has none of its own.
    int maxConnectionsPerAddress = 256; // open HTTP connections per client address; 0 = no cap
    int maxHeaderBytes = 16 * 1024;     // request line + headers (431 beyond)
    int idleTimeoutSeconds = 60;        // a keep-alive connection with nothing to do is closed
    int requestTimeoutSeconds = 30;     // a started request must be complete by then (408)
    QString trustedProxies;             // X-Forwarded-For is believed only from these (TrustedProxies)
    int shutdownGraceSeconds = 30;      // SIGTERM: time to finish requests in flight before exiting
    // Direct TLS (TlsCredentials): both set → the port speaks only https/wss; both empty → plain.
    QString tlsCertPath; // PEM: the server certificate first, then any intermediates
    QString tlsKeyPath;  // PEM: its private key (RSA or EC), unencrypted
    bool tlsEnabled() const { return !tlsCertPath.isEmpty() && !tlsKeyPath.isEmpty(); }

    int wsMaxPerUser = 5;          // staff sockets one user may hold open (4429 beyond)
    int wsMaxAgents = 20000;       // staff sockets all agents together may hold open
    int wsMaxSupervisors = 2000;   // … all supervisors together
    int wsMaxAdmins = 500;         // … all admins together
    int wsHeartbeatSeconds = 30;   // server pings; a socket silent for 3 heartbeats is closed
    int wsRevalidateSeconds = 30;  // how often open sockets' tokens are checked for revocation
    int eventRetentionDays = 7;

    QString widgetIdentitySecret;
    QString adminEmail = QStringLiteral("admin@joxai.com");      // first run only
    QString adminPassword = QStringLiteral("admin123");          // first run only

    bool isProduction() const { return environment == QLatin1String("production"); }
};

} // namespace joxai
