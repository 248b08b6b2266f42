#include "server/config/configloader.h"

#include "server/config/trustedproxies.h"
#include "server/core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace joxai {

namespace {

using Setter = std::function<QString(Config &, const QString &)>; // returns a problem, or empty
using Getter = std::function<QString(const Config &)>;

struct Setting
{
    QString name;
    bool secret;
    Setter set;
    Getter get;
};

QString setInt(int &target, const QString &value, int min, int max)
{
    bool ok = false;
    const int v = value.trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max);
    target = v;
    return {};
}

QString setChoice(QString &target, const QString &value, const QStringList &choices)
{
    const QString v = value.trimmed().toLower();
    if (!choices.contains(v))
        return QStringLiteral("must be one of: ") + choices.join(QStringLiteral(", "));
    target = v;
    return {};
}

Setting text(const QString &name, QString Config::*member, bool secret = false)
{
    return {name, secret,
            [member](Config &c, const QString &v) { c.*member = v.trimmed(); return QString(); },
            [member](const Config &c) { return c.*member; }};
}

Setting integer(const QString &name, int Config::*member, int min, int max)
{
    return {name, false,
            [member, min, max](Config &c, const QString &v) { return setInt(c.*member, v, min, max); },
            [member](const Config &c) { return QString::number(c.*member); }};
}

Setting flag(const QString &name, bool Config::*member)
{
    return {name, false,
            [member](Config &c, const QString &v) {
                const QString t = v.trimmed().toLower();
                static const QStringList on = {QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("on"),
                                               QStringLiteral("yes")};
                static const QStringList off = {QStringLiteral("0"), QStringLiteral("false"), QStringLiteral("off"),
                                                QStringLiteral("no")};
                if (!on.contains(t) && !off.contains(t))
                    return QStringLiteral("must be on or off (also 1/0, true/false, yes/no)");
                c.*member = on.contains(t);
                return QString();
            },
            [member](const Config &c) { return c.*member ? QStringLiteral("on") : QStringLiteral("off"); }};
}

Setting choice(const QString &name, QString Config::*member, const QStringList &choices)
{
    return {name, false,
            [member, choices](Config &c, const QString &v) { return setChoice(c.*member, v, choices); },
            [member](const Config &c) { return c.*member; }};
}

