// Renders the console's windows and pages with sample data into PNG files (docs/screenshots/
// console-*.png), against a real server in this process. Run by tests/ui/screenshots.sh.
// Usage: joxai_screenshots <output folder> [--lang fr]

#include "server/auth/identitytoken.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/credentialstore.h"
#include "ui/client/liveevents.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/changepassworddialog.h"
#include "ui/pages/conversationpanel.h"
#include "ui/pages/conversationspage.h"
#include "ui/pages/customerdetail.h"
#include "ui/pages/customerspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/knowledgeeditor.h"
#include "ui/pages/knowledgepage.h"
#include "ui/pages/knowledgesearchpanel.h"
#include "ui/pages/firstrundialog.h"
#include "ui/pages/language.h"
#include "ui/pages/logindialog.h"
#include "ui/pages/mainwindow.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/ticketdetail.h"
#include "ui/pages/ticketspage.h"
#include "ui/pages/userdialogs.h"
#include "ui/pages/userspage.h"
#include "ui/client/notificationcenter.h"
#include "ui/widgets/notificationbell.h"
#include "ui/models/auditmodel.h"
#include "ui/models/customersmodel.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/knowledgemodel.h"
#include "ui/models/ticketsmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/models/usersmodel.h"

#include <QApplication>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;

namespace {

QString g_out;
QString g_suffix;
const QByteArray kIdentitySecret = QByteArrayLiteral("screenshots-identity-secret");

void waitFor(const std::function<bool()> &done, const char *what)
{
    if (!QTest::qWaitFor(done, 10000))
        qFatal("timed out waiting for %s", what);
}

void save(QWidget *w, const QString &name)
{
    w->show();
    w->raise();
    QTest::qWait(300);
    const QString path = QDir(g_out).filePath(QStringLiteral("console-%1%2.png").arg(name, g_suffix));
    if (!w->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    std::printf("wrote %s\n", qPrintable(path));
}

void sampleData(HttpClient &http, const QString &admin)
{
    const QList<QPair<QString, QString>> people = {
        {QStringLiteral("Claire Martin"), QStringLiteral("supervisor")}, {QStringLiteral("Youssef Benali"), QStringLiteral("agent")},
        {QStringLiteral("Sofia Rossi"), QStringLiteral("agent")},        {QStringLiteral("Lucas Bernard"), QStringLiteral("agent")},
        {QStringLiteral("Amina Diallo"), QStringLiteral("supervisor")},  {QStringLiteral("Thomas Leroy"), QStringLiteral("agent")},
    };
    for (const auto &[name, role] : people) {
        const QString email = name.split(QLatin1Char(' ')).first().toLower() + QStringLiteral("@bank.example");
        const QString token = http.createStaff(admin, email, role);
        http.patch(QStringLiteral("/api/v1/users/%1").arg(http.get(QStringLiteral("/api/v1/users?q=") + email, admin)
                                                              .items().first().toObject().value(QStringLiteral("id")).toInteger()),
                   {{QStringLiteral("full_name"), name}}, admin);
        Q_UNUSED(token)
    }
    http.post(QStringLiteral("/api/v1/users"), {{QStringLiteral("email"), QStringLiteral("new.agent@bank.example")},
                                                {QStringLiteral("full_name"), QStringLiteral("Nadia Petit")},
                                                {QStringLiteral("role"), QStringLiteral("agent")}}, admin);
    http.login(QStringLiteral("sofia@bank.example"), QStringLiteral("typo-password"));
    http.login(QStringLiteral("unknown@bank.example"), QStringLiteral("guess"));
    http.put(QStringLiteral("/api/v1/settings/system"), {{QStringLiteral("retention_days"), 400},
                                                         {QStringLiteral("smtp_password"), QStringLiteral("smtp-secret")}}, admin);
}

// Customers talking to the bank: three waiting for a person, one with the assistant; the
// conversation the screenshot opens is taken over and answered, with an internal note.
QString sampleConversations(HttpClient &http, const QString &admin, std::vector<std::unique_ptr<ChatCustomer>> &customers)
{
    const QList<QPair<QString, QString>> talk = {
        {QStringLiteral("Julie Moreau"), QStringLiteral("My card was swallowed by the ATM on rue de Rivoli.")},
        {QStringLiteral("Karim Haddad"), QStringLiteral("I see a payment of 249.90 EUR I did not make.")},
        {QStringLiteral("Emma Laurent"), QStringLiteral("How do I raise my transfer limit?")},
        {QStringLiteral("Hugo Fontaine"), QStringLiteral("What are your opening hours on Saturday?")},
    };
    QString opened;
    for (int i = 0; i < talk.size(); ++i) {
        auto customer = std::make_unique<ChatCustomer>(http);
        customer->start(QStringLiteral("en"), {{QStringLiteral("customer_name"), talk.at(i).first},
                                               {QStringLiteral("customer_email"), QString(talk.at(i).first.split(QLatin1Char(' ')).first().toLower()
                                                                                              + QStringLiteral("@mail.example"))}});
        customer->say(talk.at(i).second);
        if (i < 3)
            customer->escalate(QStringLiteral("I would like to talk to a person"));
        if (i == 1) {
            opened = customer->conversationId();
            const QString base = QStringLiteral("/api/v1/conversations/") + opened;
            http.post(base + QStringLiteral("/takeover"), {}, admin);
            http.post(base + QStringLiteral("/messages"),
                      {{QStringLiteral("body"), QStringLiteral("Hello Karim, I am looking at your account now. I have blocked the card "
                                                               "to be safe.")}}, admin);
            http.post(base + QStringLiteral("/messages"),
                      {{QStringLiteral("body"), QStringLiteral("Card ending 4821 blocked at 10:12; dispute form to follow.")},
                       {QStringLiteral("internal"), true}}, admin);
            customer->say(QStringLiteral("Thank you! Will I get the money back?"));
        }
        customers.push_back(std::move(customer));
    }
    return opened;
}

void sampleTickets(HttpClient &http, const QString &admin)
{
    const QList<QPair<QString, QString>> tickets = {
        {QStringLiteral("Dispute: unknown card payment 249.90 EUR"), QStringLiteral("high")},
        {QStringLiteral("Replace card swallowed by ATM"), QStringLiteral("urgent")},
        {QStringLiteral("Raise transfer limit for a small business"), QStringLiteral("normal")},
        {QStringLiteral("Statement missing for October"), QStringLiteral("low")},
        {QStringLiteral("Change of address not applied"), QStringLiteral("normal")},
    };
    for (const auto &[subject, priority] : tickets)
        http.post(QStringLiteral("/api/v1/tickets/"), {{QStringLiteral("subject"), subject}, {QStringLiteral("priority"), priority},
                                                       {QStringLiteral("description"), QStringLiteral("Raised by phone.")}}, admin);
}

// The tickets opened by the fortnight's escalations went their usual ways.
void settleTickets(HttpClient &http, const QString &admin)
{
    const QJsonArray items = http.get(QStringLiteral("/api/v1/tickets/?limit=200&sort=id"), admin).items();
    for (int i = 0; i + 8 < items.size(); ++i) { // the newest stay open for the Tickets page
        const QString status = i % 3 == 0 ? QStringLiteral("closed") : i % 3 == 1 ? QStringLiteral("resolved")
                             : i % 2 == 0 ? QStringLiteral("pending") : QString();
        if (!status.isEmpty())
            http.patch(QStringLiteral("/api/v1/tickets/%1").arg(items.at(i).toObject().value(QStringLiteral("id")).toInteger()),
                       {{QStringLiteral("status"), status}}, admin);
    }
}

// Two weeks of customers for the dashboard: chats that the assistant answered, some handed to a
// person, most closed and some rated; then spread over the last fourteen days in the SQLite file
// (the API only ever creates "now"), so the charts show an ordinary fortnight.
void sampleFortnight(HttpClient &http, TestServer &server)
{
    const QStringList questions = {QStringLiteral("What are your opening hours?"), QStringLiteral("How do I order a new card?"),
                                   QStringLiteral("I lost my card"), QStringLiteral("How do I raise my transfer limit?"),
                                   QStringLiteral("Where is the nearest branch?"), QStringLiteral("I want to talk to a person")};
    for (int i = 0; i < 46; ++i) {
        ChatCustomer c(http);
        c.start(i % 3 == 0 ? QStringLiteral("fr") : QStringLiteral("en"));
        const bool handed = c.say(questions.at(i % questions.size())).json().value(QStringLiteral("escalated")).toBool();
        if (i % 5 == 1)
            c.escalate(QStringLiteral("I would like to talk to a person"));
        if (i % 4 != 3 || i % 5 == 1 || handed) { // no one left waiting from these
            c.close();
            if (i % 3 != 2)
                c.rate(i % 7 == 0 ? 3 : i % 2 == 0 ? 5 : 4);
        }
    }
    const QString path = server.database().target().sqlitePath;
    if (path.isEmpty())
        return; // PostgreSQL: the figures stay on today
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("screenshots"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        // Day shift by id, more customers on weekdays: 0..13 days back, none for the open ones.
        const QString shift = QStringLiteral("'-' || ((id * 5) % 14) || ' days'");
        const QString sql = QStringLiteral(
            "UPDATE conversations SET "
            "created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, %1), "
            "escalated_at = CASE WHEN escalated_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', escalated_at, %1) END, "
            "first_response_at = CASE WHEN first_response_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', first_response_at, %1) END, "
            "closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', closed_at, '+' || (id % 9) || ' minutes', %1) END "
            "WHERE status = 'closed'").arg(shift);
        if (!q.exec(sql))
            qFatal("cannot spread the sample conversations: %s", qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("screenshots"));
}

// Customers of the bank, one of them signed in from online banking with two conversations and on
// legal hold; answers her id.
qint64 sampleCustomers(HttpClient &http, const QString &admin)
{
    const QList<QStringList> people = {
        {QStringLiteral("Camille Durand"), QStringLiteral("camille.durand@mail.example"), QStringLiteral("+33 6 12 34 56 78"), QStringLiteral("CUST-10482")},
        {QStringLiteral("Marc Lefèvre"), QStringLiteral("marc.lefevre@mail.example"), QStringLiteral("+33 6 98 76 54 32"), QStringLiteral("CUST-10517")},
        {QStringLiteral("Aïcha Benhamou"), QStringLiteral("aicha.b@mail.example"), QStringLiteral("+33 7 11 22 33 44"), QStringLiteral("CUST-10533")},
        {QStringLiteral("Peter Novak"), QStringLiteral("p.novak@mail.example"), QString(), QStringLiteral("CUST-10561")},
        {QStringLiteral("Léa Girard"), QStringLiteral("lea.girard@mail.example"), QStringLiteral("+33 1 44 55 66 77"), QStringLiteral("CUST-10588")},
        {QStringLiteral("Samuel Cohen"), QStringLiteral("samuel.cohen@mail.example"), QStringLiteral("+33 6 20 30 40 50"), QStringLiteral("CUST-10602")},
    };
    for (const QStringList &p : people) {
        QJsonObject body{{QStringLiteral("name"), p.at(0)}, {QStringLiteral("email"), p.at(1)}, {QStringLiteral("external_ref"), p.at(3)}};
        if (!p.at(2).isEmpty())
            body.insert(QStringLiteral("phone"), p.at(2));
        http.post(QStringLiteral("/api/v1/customers"), body, admin);
    }
    const IdentityToken bank(kIdentitySecret);
    for (const QString &question : {QStringLiteral("How do I order a new card?"), QStringLiteral("There is a payment I don't recognise")}) {
        ChatCustomer c(http);
        c.start(QStringLiteral("en"), {{QStringLiteral("identity_token"),
                                        bank.issue(QStringLiteral("CUST-10482"), QDateTime::currentDateTimeUtc().addSecs(600))}});
        c.say(question);
        c.close();
    }
    const qint64 id = http.get(QStringLiteral("/api/v1/customers?q=CUST-10482"), admin).items().first().toObject()
                          .value(QStringLiteral("id")).toInteger();
    http.put(QStringLiteral("/api/v1/customers/%1/legal-hold").arg(id),
             {{QStringLiteral("on"), true}, {QStringLiteral("reason"), QStringLiteral("Fraud investigation 2026-118")}}, admin);
    return id;
}

// The window with its popup (a window of its own) painted where it shows.
void saveWithPopup(QWidget *window, QWidget *popup, const QString &name)
{
    QTest::qWait(300);
    QPixmap shot = window->grab();
    {
        QPainter p(&shot);
        p.drawPixmap(popup->geometry().topLeft() - window->geometry().topLeft(), popup->grab());
    }
    const QString path = QDir(g_out).filePath(QStringLiteral("console-%1%2.png").arg(name, g_suffix));
    if (!shot.save(path))
        qFatal("cannot write %s", qPrintable(path));
    std::printf("wrote %s\n", qPrintable(path));
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/joxai-no-bus");
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2)
        qFatal("usage: joxai_screenshots <output folder> [--lang fr]");
    g_out = args.at(1);
    QDir().mkpath(g_out);
    Language language;
    const int langAt = int(args.indexOf(QStringLiteral("--lang")));
    const QString code = langAt > 0 && langAt + 1 < args.size() ? args.at(langAt + 1) : QStringLiteral("en");
    if (!language.install(code))
        qFatal("no translation for %s", qPrintable(code));
    if (code != QLatin1String("en"))
        g_suffix = QLatin1Char('-') + code;

    TestServer server([](Config &c) { c.widgetIdentitySecret = QString::fromLatin1(kIdentitySecret); });
    if (!server.started())
        qFatal("server: %s", qPrintable(server.startError()));
    HttpClient http(server.baseUrl());
    const QString admin = http.adminToken();
    sampleData(http, admin);

    ApiClient api;
    CredentialStore store;
    store.setTimeout(2000);

    FirstRunDialog first;
    save(&first, QStringLiteral("first-run"));
    first.hide();

    LoginDialog login(api, store);
    login.setServer(QUrl(server.baseUrl()));
    login.setEmail(QStringLiteral("sofia@bank.example"));
    login.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("not-her-password"));
    login.show();
    login.findChild<QPushButton *>(QStringLiteral("signInButton"))->click();
    waitFor([&] { return login.findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible(); }, "the sign-in error");
    save(&login, QStringLiteral("login"));
    login.hide();

    ChangePasswordDialog change(api, true);
    change.setCurrentPassword(QStringLiteral("temporary"));
    save(&change, QStringLiteral("change-password"));
    change.hide();

    if (!uitest::signIn(api, server.baseUrl(), QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword)))
        qFatal("cannot sign in");
    LiveEvents live(api);
    MainWindow window(api, live);
    window.resize(1240, 760);
    live.start();
    waitFor([&] { return live.state() == LiveEvents::State::Connected; }, "the live connection");

