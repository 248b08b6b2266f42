#include "ui/pages/settingspage.h"

#include "ui/client/apiclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {

const QStringList kRoles = {QStringLiteral("agent"), QStringLiteral("supervisor"), QStringLiteral("admin")};
const QStringList kPriorities = {QStringLiteral("urgent"), QStringLiteral("high"), QStringLiteral("normal"),
                                 QStringLiteral("low")};
const QStringList kSecrets = {QStringLiteral("anthropic_api_key"), QStringLiteral("openai_api_key"),
                              QStringLiteral("smtp_password")};

QLabel *messageLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    l->hide();
    return l;
}

} // namespace

SettingsPage::SettingsPage(ApiClient &api, QWidget *parent) : Page(parent), m_api(api), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildPersonal(), tr("&Personal"));
    m_tabs->addTab(buildSecurity(), tr("Se&curity"));
    m_systemTab = buildSystem();
    m_tabs->addTab(m_systemTab, tr("S&ystem"));
    m_tabs->setTabVisible(2, m_api.user().isAdmin());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Settings</h2>"), this));
    layout->addWidget(m_tabs, 1);
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::setMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    label->setVisible(!text.isEmpty());
}

QWidget *SettingsPage::buildPersonal()
{
    auto *w = new QWidget(this);
    m_language = new QComboBox(w);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_theme = new QComboBox(w);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Like the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_desktopNotifications = new QCheckBox(tr("Show desktop &notifications"), w);
    m_desktopNotifications->setObjectName(QStringLiteral("desktopNotificationsCheck"));
    m_sound = new QCheckBox(tr("Play a &sound for new work"), w);
    m_sound->setObjectName(QStringLiteral("soundCheck"));
    m_personalMessage = messageLabel(w, "personalMessage");
    auto *save = new QPushButton(tr("&Save"), w);
    save->setObjectName(QStringLiteral("savePersonalButton"));
    connect(save, &QPushButton::clicked, this, &SettingsPage::savePersonal);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote = new QLabel(tr("The console uses the new language from its next start."), w);
    languageNote->setEnabled(false);
    form->addRow(QString(), languageNote);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(QString(), m_desktopNotifications);
    form->addRow(QString(), m_sound);
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(form);
    layout->addWidget(m_personalMessage);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(save);
    layout->addLayout(row);
    layout->addStretch();
    return w;
}

QWidget *SettingsPage::buildSecurity()
{
    auto *w = new QWidget(this);
    auto *password = new QGroupBox(tr("Password"), w);
    auto *change = new QPushButton(tr("C&hange password…"), password);
    change->setObjectName(QStringLiteral("changePasswordButton"));
    connect(change, &QPushButton::clicked, this, &SettingsPage::changePasswordRequested);
    auto *pl = new QHBoxLayout(password);
    pl->addWidget(new QLabel(tr("Changing your password signs you out on every other device."), password), 1);
    pl->addWidget(change);

    auto *twoFactor = new QGroupBox(tr("Two-factor sign-in"), w);
    m_twoFactorState = new QLabel(twoFactor);
    m_twoFactorState->setObjectName(QStringLiteral("twoFactorState"));
    m_twoFactorState->setWordWrap(true);
    m_setUp = new QPushButton(tr("Set &up…"), twoFactor);
    m_setUp->setObjectName(QStringLiteral("setUpTwoFactorButton"));
    m_otpauth = new QLabel(twoFactor);
    m_otpauth->setObjectName(QStringLiteral("otpauthLabel"));
    m_otpauth->setWordWrap(true);
    m_otpauth->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_otpauth->hide();
    m_code = new QLineEdit(twoFactor);
    m_code->setObjectName(QStringLiteral("twoFactorCodeEdit"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setMaxLength(8);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,8}")), m_code));
    m_enable = new QPushButton(tr("Turn &on"), twoFactor);
    m_enable->setObjectName(QStringLiteral("enableTwoFactorButton"));
    m_disable = new QPushButton(tr("Turn o&ff"), twoFactor);
    m_disable->setObjectName(QStringLiteral("disableTwoFactorButton"));
    connect(m_setUp, &QPushButton::clicked, this, &SettingsPage::setUpTwoFactor);
    connect(m_enable, &QPushButton::clicked, this, [this] { enableTwoFactor(m_code->text()); });
    connect(m_disable, &QPushButton::clicked, this, [this] { disableTwoFactor(m_code->text()); });
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(new QLabel(tr("Code from your app:"), twoFactor));
    codeRow->addWidget(m_code);
    codeRow->addWidget(m_enable);
    codeRow->addWidget(m_disable);
    codeRow->addStretch();
    auto *tl = new QVBoxLayout(twoFactor);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_twoFactorState, 1);
    stateRow->addWidget(m_setUp);
    tl->addLayout(stateRow);
    tl->addWidget(m_otpauth);
    tl->addLayout(codeRow);

    m_securityMessage = messageLabel(w, "securityMessage");
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(password);
    layout->addWidget(twoFactor);
    layout->addWidget(m_securityMessage);
    layout->addStretch();
    showTwoFactor();
    return w;
}

