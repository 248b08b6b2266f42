// The main window and the pages whose endpoints exist, against a real server: sidebar entries per
// role, shortcuts help, Users (list, create with a temporary password shown once, change, reset),
// Audit (filters, lazy loading, CSV export), Settings (personal, system with secrets, two-factor),
// and the models under QAbstractItemModelTester.

#include "server/auth/totp.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/liveevents.h"
#include "ui/models/auditmodel.h"
#include "ui/models/usersmodel.h"
#include "ui/pages/auditpage.h"
#include "ui/pages/mainwindow.h"
#include "ui/pages/navigation.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/userdialogs.h"
#include "ui/pages/userspage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiPages : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;

    std::unique_ptr<ApiClient> client(const QString &email, const QString &password)
    {
        return signedInClient(m_server->baseUrl(), email, password);
    }
    std::unique_ptr<ApiClient> adminClient()
    {
        return client(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
    }

    // Fetches page after page, as a scrolling view does, until everything is there.
    static bool fetchAll(PagedTableModel *model)
    {
        return QTest::qWaitFor([&] {
            if (model->canFetchMore({}))
                model->fetchMore({});
            return !model->isLoading() && model->total() >= 0 && model->rowCount() == int(model->total());
        }, 15000) || (qWarning() << "rows" << model->rowCount() << "total" << model->total() << "loading" << model->isLoading(), false);
    }

    static bool waitLoaded(PagedTableModel *model, int atLeast)
    {
        return QTest::qWaitFor([&] { return !model->isLoading() && model->rowCount() >= atLeast; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        withoutKeychain();
        m_server = std::make_unique<TestServer>();
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent")).isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("super@bank.test"), QStringLiteral("supervisor")).isEmpty());
    }

    void sidebarEntriesFollowTheRole_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QStringList>("entries");
        QTest::addColumn<QStringList>("shown");
        const QStringList agent{QStringLiteral("Conversations"), QStringLiteral("Tickets"), QStringLiteral("Knowledge"),
                                QStringLiteral("Customers"), QStringLiteral("Settings")};
        const QStringList supervisor{QStringLiteral("Dashboard"), QStringLiteral("Conversations"), QStringLiteral("Tickets"),
                                     QStringLiteral("Knowledge"), QStringLiteral("Customers"), QStringLiteral("Settings")};
        const QStringList admin{QStringLiteral("Dashboard"), QStringLiteral("Conversations"), QStringLiteral("Tickets"),
                                QStringLiteral("Knowledge"), QStringLiteral("Customers"), QStringLiteral("Users"),
                                QStringLiteral("Audit"), QStringLiteral("Settings")};
        // Every page is built now: the sidebar shows all a role may see.
        QTest::newRow("agent") << QStringLiteral("agent@bank.test") << agent << agent;
        QTest::newRow("supervisor") << QStringLiteral("super@bank.test") << supervisor << supervisor;
        QTest::newRow("admin") << QStringLiteral("admin@joxai.com") << admin << admin;
    }

    void sidebarEntriesFollowTheRole()
    {
        QFETCH(QString, email);
        QFETCH(QStringList, entries);
        QFETCH(QStringList, shown);
        auto api = client(email, email.startsWith(QLatin1String("admin")) ? QLatin1String(HttpClient::kAdminPassword)
                                                                          : QLatin1String(HttpClient::kStaffPassword));
        QVERIFY(api);
        QStringList planned;
        for (PageId id : Navigation::entriesFor(api->user().role))
            planned << Navigation::title(id);
        QCOMPARE(planned, entries);

        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.sidebarTitles(), shown);
        // The first entry is open and has loaded.
        QVERIFY(window.currentPage());
        QCOMPARE(window.currentPage(), window.page(window.pageIds().first()));
        auto *settings = qobject_cast<SettingsPage *>(window.page(PageId::Settings));
        QVERIFY(settings);
        auto *tabs = settings->findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
        QCOMPARE(tabs->isTabVisible(2), api->user().isAdmin()); // system settings: admins only
    }

    void shortcutsSwitchPagesAndShowHelp()
    {
        auto api = adminClient();
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), window.page(PageId::Dashboard));
        const QList<PageId> order{PageId::Dashboard, PageId::Conversations, PageId::Tickets, PageId::Knowledge,
                                  PageId::Customers, PageId::Users, PageId::Audit, PageId::Settings};
        for (int i = int(order.size()) - 1; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(window.currentPage(), window.page(order.at(i)));
        }
        QTest::keyClick(&window, Qt::Key_F1);
        auto *help = waitWindow<QDialog>(QStringLiteral("shortcutsDialog"));
        QVERIFY(help);
        auto *table = help->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
        QVERIFY(table->rowCount() >= 8);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Go to Dashboard"));
        help->close();
        QTest::keyClick(&window, Qt::Key_Slash, Qt::ControlModifier);
        QVERIFY(waitWindow<QDialog>(QStringLiteral("shortcutsDialog")));
        window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"))->close();

        // The status bar follows the live channel.
        QCOMPARE(window.connectionText(), QStringLiteral("● Offline"));
        live.start();
        QVERIFY(QTest::qWaitFor([&] { return window.connectionText() == QStringLiteral("● Connected"); }, 10000));
        live.dropConnection();
        QCOMPARE(window.connectionText(), QStringLiteral("● Reconnecting…"));
        QVERIFY(QTest::qWaitFor([&] { return window.connectionText() == QStringLiteral("● Connected"); }, 15000));
    }

    void usersPageListsCreatesChangesAndResets()
    {
        auto api = adminClient();
        QVERIFY(api);
        UsersPage page(*api);
        page.show();
        page.activate();
        QVERIFY(waitLoaded(page.model(), 3));
        const int before = page.model()->rowCount();
        QCOMPARE(page.model()->total(), qint64(before));

        page.newUser();
        auto *dialog = waitWindow<NewUserDialog>(QStringLiteral("newUserDialog"));
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")), QStringLiteral("not-an-address"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
        auto *dialogError = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(QTest::qWaitFor([&] { return dialogError->isVisible(); }, 10000));
        QVERIFY2(dialogError->text().startsWith(QStringLiteral("E-mail:")), qPrintable(dialogError->text()));
        dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->clear();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit")), QStringLiteral("claire@bank.test"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("Claire Martin"));
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        role->setCurrentIndex(role->findData(QStringLiteral("supervisor")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);

        auto *shown = waitWindow<QDialog>(QStringLiteral("temporaryPasswordDialog"));
        QVERIFY(shown);
        const QString temporary = shown->findChild<QLineEdit *>(QStringLiteral("temporaryPasswordEdit"))->text();
        QVERIFY(temporary.size() >= 10);
        shown->close();
        QVERIFY(!m_http->login(QStringLiteral("claire@bank.test"), temporary).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return page.model()->rowOfId(0) < 0 && page.model()->rowCount() == before + 1; }, 10000));

        // Change: role and active state.
        const int row = page.model()->rowOfId(m_http->get(QStringLiteral("/api/v1/users?q=claire"), m_admin)
                                                  .items().first().toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(row >= 0);
        auto *table = page.findChild<QTableView *>(QStringLiteral("usersTable"));
        table->selectRow(row);
        page.editSelected();
        auto *edit = waitWindow<EditUserDialog>(QStringLiteral("editUserDialog"));
        QVERIFY(edit);
        auto *editRole = edit->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        QCOMPARE(editRole->currentData().toString(), QStringLiteral("supervisor"));
        editRole->setCurrentIndex(editRole->findData(QStringLiteral("agent")));
        edit->findChild<QCheckBox *>(QStringLiteral("activeCheck"))->click();
        QCOMPARE(edit->changes(), (QJsonObject{{QStringLiteral("role"), QStringLiteral("agent")}, {QStringLiteral("is_active"), false}}));
        QTest::mouseClick(edit->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return page.model()->rowObject(row).value(QStringLiteral("role")) == QLatin1String("agent"); }, 10000));
        QCOMPARE(page.model()->index(row, UsersModel::Status).data().toString(), QStringLiteral("Deactivated"));
        QCOMPARE(page.model()->index(row, UsersModel::Role).data().toString(), QStringLiteral("Agent"));

        // Reset password: confirmed, then shown once.
        table->selectRow(row);
        page.resetSelectedPassword();
        auto *confirm = waitWindow<QMessageBox>(QStringLiteral("resetConfirmation"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmResetButton")), Qt::LeftButton);
        auto *again = waitWindow<QDialog>(QStringLiteral("temporaryPasswordDialog"));
        QVERIFY(again);
        QVERIFY(again->findChild<QLineEdit *>(QStringLiteral("temporaryPasswordEdit"))->text() != temporary);
        again->close();

        // Search narrows the list.
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("claire"));
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->rowCount() == 1; }, 10000));
        QCOMPARE(page.model()->index(0, UsersModel::Email).data().toString(), QStringLiteral("claire@bank.test"));
    }

    void usersModelFetchesLazilyUnderTheTester()
    {
        for (int i = 0; i < 7; ++i)
            QCOMPARE(m_http->post(QStringLiteral("/api/v1/users"),
                                  {{QStringLiteral("email"), QStringLiteral("bulk%1@bank.test").arg(i)},
                                   {QStringLiteral("role"), QStringLiteral("agent")}}, m_admin).status, 201);
        const qint64 total = m_http->get(QStringLiteral("/api/v1/users"), m_admin).json().value(QStringLiteral("total")).toInteger();
        auto api = adminClient();
        QVERIFY(api);
        {
            // On its own the model loads one page at a time, as a view scrolls.
            UsersModel model(*api);
            model.setPageSize(3);
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QVERIFY(!model.canFetchMore({})); // one request at a time
            QVERIFY(waitLoaded(&model, 3));
            QCOMPARE(model.rowCount(), 3);
            QCOMPARE(model.total(), total);
            while (model.canFetchMore({})) {
                const int had = model.rowCount();
                model.fetchMore({});
                QVERIFY(waitLoaded(&model, had + 1));
            }
            QCOMPARE(model.rowCount(), int(total));
            QCOMPARE(model.columnCount(), int(UsersModel::ColumnCount));
            QCOMPARE(model.headerData(UsersModel::Email, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("E-mail"));
        }
        // Under the tester (which fetches as a view would, page after page) every signal is consistent.
        UsersModel model(*api);
        model.setPageSize(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(fetchAll(&model));
        QCOMPARE(model.rowCount(), int(total));
        QVERIFY(!model.canFetchMore({}));
        model.reload();
        QVERIFY(fetchAll(&model));
        QCOMPARE(model.rowCount(), int(total));
    }

    void auditPageFiltersLoadsLazilyAndExports()
    {
        // Some failed sign-ins to find.
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_http->login(QStringLiteral("agent@bank.test"), QStringLiteral("bad-%1").arg(i)).isEmpty());
        auto api = adminClient();
        QVERIFY(api);
        AuditPage page(*api);
        page.show();
        page.activate();
        QVERIFY(waitLoaded(page.model(), 5));
        QVERIFY(page.model()->total() >= 5);

        auto *action = page.findChild<QComboBox *>(QStringLiteral("actionCombo"));
        action->setCurrentIndex(action->findData(QStringLiteral("auth.login_failed")));
        QCOMPARE(page.filterQuery().queryItemValue(QStringLiteral("action")), QStringLiteral("auth.login_failed"));
        page.applyFilter();
        QVERIFY(waitLoaded(page.model(), 3));
        for (int r = 0; r < page.model()->rowCount(); ++r) {
            QCOMPARE(page.model()->rowObject(r).value(QStringLiteral("action")).toString(), QStringLiteral("auth.login_failed"));
            QCOMPARE(page.model()->index(r, AuditModel::Action).data().toString(), QStringLiteral("Failed sign-in"));
        }
        // A date range that ends before today finds nothing.
        page.findChild<QCheckBox *>(QStringLiteral("toCheck"))->setChecked(true);
        page.findChild<QDateEdit *>(QStringLiteral("toDate"))->setDate(QDate::currentDate().addDays(-2));
        page.applyFilter();
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->total() == 0; }, 10000));
        QCOMPARE(page.model()->rowCount(), 0);
        page.findChild<QCheckBox *>(QStringLiteral("toCheck"))->setChecked(false);
        page.applyFilter();
        QVERIFY(waitLoaded(page.model(), 3));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        std::optional<QString> error;
        page.exportTo(path, [&error](const QString &e) { error = e; });
        QVERIFY(QTest::qWaitFor([&] { return error.has_value(); }, 10000));
        QCOMPARE(*error, QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.size() >= 4);
        QVERIFY2(lines.first().contains("action"), lines.first().constData());
        for (int i = 1; i < lines.size(); ++i)
            if (!lines.at(i).isEmpty())
                QVERIFY2(lines.at(i).contains("auth.login_failed"), lines.at(i).constData());
    }

    void auditModelUnderTheTester()
    {
        auto api = adminClient();
        QVERIFY(api);
        AuditModel model(*api);
        model.setPageSize(4);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const qint64 total = m_http->get(QStringLiteral("/api/v1/audit?limit=1"), m_admin).json().value(QStringLiteral("total")).toInteger();
        QVERIFY(total > 8);
        QVERIFY(fetchAll(&model));
        QVERIFY(model.rowCount() >= int(total));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("action"), QStringLiteral("user.create"));
        model.setFilter(q);
        QVERIFY(fetchAll(&model));
        QVERIFY(model.rowCount() >= 4);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, AuditModel::Action).data().toString(), QStringLiteral("Created user"));
        QCOMPARE(model.index(0, AuditModel::Actor).data().toString(), QStringLiteral("admin@joxai.com"));
    }

    void settingsPageShowsAndSaves()
    {
        auto api = adminClient();
        QVERIFY(api);
        SettingsPage page(*api);
        QSignalSpy loaded(&page, &SettingsPage::loadedFromServer);
        QSignalSpy language(&page, &SettingsPage::languageChosen);
        page.show();
        page.activate();
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() == 1; }, 10000));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("anthropic_api_key_state"))->text(), QStringLiteral("Not set"));
        QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("languageCombo"))->currentData().toString(), QStringLiteral("en"));
        QVERIFY(page.systemChanges().isEmpty());
        QVERIFY(page.personalChanges().isEmpty());

        // System: a secret is sent, then shown only as set; the retention changes.
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("anthropic_api_key_edit")), QStringLiteral("sk-ant-test-123"));
        page.findChild<QSpinBox *>(QStringLiteral("retentionSpin"))->setValue(400);
        QCOMPARE(page.systemChanges(), (QJsonObject{{QStringLiteral("anthropic_api_key"), QStringLiteral("sk-ant-test-123")},
                                                    {QStringLiteral("retention_days"), 400}}));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("saveSystemButton")), Qt::LeftButton);
        auto *state = page.findChild<QLabel *>(QStringLiteral("anthropic_api_key_state"));
        QVERIFY(QTest::qWaitFor([&] { return state->text() == QStringLiteral("Set"); }, 10000));
        QVERIFY(page.findChild<QLineEdit *>(QStringLiteral("anthropic_api_key_edit"))->text().isEmpty());
        const QJsonObject system = m_http->get(QStringLiteral("/api/v1/settings"), m_admin).json().value(QStringLiteral("system")).toObject();
        QCOMPARE(system.value(QStringLiteral("anthropic_api_key")).toString(), QStringLiteral("set"));
        QCOMPARE(system.value(QStringLiteral("retention_days")).toInt(), 400);
        QVERIFY(!page.loadedSystem().value(QStringLiteral("anthropic_api_key")).toString().contains(QStringLiteral("sk-ant")));

        // An invalid value is refused with the server's reason, nothing saved.
        page.findChild<QLineEdit *>(QStringLiteral("businessHoursEdit"))->setText(QString(300, QLatin1Char('x')));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("saveSystemButton")), Qt::LeftButton);
        auto *systemMessage = page.findChild<QLabel *>(QStringLiteral("systemMessage"));
        QVERIFY(QTest::qWaitFor([&] { return systemMessage->text().contains(QStringLiteral("business_hours")); }, 10000));

        // Removing the secret.
        page.findChild<QLineEdit *>(QStringLiteral("businessHoursEdit"))->setText(page.loadedSystem().value(QStringLiteral("business_hours")).toString());
        page.findChild<QCheckBox *>(QStringLiteral("anthropic_api_key_remove"))->setChecked(true);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("saveSystemButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return state->text() == QStringLiteral("Not set"); }, 10000));

        // Personal: the language choice is saved and announced.
        auto *lang = page.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        lang->setCurrentIndex(lang->findData(QStringLiteral("fr")));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("savePersonalButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return language.count() == 1; }, 10000));
        QCOMPARE(language.first().first().toString(), QStringLiteral("fr"));
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/settings"), m_admin).json().value(QStringLiteral("user")).toObject()
                     .value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    }

    void twoFactorIsSetUpAndSwitchedOnAndOff()
    {
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("tfa@bank.test"), QStringLiteral("agent")).isEmpty());
        auto api = client(QStringLiteral("tfa@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QVERIFY(api);
        SettingsPage page(*api);
        QSignalSpy loaded(&page, &SettingsPage::loadedFromServer);
        page.show();
        page.activate();
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() == 1; }, 10000));
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
        QVERIFY(!tabs->isTabVisible(2)); // an agent sees no system settings
        tabs->setCurrentIndex(1);
        auto *state = page.findChild<QLabel *>(QStringLiteral("twoFactorState"));
        QVERIFY(state->text().contains(QStringLiteral("<b>off</b>")));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("setUpTwoFactorButton")), Qt::LeftButton);
        auto *uri = page.findChild<QLabel *>(QStringLiteral("otpauthLabel"));
        QVERIFY(QTest::qWaitFor([&] { return uri->isVisible(); }, 10000));
        QVERIFY(uri->text().contains(QStringLiteral("otpauth://totp/")));
        const QString secretText = QRegularExpression(QStringLiteral("Secret: <b>([A-Z2-7]+)</b>")).match(uri->text()).captured(1);
        QVERIFY(!secretText.isEmpty());
        const QByteArray secret = Totp::fromBase32(secretText);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("twoFactorCodeEdit")), Totp::code(secret, now));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("enableTwoFactorButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return state->text().contains(QStringLiteral("<b>on</b>")); }, 10000));
        QVERIFY(api->user().twoFactorEnabled);
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("disableTwoFactorButton"))->isVisible());

        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("twoFactorCodeEdit")), Totp::code(secret, now.addSecs(30)));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("disableTwoFactorButton")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return state->text().contains(QStringLiteral("<b>off</b>")); }, 10000));
        QVERIFY(!api->user().twoFactorEnabled);
    }
};

QTEST_MAIN(TestUiPages)
#include "tst_ui_pages.moc"