    sampleFortnight(http, server);
    settleTickets(http, admin);
    std::vector<std::unique_ptr<ChatCustomer>> customers;
    const QString opened = sampleConversations(http, admin, customers);
    sampleTickets(http, admin);
    const qint64 held = sampleCustomers(http, admin);

    window.showPage(PageId::Dashboard);
    auto *dashboard = qobject_cast<DashboardPage *>(window.page(PageId::Dashboard));
    dashboard->setRange(QDateTime::currentDateTimeUtc().date().addDays(-13), QDateTime::currentDateTimeUtc().date());
    waitFor([&] { return dashboard->hasFigures() && !dashboard->isLoading() && dashboard->figures().conversations > 40; }, "the dashboard");
    save(&window, QStringLiteral("dashboard"));

    window.showPage(PageId::Customers);
    auto *customersPage = qobject_cast<CustomersPage *>(window.page(PageId::Customers));
    waitFor([&] { return customersPage->model()->rowCount() >= 6 && !customersPage->model()->isLoading(); }, "the customers");
    customersPage->table()->selectRow(customersPage->model()->rowOfId(held));
    waitFor([&] { return customersPage->detail()->conversationCount() >= 2; }, "the customer");
    save(&window, QStringLiteral("customers"));

    window.showPage(PageId::Conversations);
    auto *conversations = qobject_cast<ConversationsPage *>(window.page(PageId::Conversations));
    waitFor([&] { return conversations->model(ConversationsPage::WaitingTab)->rowCount() >= 2; }, "the waiting list");
    conversations->openConversation(opened);
    waitFor([&] { return conversations->panel()->transcript()->rowCount() >= 6; }, "the transcript");
    save(&window, QStringLiteral("conversations"));