QWidget *SettingsPage::buildSystem()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *w = new QWidget(scroll);
    scroll->setWidget(w);

    m_fourEyes = new QCheckBox(tr("Knowledge changes need a second person's &approval (four eyes)"), w);
    m_fourEyes->setObjectName(QStringLiteral("fourEyesCheck"));
    auto *roles = new QHBoxLayout;
    const QStringList roleTitles = {tr("Agents"), tr("Supervisors"), tr("Administrators")};
    for (int i = 0; i < kRoles.size(); ++i) {
        auto *box = new QCheckBox(roleTitles.at(i), w);
        box->setObjectName(QStringLiteral("require2fa_") + kRoles.at(i));
        m_require2fa.insert(kRoles.at(i), box);
        roles->addWidget(box);
    }
    roles->addStretch();
    m_retention = new QSpinBox(w);
    m_retention->setObjectName(QStringLiteral("retentionSpin"));
    m_retention->setRange(30, 3650);
    m_retention->setSuffix(tr(" days"));
    m_retention->setMaximumWidth(160);
    auto *sla = new QHBoxLayout;
    const QStringList priorityTitles = {tr("Urgent"), tr("High"), tr("Normal"), tr("Low")};
    for (int i = 0; i < kPriorities.size(); ++i) {
        auto *spin = new QSpinBox(w);
        spin->setObjectName(QStringLiteral("sla_") + kPriorities.at(i));
        spin->setRange(1, 8760);
        spin->setSuffix(tr(" h"));
        m_sla.insert(kPriorities.at(i), spin);
        sla->addWidget(new QLabel(priorityTitles.at(i), w));
        sla->addWidget(spin);
    }
    sla->addStretch();
    m_greetingEn = new QPlainTextEdit(w);
    m_greetingEn->setObjectName(QStringLiteral("greetingEnEdit"));
    m_greetingFr = new QPlainTextEdit(w);
    m_greetingFr->setObjectName(QStringLiteral("greetingFrEdit"));
    for (QPlainTextEdit *e : {m_greetingEn, m_greetingFr}) {
        e->setMaximumHeight(70);
        e->setTabChangesFocus(true);
    }
    m_businessHours = new QLineEdit(w);
    m_businessHours->setObjectName(QStringLiteral("businessHoursEdit"));
    m_provider = new QComboBox(w);
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    m_provider->addItem(tr("As the server is configured"), QString());
    m_provider->addItem(tr("Local (knowledge base only, no network)"), QStringLiteral("local"));
    m_provider->addItem(QStringLiteral("Anthropic"), QStringLiteral("anthropic"));
    m_provider->addItem(tr("OpenAI-compatible"), QStringLiteral("openai"));
    m_provider->setMaximumWidth(420);

    auto *form = new QFormLayout(w);
    form->addRow(QString(), m_fourEyes);
    form->addRow(tr("Two-factor sign-in required for:"), roles);
    form->addRow(tr("Keep closed conversations for:"), m_retention);
    form->addRow(tr("Ticket deadlines by priority:"), sla);
    form->addRow(tr("Assistant greeting (English):"), m_greetingEn);
    form->addRow(tr("Assistant greeting (French):"), m_greetingFr);
    form->addRow(tr("Business hours:"), m_businessHours);
    form->addRow(tr("AI provider:"), m_provider);
    const QStringList secretTitles = {tr("Anthropic API key:"), tr("OpenAI API key:"), tr("SMTP password:")};
    for (int i = 0; i < kSecrets.size(); ++i) {
        SecretField f;
        f.state = new QLabel(w);
        f.state->setObjectName(kSecrets.at(i) + QStringLiteral("_state"));
        f.state->setMinimumWidth(90);
        f.value = new QLineEdit(w);
        f.value->setObjectName(kSecrets.at(i) + QStringLiteral("_edit"));
        f.value->setEchoMode(QLineEdit::Password);
        f.value->setPlaceholderText(tr("Type a new value to replace it"));
        f.remove = new QCheckBox(tr("Remove"), w);
        f.remove->setObjectName(kSecrets.at(i) + QStringLiteral("_remove"));
        connect(f.remove, &QCheckBox::toggled, f.value, &QWidget::setDisabled);
        auto *row = new QHBoxLayout;
        row->addWidget(f.state);
        row->addWidget(f.value, 1);
        row->addWidget(f.remove);
        form->addRow(secretTitles.at(i), row);
        m_secrets.insert(kSecrets.at(i), f);
    }
    m_systemMessage = messageLabel(w, "systemMessage");
    form->addRow(QString(), m_systemMessage);
    auto *save = new QPushButton(tr("&Save system settings"), w);
    save->setObjectName(QStringLiteral("saveSystemButton"));
    connect(save, &QPushButton::clicked, this, &SettingsPage::saveSystem);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(save);
    form->addRow(row);
    return scroll;
}