const QList<Setting> &settings()
{
    static const QList<Setting> table = {
        choice(QStringLiteral("JOXAI_ENV"), &Config::environment,
               {QStringLiteral("development"), QStringLiteral("production")}),
        {QStringLiteral("JOXAI_BIND"), false,
         [](Config &c, const QString &v) {
             QHostAddress a;
             if (!a.setAddress(v.trimmed()))
                 return QStringLiteral("must be an IP address such as 127.0.0.1 or 0.0.0.0");
             c.bindAddress = v.trimmed();
             return QString();
         },
         [](const Config &c) { return c.bindAddress; }},
        integer(QStringLiteral("JOXAI_PORT"), &Config::port, 0, 65535),
        text(QStringLiteral("JOXAI_DATA_DIR"), &Config::dataDir),
        text(QStringLiteral("DATABASE_URL"), &Config::databaseUrl, true),
        {QStringLiteral("SECRET_KEY"), true,
         [](Config &c, const QString &v) {
             if (v.size() < 32)
                 return QStringLiteral("must be at least 32 characters long (it signs every staff "
                                       "token); generate one with: openssl rand -base64 48");
             c.secretKey = v;
             return QString();
         },
         [](const Config &c) { return c.secretKey; }},
        choice(QStringLiteral("AI_PROVIDER"), &Config::aiProvider,
               {QStringLiteral("local"), QStringLiteral("anthropic"), QStringLiteral("openai")}),
        text(QStringLiteral("ANTHROPIC_API_KEY"), &Config::anthropicApiKey, true),
        text(QStringLiteral("OPENAI_API_KEY"), &Config::openaiApiKey, true),
        text(QStringLiteral("JOXAI_ANTHROPIC_BASE_URL"), &Config::anthropicBaseUrl),
        text(QStringLiteral("JOXAI_OPENAI_BASE_URL"), &Config::openaiBaseUrl),
        text(QStringLiteral("JOXAI_AI_MODEL"), &Config::aiModel),
        integer(QStringLiteral("JOXAI_AI_TIMEOUT_SECONDS"), &Config::aiTimeoutSeconds, 1, 600),
        integer(QStringLiteral("JOXAI_AI_MAX_RETRIES"), &Config::aiMaxRetries, 0, 10),
        integer(QStringLiteral("JOXAI_AI_CACHE_SECONDS"), &Config::aiCacheSeconds, 0, 86400),
        integer(QStringLiteral("JOXAI_DASHBOARD_CACHE_SECONDS"), &Config::dashboardCacheSeconds, 0, 300),
        flag(QStringLiteral("JOXAI_AI_STREAM"), &Config::aiStream),
        integer(QStringLiteral("JOXAI_AI_MAX_TOKENS"), &Config::aiMaxTokens, 16, 8192),
        integer(QStringLiteral("ACCESS_TOKEN_EXPIRE_HOURS"), &Config::accessTokenExpireHours, 1, 720),
        {QStringLiteral("CORS_ORIGINS"), false,
         [](Config &c, const QString &v) {
             QStringList origins;
             for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                 const QString o = part.trimmed();
                 const QUrl u(o);
                 if (o != QLatin1String("*") && (!u.isValid() || u.scheme().isEmpty() || u.host().isEmpty()))
                     return QStringLiteral("must be a comma-separated list of origins such as "
                                           "https://www.bank.example");
                 if (!o.isEmpty())
                     origins << (o.endsWith(QLatin1Char('/')) ? o.chopped(1) : o);
             }
             c.corsOrigins = origins;
             return QString();
         },
         [](const Config &c) { return c.corsOrigins.join(QLatin1Char(',')); }},
        {QStringLiteral("JOXAI_TRUSTED_PROXIES"), false,
         [](Config &c, const QString &v) {
             auto parsed = TrustedProxies::parse(v);
             if (!parsed)
                 return parsed.error().detail;
             c.trustedProxies = v.trimmed();
             return QString();
         },
         [](const Config &c) { return c.trustedProxies; }},
        {QStringLiteral("LOG_LEVEL"), false,
         [](Config &c, const QString &v) {
             if (!isValidLogLevel(v.trimmed()))
                 return QStringLiteral("must be one of: debug, info, warning, error");
             c.logLevel = v.trimmed().toLower();
             return QString();
         },
         [](const Config &c) { return c.logLevel; }},
        choice(QStringLiteral("LOG_FORMAT"), &Config::logFormat, {QStringLiteral("text"), QStringLiteral("json")}),
        flag(QStringLiteral("LOG_ACCESS"), &Config::logAccess),
        text(QStringLiteral("SMTP_HOST"), &Config::smtpHost),
        integer(QStringLiteral("SMTP_PORT"), &Config::smtpPort, 1, 65535),
        text(QStringLiteral("SMTP_USER"), &Config::smtpUser),
        text(QStringLiteral("SMTP_PASSWORD"), &Config::smtpPassword, true),
        choice(QStringLiteral("JOXAI_SMTP_SECURITY"), &Config::smtpSecurity,
               {QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")}),
        {QStringLiteral("SMTP_CA_FILE"), false,
         [](Config &c, const QString &v) {
             // Checked now: a typo would otherwise surface only as failed mail, hours later.
             const QString path = v.trimmed();
             if (!path.isEmpty() && !(QFileInfo(path).isFile() && QFileInfo(path).isReadable()))
                 return QStringLiteral("must be a readable PEM file of CA certificates");
             c.smtpCaFile = path;
             return QString();
         },
         [](const Config &c) { return c.smtpCaFile; }},
        text(QStringLiteral("FROM_EMAIL"), &Config::fromEmail),
        text(QStringLiteral("FROM_NAME"), &Config::fromName),
        integer(QStringLiteral("JOXAI_SMTP_TIMEOUT_SECONDS"), &Config::smtpTimeoutSeconds, 1, 600),
        integer(QStringLiteral("JOXAI_MAIL_POLL_SECONDS"), &Config::mailPollSeconds, 1, 3600),
        integer(QStringLiteral("JOXAI_MAIL_RETRY_SECONDS"), &Config::mailRetrySeconds, 1, 3600),
        integer(QStringLiteral("JOXAI_MAIL_MAX_ATTEMPTS"), &Config::mailMaxAttempts, 1, 1000),
        integer(QStringLiteral("JOXAI_RATE_LIMIT_AUTH"), &Config::rateLimitAuth, 0, 1000000),
        integer(QStringLiteral("JOXAI_RATE_LIMIT_CHAT"), &Config::rateLimitChat, 0, 1000000),
        integer(QStringLiteral("JOXAI_RATE_LIMIT_CHAT_START"), &Config::rateLimitChatStart, 0, 1000000),
        integer(QStringLiteral("JOXAI_RATE_LIMIT_API"), &Config::rateLimitApi, 0, 1000000),
        integer(QStringLiteral("JOXAI_LOGIN_MAX_FAILURES"), &Config::loginMaxFailures, 1, 1000),
        integer(QStringLiteral("JOXAI_LOGIN_LOCKOUT_MINUTES"), &Config::loginLockoutMinutes, 1, 10080),
        integer(QStringLiteral("JOXAI_WORKER_THREADS"), &Config::workerThreads, 1, 256),
        integer(QStringLiteral("JOXAI_BCRYPT_THREADS"), &Config::bcryptThreads, 1, 64),
        integer(QStringLiteral("JOXAI_BCRYPT_COST"), &Config::bcryptCost, 4, 15),
        {QStringLiteral("JOXAI_MAX_BODY_BYTES"), false,
         [](Config &c, const QString &v) {
             bool ok = false;
             const qint64 n = v.trimmed().toLongLong(&ok);
             if (!ok || n < 1024 || n > 64LL * 1024 * 1024)
                 return QStringLiteral("must be a number of bytes from 1024 to 67108864");
             c.maxBodyBytes = n;
             return QString();
         },
         [](const Config &c) { return QString::number(c.maxBodyBytes); }},
        integer(QStringLiteral("JOXAI_MAX_CONNECTIONS_PER_ADDRESS"), &Config::maxConnectionsPerAddress, 0, 1000000),
        integer(QStringLiteral("JOXAI_MAX_HEADER_BYTES"), &Config::maxHeaderBytes, 1024, 1024 * 1024),
        integer(QStringLiteral("JOXAI_IDLE_TIMEOUT_SECONDS"), &Config::idleTimeoutSeconds, 1, 86400),
        integer(QStringLiteral("JOXAI_REQUEST_TIMEOUT_SECONDS"), &Config::requestTimeoutSeconds, 1, 3600),
        integer(QStringLiteral("JOXAI_WS_MAX_PER_USER"), &Config::wsMaxPerUser, 1, 1000),
        integer(QStringLiteral("JOXAI_WS_MAX_AGENTS"), &Config::wsMaxAgents, 1, 1000000),
        integer(QStringLiteral("JOXAI_WS_MAX_SUPERVISORS"), &Config::wsMaxSupervisors, 1, 1000000),
        integer(QStringLiteral("JOXAI_WS_MAX_ADMINS"), &Config::wsMaxAdmins, 1, 1000000),
        integer(QStringLiteral("JOXAI_WS_HEARTBEAT_SECONDS"), &Config::wsHeartbeatSeconds, 1, 3600),
        integer(QStringLiteral("JOXAI_WS_REVALIDATE_SECONDS"), &Config::wsRevalidateSeconds, 1, 3600),
        integer(QStringLiteral("JOXAI_EVENT_RETENTION_DAYS"), &Config::eventRetentionDays, 1, 365),
        integer(QStringLiteral("JOXAI_SHUTDOWN_GRACE_SECONDS"), &Config::shutdownGraceSeconds, 0, 3600),
        text(QStringLiteral("JOXAI_TLS_CERT"), &Config::tlsCertPath),
        text(QStringLiteral("JOXAI_TLS_KEY"), &Config::tlsKeyPath),
        text(QStringLiteral("WIDGET_IDENTITY_SECRET"), &Config::widgetIdentitySecret, true),
        text(QStringLiteral("JOXAI_ADMIN_EMAIL"), &Config::adminEmail),
        text(QStringLiteral("JOXAI_ADMIN_PASSWORD"), &Config::adminPassword, true),
    };
    return table;
}

QString unquote(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
                          || (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
        v = v.mid(1, v.size() - 2);
    return v;
}

// joxai.conf: "NAME=value" lines (the same names as the environment, so /etc/joxai/joxai.env
// serves both systemd and this reader); '#' starts a comment; "export " is tolerated.
Result<QMap<QString, QString>> readConfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                           QStringLiteral("JOXAI_CONFIG: cannot read %1: %2").arg(path, f.errorString()));
    QMap<QString, QString> values;
    int lineNo = 0;
    QTextStream in(&f);
    while (!in.atEnd()) {
        ++lineNo;
        QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString name = eq > 0 ? line.left(eq).trimmed() : QString();
        if (name.isEmpty() || !ConfigLoader::settingNames().contains(name))
            return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                               QStringLiteral("%1:%2: unknown setting '%3'")
                                   .arg(path).arg(lineNo).arg(eq > 0 ? name : line));
        values.insert(name, unquote(line.mid(eq + 1)));
    }
    return values;
}