    window.showPage(PageId::Tickets);
    auto *tickets = qobject_cast<TicketsPage *>(window.page(PageId::Tickets));
    waitFor([&] { return tickets->model()->rowCount() >= 5 && !tickets->model()->isLoading(); }, "the tickets");
    tickets->table()->selectRow(1);
    waitFor([&] { return !tickets->detail()->ticket().isEmpty(); }, "the ticket");
    QTest::qWait(300);
    save(&window, QStringLiteral("tickets"));

    window.showPage(PageId::Knowledge);
    auto *knowledge = qobject_cast<KnowledgePage *>(window.page(PageId::Knowledge));
    waitFor([&] { return knowledge->model()->rowCount() >= 10 && !knowledge->model()->isLoading(); }, "the articles");
    knowledge->table()->selectRow(2);
    waitFor([&] { return !knowledge->editor()->article().isEmpty(); }, "the article");
    save(&window, QStringLiteral("knowledge"));
    knowledge->searchPanel()->ask(QStringLiteral("I lost my card"));
    window.findChild<QTabWidget *>(QStringLiteral("knowledgeTabs"))->setCurrentWidget(knowledge->searchPanel());
    waitFor([&] { return knowledge->searchPanel()->resultCount() >= 1; }, "the ranked matches");
    save(&window, QStringLiteral("knowledge-ask"));