void SettingsPage::refresh()
{
    m_tabs->setTabVisible(2, m_api.user().isAdmin());
    m_api.get(QStringLiteral("/api/v1/settings"), {}, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            setMessage(m_personalMessage, r.error->message(), true);
            Q_EMIT statusMessage(r.error->message());
            return;
        }
        showPersonal(r.object().value(QStringLiteral("user")).toObject());
        if (r.object().contains(QStringLiteral("system")))
            showSystem(r.object().value(QStringLiteral("system")).toObject());
        showTwoFactor();
        Q_EMIT loadedFromServer();
    });
}

void SettingsPage::showPersonal(const QJsonObject &user)
{
    m_personal = user;
    m_language->setCurrentIndex(qMax(0, m_language->findData(user.value(QStringLiteral("language")).toString())));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(user.value(QStringLiteral("theme")).toString())));
    m_desktopNotifications->setChecked(user.value(QStringLiteral("desktop_notifications")).toBool());
    m_sound->setChecked(user.value(QStringLiteral("sound")).toBool());
}

void SettingsPage::showSystem(const QJsonObject &system)
{
    m_system = system;
    m_fourEyes->setChecked(system.value(QStringLiteral("knowledge_four_eyes")).toBool());
    const QJsonArray required = system.value(QStringLiteral("require_2fa_roles")).toArray();
    for (auto it = m_require2fa.cbegin(); it != m_require2fa.cend(); ++it)
        it.value()->setChecked(required.contains(QJsonValue(it.key())));
    m_retention->setValue(system.value(QStringLiteral("retention_days")).toInt());
    const QJsonObject sla = system.value(QStringLiteral("sla_hours")).toObject();
    for (auto it = m_sla.cbegin(); it != m_sla.cend(); ++it)
        it.value()->setValue(sla.value(it.key()).toInt());
    m_greetingEn->setPlainText(system.value(QStringLiteral("greeting_en")).toString());
    m_greetingFr->setPlainText(system.value(QStringLiteral("greeting_fr")).toString());
    m_businessHours->setText(system.value(QStringLiteral("business_hours")).toString());
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(system.value(QStringLiteral("ai_provider")).toString())));
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it) {
        const bool set = system.value(it.key()).toString() == QLatin1String("set");
        it->state->setText(set ? tr("Set") : tr("Not set"));
        it->state->setStyleSheet(set ? QStringLiteral("font-weight: bold;") : QString());
        it->value->clear();
        it->remove->setChecked(false);
        it->remove->setEnabled(set);
    }
}

void SettingsPage::showTwoFactor()
{
    const SessionUser &u = m_api.user();
    const bool on = u.twoFactorEnabled;
    QString state = on ? tr("Two-factor sign-in is <b>on</b>: you enter a code from your authenticator app "
                            "when you sign in.")
                       : tr("Two-factor sign-in is <b>off</b>.");
    if (!on && u.twoFactorRequired)
        state += QLatin1Char(' ') + tr("Your role requires it: set it up now.");
    m_twoFactorState->setText(state);
    m_setUp->setVisible(!on);
    m_enable->setVisible(!on && m_otpauth->isVisible());
    m_disable->setVisible(on);
    m_code->setEnabled(on || m_otpauth->isVisible());
}

QJsonObject SettingsPage::personalChanges() const
{
    QJsonObject out;
    auto differs = [this, &out](const QString &key, const QJsonValue &value) {
        if (m_personal.value(key) != value)
            out.insert(key, value);
    };
    differs(QStringLiteral("language"), m_language->currentData().toString());
    differs(QStringLiteral("theme"), m_theme->currentData().toString());
    differs(QStringLiteral("desktop_notifications"), m_desktopNotifications->isChecked());
    differs(QStringLiteral("sound"), m_sound->isChecked());
    return out;
}