Error configError(const QString &name, const QString &source, const QString &problem)
{
    return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                       QStringLiteral("%1 (from %2) %3").arg(name, source, problem));
}

QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return (base.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : base)
           + QStringLiteral("/joxai");
}

QString mask(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(unset)") : QStringLiteral("****** (set)");
}

QString maskUrlPassword(const QString &url)
{
    QUrl u(url);
    if (!u.isValid() || u.password().isEmpty())
        return url;
    u.setPassword(QStringLiteral("******"));
    return u.toString();
}

} // namespace

QStringList ConfigLoader::settingNames()
{
    QStringList names;
    for (const Setting &s : settings())
        names << s.name;
    names << QStringLiteral("JOXAI_CONFIG");
    return names;
}

QString ConfigLoader::chooseAiProvider(const Config &config)
{
    if (!config.aiProvider.isEmpty())
        return config.aiProvider;
    if (!config.anthropicApiKey.isEmpty())
        return QStringLiteral("anthropic");
    if (!config.openaiApiKey.isEmpty())
        return QStringLiteral("openai");
    return QStringLiteral("local");
}

Result<DatabaseTarget> ConfigLoader::parseDatabaseUrl(const QString &url, const QString &dataDir)
{
    DatabaseTarget t;
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty()) {
        t.sqlitePath = dataDir + QStringLiteral("/joxai.db");
        return t;
    }
    auto bad = [](const QString &why) {
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"), why);
    };
    if (trimmed.startsWith(QLatin1String("sqlite:"))) {
        // sqlite:///absolute/path.db, sqlite://relative.db or sqlite:relative.db
        QString path = trimmed.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return bad(QStringLiteral("must name a database file, e.g. sqlite:///var/lib/joxai/joxai.db"));
        t.sqlitePath = QDir::isAbsolutePath(path) ? path : QDir(dataDir).filePath(path);
        return t;
    }
    const QUrl u(trimmed, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))
        return bad(QStringLiteral("must start with postgresql://, postgres:// or sqlite:"));
    if (!u.isValid() || u.host().isEmpty())
        return bad(QStringLiteral("is malformed; expected postgresql://user:password@host:port/database"));
    const QString db = u.path().mid(1);
    if (db.isEmpty() || db.contains(QLatin1Char('/')))
        return bad(QStringLiteral("must name the database after the host, e.g. postgresql://joxai@localhost:5432/joxai"));
    t.kind = DatabaseTarget::Kind::Postgres;
    t.host = u.host();
    t.port = u.port(5432);
    if (t.port < 1)
        return bad(QStringLiteral("has an invalid port"));
    t.user = u.userName(QUrl::FullyDecoded);
    t.password = u.password(QUrl::FullyDecoded);
    t.name = db;
    const QUrlQuery q(u);
    QStringList opts;
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        static const QStringList allowed = {QStringLiteral("sslmode"), QStringLiteral("connect_timeout"),
                                            QStringLiteral("application_name"), QStringLiteral("sslrootcert")};
        if (!allowed.contains(item.first))
            return bad(QStringLiteral("has an unsupported option '%1'").arg(item.first));
        opts << item.first + QLatin1Char('=') + item.second;
    }
    t.options = opts.join(QLatin1Char(';'));
    return t;
}

