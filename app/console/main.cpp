// joxai: the staff console. Command line, language, first-run choice and, in embedded mode, the
// in-process server; everything else lives in ui/.

#include "app/console/desktopidentity.h"
#include "app/console/embeddedserver.h"
#include "app/console/serversecret.h"
#include "server/config/configloader.h"
#include "server/core/version.h"
#include "ui/client/apiclient.h"
#include "ui/client/credentialstore.h"
#include "ui/client/liveevents.h"
#include "ui/pages/consolesession.h"
#include "ui/pages/firstrundialog.h"
#include "ui/pages/language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>

#include <memory>

using namespace joxai;

namespace {

const QString kMode = QStringLiteral("console/mode");
const QString kLanguage = QStringLiteral("console/language");
const QString kEmbedded = QStringLiteral("embedded");
const QString kRemote = QStringLiteral("remote");


} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("JoxAI"));
    QApplication::setApplicationName(QStringLiteral("joxai"));
    QApplication::setApplicationDisplayName(QStringLiteral("JoxAI"));
    QApplication::setApplicationVersion(version());
    console::setDesktopIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("JoxAI staff console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption embedded(QStringLiteral("embedded-server"),
                                      QStringLiteral("Run the JoxAI server inside the console (this computer is the server)."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Address of the JoxAI server to connect to."),
                                    QStringLiteral("url"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Embedded mode: folder for the server's database (JOXAI_DATA_DIR)."),
                                     QStringLiteral("folder"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Embedded mode: port to listen on (default 5000)."),
                                  QStringLiteral("port"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language of the console: en or fr."),
                                  QStringLiteral("code"));
    parser.addOptions({embedded, server, dataDir, port, lang});
    parser.process(app);

    QSettings settings; // preferences only: never a password, token or key
    ui::Language language;
    const QString code = ui::Language::choose(parser.value(lang), settings.value(kLanguage).toString());
    if (!language.install(code) && parser.isSet(lang))
        qWarning("joxai: no translation for \"%s\"; using English", qPrintable(code));

    ui::ApiClient api;
    ui::CredentialStore store;
    ui::LiveEvents live(api);
    ui::ConsoleSession session(api, live, store, settings);
    QObject::connect(&session, &ui::ConsoleSession::quitRequested, &app, &QApplication::quit, Qt::QueuedConnection);
    QObject::connect(&session, &ui::ConsoleSession::languageChosen, &app,
                     [&settings](const QString &chosen) { settings.setValue(kLanguage, chosen); });

    QString mode = parser.isSet(embedded) ? kEmbedded : parser.isSet(server) ? kRemote : settings.value(kMode).toString();
    if (mode != kEmbedded && mode != kRemote) {
        ui::FirstRunDialog first;
        if (first.exec() != QDialog::Accepted)
            return 0;
        mode = first.choice() == ui::FirstRunDialog::Choice::ThisComputer ? kEmbedded : kRemote;
        settings.setValue(kMode, mode);
    }

    if (mode == kRemote) {
        ui::ConsoleSession::Options options;
        options.server = QUrl::fromUserInput(parser.isSet(server) ? parser.value(server) : QStringLiteral("http://127.0.0.1:5000"));
        if (parser.isSet(server))
            settings.remove(QStringLiteral("console/server")); // the command line wins over the last one used
        session.start(options);
        return app.exec();
    }

    // Embedded: the server's settings as joxai-server reads them, plus the command line.
    ConfigLoader::Overrides cli;
    if (parser.isSet(dataDir))
        cli.insert(QStringLiteral("JOXAI_DATA_DIR"), parser.value(dataDir));
    if (parser.isSet(port))
        cli.insert(QStringLiteral("JOXAI_PORT"), parser.value(port));
    auto loaded = ConfigLoader::load(QProcessEnvironment::systemEnvironment(), cli);
    if (!loaded) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("Console", "JoxAI"), QCoreApplication::translate("Console", "The server's configuration is not valid: %1").arg(loaded.error().detail));
        return 2;
    }
    auto config = std::make_shared<Config>(loaded.value());
    std::unique_ptr<console::EmbeddedServer> embeddedServer;
    console::resolveServerSecret(store, *config, [&](const QString &note) {
        if (auto prepared = ConfigLoader::prepareDataDir(*config); !prepared) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("Console", "JoxAI"), QCoreApplication::translate("Console", "The server cannot start: %1").arg(prepared.error().detail));
            QApplication::exit(2);
            return;
        }
        embeddedServer = std::make_unique<console::EmbeddedServer>(*config);
        QObject::connect(embeddedServer.get(), &console::EmbeddedServer::failed, &app, [](const QString &reason) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("Console", "JoxAI"), QCoreApplication::translate("Console", "The server cannot start: %1").arg(reason));
            QApplication::exit(1);
        });
        QObject::connect(embeddedServer.get(), &console::EmbeddedServer::started, &app,
                         [&session, config, note](const QString &baseUrl, bool seeded) {
            ui::ConsoleSession::Options options;
            options.server = QUrl(baseUrl);
            options.serverFixed = true;
            QStringList notices;
            if (seeded) {
                options.email = config->adminEmail;
                notices << QCoreApplication::translate("Console", "First start: sign in as %1 with the password %2; you will then choose your own.")
                               .arg(config->adminEmail, config->adminPassword);
            }
            if (!note.isEmpty())
                notices << note;
            options.notice = notices.join(QStringLiteral("\n\n"));
            session.start(options);
        });
        embeddedServer->start();
    });
    const int status = app.exec();
    live.stop();
    return status;
}
