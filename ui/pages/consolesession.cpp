#include "ui/pages/consolesession.h"

#include "ui/client/apiclient.h"
#include "ui/client/credentialstore.h"
#include "ui/client/liveevents.h"
#include "ui/client/logging.h"
#include "ui/pages/changepassworddialog.h"
#include "ui/pages/logindialog.h"
#include "ui/pages/mainwindow.h"

#include <QSettings>

namespace joxai::ui {

namespace {

const QString kServer = QStringLiteral("console/server");
const QString kEmail = QStringLiteral("console/email");
const QString kRemember = QStringLiteral("console/remember");

} // namespace

ConsoleSession::ConsoleSession(ApiClient &api, LiveEvents &live, CredentialStore &store, QSettings &settings,
                               QObject *parent)
    : QObject(parent), m_api(api), m_live(live), m_store(store), m_settings(settings)
{
    connect(&m_api, &ApiClient::sessionExpired, this, &ConsoleSession::sessionEnded);
    connect(&m_live, &LiveEvents::sessionExpired, this, &ConsoleSession::sessionEnded);
    connect(&m_api, &ApiClient::passwordChangeRequired, this, [this] {
        if (m_main)
            forcePasswordChange(QString(), QString());
    });
}

ConsoleSession::~ConsoleSession()
{
    delete m_main.data();
    delete m_login.data();
}

MainWindow *ConsoleSession::mainWindow() const
{
    return m_main;
}

LoginDialog *ConsoleSession::loginDialog() const
{
    return m_login;
}

QString ConsoleSession::tokenKey() const
{
    return CredentialStore::tokenKey(m_api.server(), m_settings.value(kEmail).toString());
}

void ConsoleSession::start(const Options &options)
{
    m_options = options;
    const QUrl saved = m_settings.value(kServer).toUrl();
    m_api.setServer(options.serverFixed || saved.isEmpty() ? options.server : saved);
    if (m_settings.value(kRemember).toBool() && !m_settings.value(kEmail).toString().isEmpty())
        tryRemembered();
    else
        showLogin(options.notice);
}

void ConsoleSession::tryRemembered()
{
    m_store.read(tokenKey(), this, [this](const CredentialStore::Outcome &o) {
        if (!o.found) {
            showLogin(o.unavailable ? o.error : m_options.notice);
            return;
        }
        Session s;
        s.token = o.value;
        m_api.setSession(s);
        m_api.me(this, [this](const ApiResult<SessionUser> &me) {
            if (!me.ok()) {
                m_api.clearSession();
                if (me.error.status == 401)
                    m_store.remove(tokenKey(), nullptr, {});
                showLogin(me.error.status == 401 ? tr("Your remembered session has ended. Please sign in again.")
                                                 : me.error.message());
                return;
            }
            Session s = {m_api.token(), {}, *me};
            m_api.setSession(s);
            qCInfo(lcUiClient) << "signed in with the remembered session of" << me->email;
            afterSignIn(QString(), QString());
        });
    });
}

void ConsoleSession::showLogin(const QString &notice)
{
    closeMain();
    if (m_login)
        return;
    m_login = new LoginDialog(m_api, m_store);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    m_login->setServer(m_api.server().isEmpty() ? m_options.server : m_api.server());
    m_login->setServerEditable(!m_options.serverFixed);
    m_login->setRemember(m_settings.value(kRemember, false).toBool());
    const QString email = m_settings.value(kEmail).toString();
    m_login->setEmail(email.isEmpty() ? m_options.email : email);
    m_login->setNotice(notice);
    connect(m_login, &QDialog::rejected, this, &ConsoleSession::quitRequested);
    connect(m_login, &QDialog::accepted, this, [this, dialog = m_login] {
        m_settings.setValue(kServer, m_api.server());
        m_settings.setValue(kEmail, dialog->email());
        m_settings.setValue(kRemember, dialog->remember());
        afterSignIn(dialog->password(), dialog->keychainNote());
    });
    m_login->show();
}

void ConsoleSession::afterSignIn(const QString &password, const QString &keychainNote)
{
    m_ending = false;
    if (m_api.user().mustChangePassword)
        forcePasswordChange(password, keychainNote);
    else
        openMain(keychainNote);
}

void ConsoleSession::forcePasswordChange(const QString &password, const QString &keychainNote)
{
    auto *dialog = new ChangePasswordDialog(m_api, true, m_main);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!password.isEmpty())
        dialog->setCurrentPassword(password);
    connect(dialog, &QDialog::accepted, this, [this, keychainNote] {
        rememberToken(); // the old token was revoked with the change
        if (!m_main)
            openMain(keychainNote);
    });
    connect(dialog, &QDialog::rejected, this, &ConsoleSession::logout);
    dialog->open();
}

void ConsoleSession::rememberToken()
{
    if (m_settings.value(kRemember).toBool())
        m_store.write(tokenKey(), m_api.token(), this, {});
}

void ConsoleSession::openMain(const QString &keychainNote)
{
    m_main = new MainWindow(m_api, m_live);
    m_main->setAttribute(Qt::WA_DeleteOnClose);
    if (!keychainNote.isEmpty())
        m_main->setNote(tr("Sign-in not remembered"), keychainNote);
    connect(m_main, &MainWindow::logoutRequested, this, &ConsoleSession::logout);
    connect(m_main, &MainWindow::languageChosen, this, &ConsoleSession::languageChosen);
    connect(m_main, &MainWindow::changePasswordRequested, this, [this] {
        auto *dialog = new ChangePasswordDialog(m_api, false, m_main);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this] {
            rememberToken();
            // Every other token was revoked: the live channel reconnects with the fresh one.
            m_live.stop();
            m_live.start();
        });
        dialog->open();
    });
    connect(m_main, &QObject::destroyed, this, [this] {
        if (!m_ending && !m_login)
            Q_EMIT quitRequested(); // the window was closed
    });
    m_live.start();
    m_main->show();
    Q_EMIT mainWindowShown(m_main);
}

void ConsoleSession::closeMain()
{
    m_live.stop();
    if (m_main) {
        m_ending = true;
        m_main->close();
        m_main = nullptr;
    }
}

void ConsoleSession::sessionEnded()
{
    if (m_login || m_ending)
        return;
    m_ending = true;
    m_api.clearSession();
    m_store.remove(tokenKey(), nullptr, {});
    showLogin(tr("Your session has ended (it expired, or you signed out elsewhere). Please sign in again."));
}

void ConsoleSession::logout()
{
    m_ending = true;
    m_store.remove(tokenKey(), nullptr, {});
    m_live.stop();
    m_api.logout(this, [this](const ApiReply &) { showLogin(tr("You have signed out.")); });
}

} // namespace joxai::ui