QJsonObject SettingsPage::systemChanges() const
{
    QJsonObject out;
    auto differs = [this, &out](const QString &key, const QJsonValue &value) {
        if (m_system.value(key) != value)
            out.insert(key, value);
    };
    differs(QStringLiteral("knowledge_four_eyes"), m_fourEyes->isChecked());
    QJsonArray roles;
    for (const QString &r : kRoles)
        if (m_require2fa.value(r)->isChecked())
            roles.append(r);
    // The server keeps its own order; compare as sets.
    QStringList before;
    for (const QJsonValue &v : m_system.value(QStringLiteral("require_2fa_roles")).toArray())
        before << v.toString();
    QStringList after;
    for (const QJsonValue &v : std::as_const(roles))
        after << v.toString();
    before.sort();
    after.sort();
    if (before != after)
        out.insert(QStringLiteral("require_2fa_roles"), roles);
    differs(QStringLiteral("retention_days"), m_retention->value());
    QJsonObject sla;
    for (auto it = m_sla.cbegin(); it != m_sla.cend(); ++it)
        sla.insert(it.key(), it.value()->value());
    differs(QStringLiteral("sla_hours"), sla);
    differs(QStringLiteral("greeting_en"), m_greetingEn->toPlainText());
    differs(QStringLiteral("greeting_fr"), m_greetingFr->toPlainText());
    differs(QStringLiteral("business_hours"), m_businessHours->text());
    const QString provider = m_provider->currentData().toString();
    if (!provider.isEmpty())
        differs(QStringLiteral("ai_provider"), provider);
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        if (it->remove->isChecked())
            out.insert(it.key(), QJsonValue::Null);
        else if (!it->value->text().isEmpty())
            out.insert(it.key(), it->value->text());
    }
    return out;
}

void SettingsPage::savePersonal()
{
    const QJsonObject changes = personalChanges();
    if (changes.isEmpty()) {
        setMessage(m_personalMessage, tr("Nothing has changed."), false);
        return;
    }
    m_api.put(QStringLiteral("/api/v1/settings/me"), changes, this, [this, changes](const ApiReply &r) {
        if (!r.ok()) {
            setMessage(m_personalMessage, r.error->message(), true);
            return;
        }
        showPersonal(r.object().value(QStringLiteral("user")).toObject());
        setMessage(m_personalMessage, tr("Saved."), false);
        Q_EMIT personalSaved(r.object().value(QStringLiteral("user")).toObject());
        if (changes.contains(QStringLiteral("language")))
            Q_EMIT languageChosen(changes.value(QStringLiteral("language")).toString());
    });
}

void SettingsPage::saveSystem()
{
    const QJsonObject changes = systemChanges();
    if (changes.isEmpty()) {
        setMessage(m_systemMessage, tr("Nothing has changed."), false);
        return;
    }
    m_api.put(QStringLiteral("/api/v1/settings/system"), changes, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            QStringList problems;
            for (auto it = r.error->fields.constBegin(); it != r.error->fields.constEnd(); ++it)
                problems << it.key() + QStringLiteral(": ") + it.value().toString();
            setMessage(m_systemMessage,
                       problems.isEmpty() ? r.error->message() : r.error->message() + QLatin1Char('\n') + problems.join(QLatin1Char('\n')),
                       true);
            return;
        }
        showSystem(r.object().value(QStringLiteral("system")).toObject());
        setMessage(m_systemMessage, tr("System settings saved."), false);
    });
}

void SettingsPage::setUpTwoFactor()
{
    m_api.post(QStringLiteral("/api/v1/auth/2fa/setup"), {}, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            setMessage(m_securityMessage, r.error->message(), true);
            return;
        }
        const QString secret = r.object().value(QStringLiteral("secret")).toString();
        const QString uri = r.object().value(QStringLiteral("otpauth_uri")).toString();
        m_otpauth->setText(tr("Add this account to your authenticator app, then enter the code it shows.<br>"
                              "Secret: <b>%1</b><br>Link: <code>%2</code>")
                               .arg(secret.toHtmlEscaped(), uri.toHtmlEscaped()));
        m_otpauth->show();
        setMessage(m_securityMessage, QString(), false);
        showTwoFactor();
        m_code->setFocus();
    });
}

void SettingsPage::enableTwoFactor(const QString &code)
{
    m_api.post(QStringLiteral("/api/v1/auth/2fa/enable"), {{QStringLiteral("otp"), code.trimmed()}}, this,
               [this](const ApiReply &r) {
        if (!r.ok()) {
            setMessage(m_securityMessage, r.error->message(), true);
            return;
        }
        m_otpauth->hide();
        m_code->clear();
        m_api.me(this, [this](const ApiResult<SessionUser> &) {
            showTwoFactor();
            setMessage(m_securityMessage, tr("Two-factor sign-in is now on."), false);
        });
    });
}

void SettingsPage::disableTwoFactor(const QString &code)
{
    m_api.post(QStringLiteral("/api/v1/auth/2fa/disable"), {{QStringLiteral("otp"), code.trimmed()}}, this,
               [this](const ApiReply &r) {
        if (!r.ok()) {
            setMessage(m_securityMessage, r.error->message(), true);
            return;
        }
        m_code->clear();
        m_api.me(this, [this](const ApiResult<SessionUser> &) {
            showTwoFactor();
            setMessage(m_securityMessage, tr("Two-factor sign-in is now off."), false);
        });
    });
}

} // namespace joxai::ui
