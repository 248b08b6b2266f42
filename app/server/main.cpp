// joxai-server: command line and start-up; everything else lives in server/.

#include "app/server/datacommands.h"
#include "server/config/configloader.h"
#include "server/core/logging.h"
#include "server/core/timezonefile.h"
#include "server/api/tlscredentials.h"
#include "server/core/version.h"
#include "server/runtime/serverruntime.h"
#include "server/runtime/signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

#include <cstdio>
#include <optional>
#include <sys/resource.h>

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

void fail(const QString &line)
{
    std::fprintf(stderr, "joxai-server: %s\n", qPrintable(line));
}

// Thousands of WebSockets need more than the usual 1,024 descriptors.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    joxai::pinTimeZoneFile();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("joxai-server"));
    QCoreApplication::setApplicationVersion(joxai::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "JoxAI support server: REST API, WebSockets, the assistant and the customer chat widget.\n"
        "Settings come from defaults < joxai.conf < environment < command line; see README.md.\n\n"
        "Commands (the server runs when none is given):\n"
        "  backup FILE                 Copy the configured database into FILE while the server runs\n"
        "                              (SQLite: a consistent snapshot; PostgreSQL: pg_dump -Fc).\n"
        "  restore FILE --yes          Replace the configured database with a backup (server stopped).\n"
        "  migrate-data --to URL       Copy the configured SQLite database into an empty PostgreSQL\n"
        "                              database (postgresql://user:password@host:port/name)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption checkConfig(QStringLiteral("check-config"),
                                         QStringLiteral("Validate the configuration, print it (secrets masked) and exit."));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on (JOXAI_BIND, default 127.0.0.1)."),
                                  QStringLiteral("address"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (JOXAI_PORT, default 5000)."),
                                  QStringLiteral("port"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Folder for the SQLite database and generated secret (JOXAI_DATA_DIR)."),
                                     QStringLiteral("folder"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("A joxai.conf file to read (JOXAI_CONFIG)."),
                                    QStringLiteral("file"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("backup: replace FILE if it exists."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("restore: confirm that the database is replaced."));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("migrate-data: the PostgreSQL database to fill."),
                                QStringLiteral("url"));
    parser.addOptions({checkConfig, bind, port, dataDir, config, force, yes, to});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("backup FILE | restore FILE | migrate-data (see above)."),
                                 QStringLiteral("[command [FILE]]"));
    parser.process(app);

    joxai::ConfigLoader::Overrides cli;
    if (parser.isSet(bind))
        cli.insert(QStringLiteral("JOXAI_BIND"), parser.value(bind));
    if (parser.isSet(port))
        cli.insert(QStringLiteral("JOXAI_PORT"), parser.value(port));
    if (parser.isSet(dataDir))
        cli.insert(QStringLiteral("JOXAI_DATA_DIR"), parser.value(dataDir));
    if (parser.isSet(config))
        cli.insert(QStringLiteral("JOXAI_CONFIG"), parser.value(config));

    // A data command is checked before the configuration, so a typo never starts a server.
    std::optional<joxai::cli::DataCommand> command;
    if (const QStringList args = parser.positionalArguments(); !args.isEmpty()) {
        command = joxai::cli::DataCommand{args.first(), args.value(1), parser.value(to), parser.isSet(force),
                                          parser.isSet(yes)};
        QString why = joxai::cli::checkArguments(*command);
        if (why.isEmpty() && args.size() > (command->name == QLatin1String("migrate-data") ? 1 : 2))
            why = QStringLiteral("too many arguments: ") + args.join(QLatin1Char(' '));
        if (!why.isEmpty()) {
            fail(why);
            return 2;
        }
    }

    auto loaded = joxai::ConfigLoader::load(QProcessEnvironment::systemEnvironment(), cli);
    if (!loaded) {
        fail(QStringLiteral("invalid configuration: ") + loaded.error().detail);
        return 2;
    }
    joxai::Config cfg = loaded.value();
    joxai::applyLogLevel(cfg.logLevel, cfg.logAccess);
    joxai::installLogFormat(cfg.logFormat);

    if (parser.isSet(checkConfig)) {
        say(QStringLiteral("Configuration is valid. Effective settings:"));
        for (const QString &line : joxai::ConfigLoader::describe(cfg))
            say(QStringLiteral("  ") + line);
        if (cfg.secretKey.isEmpty())
            say(QStringLiteral("  (no SECRET_KEY: one will be generated and kept in %1/secret_key)").arg(cfg.dataDir));
        return 0;
    }

    if (auto prepared = joxai::ConfigLoader::prepareDataDir(cfg); !prepared) {
        fail(QStringLiteral("invalid configuration: ") + prepared.error().detail);
        return 2;
    }
    if (command)
        return joxai::cli::runDataCommand(*command, cfg);
    // Unusable certificate files are configuration errors (exit 2), found before anything starts;
    // a certificate outside its dates is not (CertificateKeeper logs it, the server starts).
    if (cfg.tlsEnabled()) {
        if (auto tls = joxai::TlsCredentials::load(cfg.tlsCertPath, cfg.tlsKeyPath); !tls) {
            fail(QStringLiteral("invalid configuration: ") + tls.error().detail);
            return 2;
        }
    }
    raiseFileLimit();

    joxai::ServerRuntime runtime(cfg);
    if (auto started = runtime.start(); !started) {
        fail(QStringLiteral("cannot start: ") + started.error().detail);
        return 1;
    }
    joxai::SignalWatcher signals;
    // First signal: drain (stop accepting, finish what is in flight), then exit 0. A second
    // signal exits at once (SignalWatcher).
    QObject::connect(&runtime, &joxai::ServerRuntime::drained, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&signals, &joxai::SignalWatcher::shutdownRequested, &app, [&runtime, &cfg](int number) {
        qCInfo(lcServer) << "signal" << number << "received, shutting down";
        runtime.drain(std::chrono::seconds(cfg.shutdownGraceSeconds));
    });
    QObject::connect(&signals, &joxai::SignalWatcher::reloadRequested, &runtime, [&runtime] {
        qCInfo(lcServer) << "SIGHUP received, reloading the TLS certificate";
        runtime.reloadTls();
    });

    const QString base = runtime.baseUrl();
    say(QStringLiteral("JoxAI server %1 is running on %2 (%3 database%4)")
            .arg(QCoreApplication::applicationVersion(), base,
                 cfg.database.isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"),
                 cfg.database.isPostgres() ? QString() : QStringLiteral(" at ") + cfg.database.sqlitePath));
    say(QStringLiteral("  health:  %1/health").arg(base));
    say(QStringLiteral("  console: run `joxai` and connect to %1").arg(base));
    if (runtime.seededAdmin())
        say(QStringLiteral("  first run: sign in as %1 with password %2; you will be asked to change it.")
                .arg(cfg.adminEmail, cfg.adminPassword));
    say(QStringLiteral("Press Ctrl+C to stop."));
    return app.exec();
}