    window.showPage(PageId::Users);
    auto *users = qobject_cast<UsersPage *>(window.page(PageId::Users));
    waitFor([&] { return users->model()->rowCount() >= 8 && !users->model()->isLoading(); }, "the users");
    save(&window, QStringLiteral("users"));

    users->newUser();
    auto *dialog = uitest::waitWindow<NewUserDialog>(QStringLiteral("newUserDialog"));
    dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->setText(QStringLiteral("marc@bank.example"));
    dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Marc Dubois"));
    save(dialog, QStringLiteral("new-user"));
    dialog->findChild<QPushButton *>(QStringLiteral("okButton"))->click();
    auto *temporary = uitest::waitWindow<QDialog>(QStringLiteral("temporaryPasswordDialog"));
    save(temporary, QStringLiteral("temporary-password"));
    temporary->close();

    window.showPage(PageId::Audit);
    auto *audit = qobject_cast<AuditPage *>(window.page(PageId::Audit));
    waitFor([&] { return audit->model()->rowCount() >= 10 && !audit->model()->isLoading(); }, "the audit log");
    save(&window, QStringLiteral("audit"));

    window.showPage(PageId::Settings);
    auto *settings = qobject_cast<SettingsPage *>(window.page(PageId::Settings));
    waitFor([&] { return !settings->loadedSystem().isEmpty(); }, "the settings");
    auto *tabs = settings->findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
    tabs->setCurrentIndex(0);
    save(&window, QStringLiteral("settings-personal"));
    tabs->setCurrentIndex(1);
    settings->setUpTwoFactor();
    waitFor([&] { return settings->findChild<QLabel *>(QStringLiteral("otpauthLabel"))->isVisible(); }, "the two-factor set-up");
    save(&window, QStringLiteral("settings-security"));
    tabs->setCurrentIndex(2);
    save(&window, QStringLiteral("settings-system"));

    window.showPage(PageId::Conversations);
    waitFor([&] { return window.notifications()->unread() >= 3; }, "the notifications");
    window.bell()->showPopup();
    waitFor([&] { return window.bell()->list()->count() >= 3; }, "the notification list");
    saveWithPopup(&window, window.bell()->popup(), QStringLiteral("notifications"));
    window.bell()->popup()->hide();

    window.showShortcuts();
    auto *help = uitest::waitWindow<QDialog>(QStringLiteral("shortcutsDialog"));
    save(help, QStringLiteral("shortcuts"));
    help->close();
    live.stop();
    return 0;
}