Result<Config> ConfigLoader::load(const QProcessEnvironment &env, const Overrides &cli)
{
    Config config;
    // Where is joxai.conf? --config, JOXAI_CONFIG, or <data dir>/joxai.conf when present.
    const QString dataDirHint = cli.value(QStringLiteral("JOXAI_DATA_DIR"),
                                          env.value(QStringLiteral("JOXAI_DATA_DIR")));
    QString confPath = cli.value(QStringLiteral("JOXAI_CONFIG"), env.value(QStringLiteral("JOXAI_CONFIG")));
    const bool confRequired = !confPath.isEmpty();
    if (confPath.isEmpty())
        confPath = (dataDirHint.isEmpty() ? defaultDataDir() : dataDirHint) + QStringLiteral("/joxai.conf");

    QMap<QString, QString> fromFile;
    if (confRequired || QFileInfo::exists(confPath)) {
        auto read = readConfFile(confPath);
        if (!read)
            return read.error();
        fromFile = read.value();
        config.configFile = QFileInfo(confPath).absoluteFilePath();
    }

    for (const Setting &s : settings()) {
        QString value;
        QString source;
        if (cli.contains(s.name)) {
            value = cli.value(s.name);
            source = QStringLiteral("command line");
        } else if (env.contains(s.name)) {
            value = env.value(s.name);
            source = QStringLiteral("environment");
        } else if (fromFile.contains(s.name)) {
            value = fromFile.value(s.name);
            source = config.configFile;
        } else {
            continue;
        }
        // An empty value means "not set": the default (or the lower source) stays.
        if (value.trimmed().isEmpty())
            continue;
        const QString problem = s.set(config, value);
        if (!problem.isEmpty()) {
            const QString shown = s.secret ? QString() : QStringLiteral("=") + value.trimmed();
            return configError(s.name + shown, source, problem);
        }
    }

    if (config.bcryptThreads == 0)
        config.bcryptThreads = qBound(1, QThread::idealThreadCount(), 8);
    if (config.dataDir.isEmpty())
        config.dataDir = defaultDataDir();
    config.dataDir = QDir(config.dataDir).absolutePath();

    // With no AI_PROVIDER (or an empty one) the provider follows the key that is set.
    config.aiProvider = chooseAiProvider(config);
    if (config.aiProvider == QLatin1String("anthropic") && config.anthropicApiKey.isEmpty())
        return configError(QStringLiteral("AI_PROVIDER=anthropic"), QStringLiteral("configuration"),
                           QStringLiteral("needs ANTHROPIC_API_KEY"));
    if (config.aiProvider == QLatin1String("openai") && config.openaiApiKey.isEmpty()
        && config.openaiBaseUrl.startsWith(QLatin1String("https://api.openai.com")))
        return configError(QStringLiteral("AI_PROVIDER=openai"), QStringLiteral("configuration"),
                           QStringLiteral("needs OPENAI_API_KEY (or JOXAI_OPENAI_BASE_URL for a local model server)"));

    // The files themselves are read and checked at start-up (TlsCredentials::load).
    if (config.tlsCertPath.isEmpty() != config.tlsKeyPath.isEmpty())
        return configError(config.tlsCertPath.isEmpty() ? QStringLiteral("JOXAI_TLS_KEY") : QStringLiteral("JOXAI_TLS_CERT"),
                           QStringLiteral("configuration"),
                           QStringLiteral("is set without %1; set both to serve https, or neither")
                               .arg(config.tlsCertPath.isEmpty() ? QStringLiteral("JOXAI_TLS_CERT")
                                                                 : QStringLiteral("JOXAI_TLS_KEY")));

    auto db = parseDatabaseUrl(config.databaseUrl, config.dataDir);
    if (!db)
        return configError(QStringLiteral("DATABASE_URL"), QStringLiteral("configuration"), db.error().detail);
    config.database = db.value();

    if (config.isProduction() && config.secretKey.isEmpty())
        return configError(QStringLiteral("SECRET_KEY"), QStringLiteral("JOXAI_ENV=production"),
                           QStringLiteral("is required in production; generate one with: openssl rand -base64 48"));
    return config;
}

