#include "ui/pages/logindialog.h"

#include "ui/client/apiclient.h"
#include "ui/client/credentialstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace joxai::ui {

LoginDialog::LoginDialog(ApiClient &api, CredentialStore &store, QWidget *parent)
    : QDialog(parent), m_api(api), m_store(store), m_notice(new QLabel(this)), m_server(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_password(new QLineEdit(this)), m_otpLabel(new QLabel(tr("One-time &code:"), this)),
      m_otp(new QLineEdit(this)), m_remember(new QCheckBox(tr("&Remember me on this computer"), this)),
      m_error(new QLabel(this)), m_signIn(new QPushButton(tr("&Sign in"), this))
{
    setWindowTitle(tr("Sign in to JoxAI"));
    setObjectName(QStringLiteral("loginDialog"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_otp->setObjectName(QStringLiteral("otpEdit"));
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_notice->setObjectName(QStringLiteral("noticeLabel"));

    m_server->setPlaceholderText(QStringLiteral("http://127.0.0.1:5000"));
    m_email->setPlaceholderText(tr("name@bank.example"));
    m_password->setEchoMode(QLineEdit::Password);
    m_otp->setPlaceholderText(tr("6 digits from your authenticator app"));
    m_otp->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,8}")), m_otp));
    m_otp->setMaxLength(8);
    m_remember->setToolTip(tr("Keeps your session in the system keychain, never in a plain file."));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 6px; border-radius: 4px;"));
    m_error->hide();
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto *title = new QLabel(tr("<h2>JoxAI staff console</h2>"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Se&rver:"), m_server);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_otpLabel, m_otp);
    m_otpLabel->setBuddy(m_otp);
    form->addRow(QString(), m_remember);
    m_otpLabel->hide();
    m_otp->hide();

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toDisplayString());
}

void LoginDialog::setServerEditable(bool editable)
{
    m_server->setReadOnly(!editable);
    m_server->setToolTip(editable ? QString() : tr("This computer is the server."));
}

void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    (email.isEmpty() ? m_email : m_password)->setFocus();
}

void LoginDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember);
}

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QUrl LoginDialog::server() const
{
    return QUrl::fromUserInput(m_server->text().trimmed());
}

QString LoginDialog::email() const
{
    return m_email->text().trimmed();
}

bool LoginDialog::remember() const
{
    return m_remember->isChecked();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

void LoginDialog::signIn()
{
    const QUrl url = server();
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        showError(tr("Enter the server's address, for example http://127.0.0.1:5000."));
        m_server->setFocus();
        return;
    }
    if (email().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your e-mail address and password."));
        (email().isEmpty() ? m_email : m_password)->setFocus();
        return;
    }
    showError(QString());
    setBusy(true);
    m_api.setServer(url);
    m_api.login(email(), m_password->text(), m_otp->isVisible() ? m_otp->text() : QString(), this,
                [this](const ApiResult<Session> &r) {
        setBusy(false);
        if (!r.ok()) {
            if (r.error.code == QLatin1String("otp_required")) {
                const bool first = !m_otp->isVisible();
                m_otpLabel->show();
                m_otp->show();
                m_otp->clear();
                m_otp->setFocus();
                showError(first ? r.error.message() : tr("The one-time code is wrong or has expired."));
                return;
            }
            showError(r.error.message());
            (r.error.isNetwork() ? m_server : m_password)->setFocus();
            if (!r.error.isNetwork())
                m_password->selectAll();
            return;
        }
        finishSignIn();
    });
}

void LoginDialog::finishSignIn()
{
    const QString key = CredentialStore::tokenKey(m_api.server(), email());
    if (!remember()) {
        m_store.remove(key, nullptr, {}); // forget an earlier "remember me"
        accept();
        return;
    }
    setBusy(true);
    m_store.write(key, m_api.token(), this, [this](const CredentialStore::Outcome &o) {
        setBusy(false);
        if (!o.ok)
            m_keychainNote = o.unavailable ? o.error : tr("Your session could not be remembered: %1").arg(o.error);
        accept();
    });
}

} // namespace joxai::ui