Status ConfigLoader::prepareDataDir(Config &config)
{
    QDir dir(config.dataDir);
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                           QStringLiteral("JOXAI_DATA_DIR: cannot create %1").arg(config.dataDir));
    QFile::setPermissions(config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!config.secretKey.isEmpty())
        return success();
    if (config.isProduction())
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                           QStringLiteral("SECRET_KEY is required in production"));

    QFile keyFile(dir.filePath(QStringLiteral("secret_key")));
    if (keyFile.exists()) {
        if (!keyFile.open(QIODevice::ReadOnly))
            return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                               QStringLiteral("SECRET_KEY: cannot read %1").arg(keyFile.fileName()));
        const QString key = QString::fromLatin1(keyFile.readAll()).trimmed();
        if (key.size() < 32)
            return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                               QStringLiteral("SECRET_KEY: %1 holds fewer than 32 characters").arg(keyFile.fileName()));
        config.secretKey = key;
        config.secretKeyGenerated = true;
        return success();
    }
    QByteArray raw(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray key = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!keyFile.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !keyFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || keyFile.write(key) != key.size() || !keyFile.flush())
        return Error::make(ErrorKind::Validation, QStringLiteral("invalid_config"),
                           QStringLiteral("SECRET_KEY: cannot write %1").arg(keyFile.fileName()));
    config.secretKey = QString::fromLatin1(key);
    config.secretKeyGenerated = true;
    qCInfo(lcConfig) << "generated a SECRET_KEY and kept it in" << keyFile.fileName();
    return success();
}

QStringList ConfigLoader::describe(const Config &config)
{
    QStringList lines;
    for (const Setting &s : settings()) {
        QString value = s.get(config);
        if (s.name == QLatin1String("DATABASE_URL"))
            value = value.isEmpty() ? QStringLiteral("(unset: SQLite at %1)").arg(config.database.sqlitePath)
                                    : maskUrlPassword(value);
        else if (s.name == QLatin1String("SECRET_KEY"))
            value = config.secretKeyGenerated ? QStringLiteral("****** (generated, kept in the data folder)")
                                              : mask(value);
        else if (s.secret)
            value = mask(value);
        lines << s.name + QLatin1Char('=') + value;
    }
    if (!config.configFile.isEmpty())
        lines << QStringLiteral("JOXAI_CONFIG=") + config.configFile;
    return lines;
}

} // namespace joxai
