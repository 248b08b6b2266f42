// The Customers page against a real server: search finds customers by name and by bank reference;
// the detail shows the profile and the conversations of a customer who chatted signed in (identity
// token); an admin exports their data as JSON, places them on legal hold (after which erasure is
// refused with the server's own sentence), lifts the hold and erases them after confirming; agents
// see no data-protection actions; the model passes QAbstractItemModelTester while paging.

#include "server/auth/identitytoken.h"
#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/models/customersmodel.h"
#include "ui/pages/customerdetail.h"
#include "ui/pages/customerspage.h"

#include <QAbstractItemModelTester>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
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

namespace {
const QByteArray kIdentitySecret = QByteArrayLiteral("widget-identity-secret-for-console-tests");
}

class TestUiCustomers : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    qint64 m_chatter = 0; // the customer who chatted signed in
    QString m_conversationId;

    std::unique_ptr<ApiClient> client(const QString &email, const QString &password)
    {
        return signedInClient(m_server->baseUrl(), email, password);
    }

    static bool waitLoaded(PagedTableModel *model)
    {
        return QTest::qWaitFor([&] { return !model->isLoading() && model->total() >= 0 && model->rowCount() == int(std::min<qint64>(model->total(), 100)); }, 10000);
    }

    qint64 createCustomer(const QString &name, const QString &email, const QString &ref)
    {
        const HttpResult r = m_http->post(QStringLiteral("/api/v1/customers"),
                                          {{QStringLiteral("name"), name}, {QStringLiteral("email"), email},
                                           {QStringLiteral("phone"), QStringLiteral("+33 1 23 45 67 89")},
                                           {QStringLiteral("external_ref"), ref}}, m_admin);
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        withoutKeychain();
        m_server = std::make_unique<TestServer>([](Config &c) { c.widgetIdentitySecret = QString::fromLatin1(kIdentitySecret); });
        QVERIFY2(m_server->started(), qPrintable(m_server->startError()));
        m_http = std::make_unique<HttpClient>(m_server->baseUrl());
        m_admin = m_http->adminToken();
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent")).isEmpty());
        for (int i = 0; i < 7; ++i)
            QVERIFY(createCustomer(QStringLiteral("Filler Person %1").arg(i), QStringLiteral("filler%1@mail.test").arg(i),
                                   QStringLiteral("FILL-%1").arg(i)) > 0);
        m_chatter = createCustomer(QStringLiteral("Camille Durand"), QStringLiteral("camille@mail.test"), QStringLiteral("BANK-4242"));
        QVERIFY(m_chatter > 0);
        // Camille chats from online banking: the conversation is linked to her record.
        ChatCustomer chat(*m_http);
        const IdentityToken bank(kIdentitySecret);
        const QString token = bank.issue(QStringLiteral("BANK-4242"), QDateTime::currentDateTimeUtc().addSecs(600));
        const HttpResult started = chat.start(QStringLiteral("fr"), {{QStringLiteral("identity_token"), token}});
        QCOMPARE(started.status, 201);
        QVERIFY(started.json().value(QStringLiteral("verified")).toBool());
        QCOMPARE(chat.say(QStringLiteral("Quels sont vos horaires ?")).status, 200);
        m_conversationId = chat.conversationId();
    }

    void searchDetailExportHoldAndErase()
    {
        auto api = client(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        QVERIFY(api);
        CustomersPage page(*api);
        page.resize(1100, 700);
        page.show();
        page.activate();
        QVERIFY(waitLoaded(page.model()));
        QCOMPARE(page.model()->total(), 8);

        // Search by name, then by bank reference.
        page.search(QStringLiteral("Camille"));
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->total() == 1; }, 10000));
        QCOMPARE(page.model()->index(0, CustomersModel::Name).data().toString(), QStringLiteral("Camille Durand"));
        page.search(QStringLiteral("BANK-42"));
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->total() == 1; }, 10000));
        QCOMPARE(page.model()->index(0, CustomersModel::Reference).data().toString(), QStringLiteral("BANK-4242"));
        page.search(QStringLiteral("nobody-by-that-name"));
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->total() == 0; }, 10000));
        page.search(QStringLiteral("Camille"));
        QVERIFY(QTest::qWaitFor([&] { return !page.model()->isLoading() && page.model()->rowCount() == 1; }, 10000));

        // The detail: profile and her conversation.
        page.table()->selectRow(0);
        CustomerDetail *detail = page.detail();
        QCOMPARE(detail->customerId(), m_chatter);
        QVERIFY(QTest::qWaitFor([&] { return !detail->customer().isEmpty() && detail->conversationCount() == 1; }, 10000));
        QCOMPARE(detail->findChild<QLabel *>(QStringLiteral("customerTitle"))->text(), QStringLiteral("Camille Durand"));
        QVERIFY(detail->findChild<QLabel *>(QStringLiteral("customerProfile"))->text().contains(QStringLiteral("camille@mail.test")));
        auto *conversations = detail->findChild<QTableWidget *>(QStringLiteral("customerConversations"));
        QCOMPARE(conversations->item(0, 0)->data(Qt::UserRole).toString(), m_conversationId);
        QCOMPARE(conversations->item(0, 2)->text(), QStringLiteral("fr"));
        QSignalSpy opened(detail, &CustomerDetail::openConversation);
        Q_EMIT conversations->cellDoubleClicked(0, 0);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), m_conversationId);

        // Export: everything held about her, as JSON, with her conversation and its messages.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("camille.json"));
        std::optional<QString> exportError;
        detail->exportTo(file, [&](const QString &e) { exportError = e; });
        QVERIFY(QTest::qWaitFor([&] { return exportError.has_value(); }, 10000));
        QCOMPARE(*exportError, QString());
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(exported.value(QStringLiteral("customer")).toObject().value(QStringLiteral("email")).toString(), QStringLiteral("camille@mail.test"));
        const QJsonArray exportedConversations = exported.value(QStringLiteral("conversations")).toArray();
        QCOMPARE(exportedConversations.size(), 1);
        QVERIFY(QJsonDocument(exportedConversations.first().toObject()).toJson().contains("Quels sont vos horaires"));

        // Legal hold through its dialog; the list marks her.
        auto *holdButton = detail->findChild<QPushButton *>(QStringLiteral("legalHoldButton"));
        QVERIFY(holdButton->isVisible());
        holdButton->click();
        auto *holdDialog = waitWindow<QInputDialog>(QStringLiteral("legalHoldDialog"));
        QVERIFY(holdDialog);
        holdDialog->setTextValue(QStringLiteral("Court order 2026-118"));
        holdDialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return detail->customer().value(QStringLiteral("legal_hold")).toBool(); }, 10000));
        QVERIFY(detail->findChild<QLabel *>(QStringLiteral("legalHoldLabel"))->text().contains(QStringLiteral("Court order 2026-118")));
        QCOMPARE(page.model()->index(0, CustomersModel::Hold).data().toString(), QStringLiteral("On hold"));

        // Erasure asks first; under legal hold the server refuses, in its own words.
        detail->findChild<QPushButton *>(QStringLiteral("eraseButton"))->click();
        auto *confirm = waitWindow<QMessageBox>(QStringLiteral("eraseConfirm"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("eraseYes"))->click();
        QVERIFY(QTest::qWaitFor([&] { return !detail->errorText().isEmpty(); }, 10000));
        const HttpResult refused = m_http->request("DELETE", QStringLiteral("/api/v1/customers/%1").arg(m_chatter), {},
                                                   {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.code(), QStringLiteral("legal_hold"));
        QCOMPARE(detail->errorText(), refused.json().value(QStringLiteral("detail")).toString());
        QVERIFY(detail->customer().value(QStringLiteral("anonymized_at")).isNull());

        // Cancelling the confirmation erases nothing.
        holdButton->click(); // lifts the hold (no dialog needed)
        QVERIFY(QTest::qWaitFor([&] { return !detail->customer().value(QStringLiteral("legal_hold")).toBool(); }, 10000));
        detail->erase();
        confirm = waitWindow<QMessageBox>(QStringLiteral("eraseConfirm"));
        QVERIFY(confirm);
        confirm->button(QMessageBox::Cancel)->click();
        QTest::qWait(300);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/customers/%1").arg(m_chatter), m_admin).json()
                     .value(QStringLiteral("name")).toString(), QStringLiteral("Camille Durand"));

        // Confirmed: erased.
        detail->erase();
        confirm = waitWindow<QMessageBox>(QStringLiteral("eraseConfirm"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("eraseYes"))->click();
        QVERIFY(QTest::qWaitFor([&] { return !detail->customer().value(QStringLiteral("anonymized_at")).isNull(); }, 10000));
        QCOMPARE(detail->errorText(), QString());
        const QJsonObject after = m_http->get(QStringLiteral("/api/v1/customers/%1").arg(m_chatter), m_admin).json();
        QCOMPARE(after.value(QStringLiteral("name")).toString(), QStringLiteral("Erased customer"));
        QVERIFY(after.value(QStringLiteral("email")).isNull());
        QCOMPARE(detail->findChild<QLabel *>(QStringLiteral("customerTitle"))->text(), QStringLiteral("Erased customer"));
        QVERIFY(!detail->findChild<QPushButton *>(QStringLiteral("eraseButton"))->isEnabled());
    }

    void agentsReadButHaveNoDataProtectionActions()
    {
        auto api = client(QStringLiteral("agent@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QVERIFY(api);
        CustomersPage page(*api);
        page.show();
        page.activate();
        QVERIFY(waitLoaded(page.model()));
        QVERIFY(page.model()->total() >= 8);
        page.table()->selectRow(0);
        QVERIFY(QTest::qWaitFor([&] { return !page.detail()->customer().isEmpty(); }, 10000));
        for (const char *name : {"exportButton", "eraseButton", "legalHoldButton"})
            QVERIFY2(!page.detail()->findChild<QPushButton *>(QLatin1String(name))->isVisible(), name);
        // Were an agent to try, the refusal is plain words, not JSON.
        page.detail()->eraseConfirmed();
        QVERIFY(QTest::qWaitFor([&] { return !page.detail()->errorText().isEmpty(); }, 10000));
        QCOMPARE(page.detail()->errorText(), QStringLiteral("You are not allowed to do this."));
    }

    void modelPagesUnderTheTester()
    {
        auto api = client(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        QVERIFY(api);
        CustomersModel model(*api);
        model.setPageSize(3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(QTest::qWaitFor([&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.isLoading() && model.total() >= 0 && model.rowCount() == int(model.total());
        }, 15000));
        QCOMPARE(model.rowCount(), 8);
        model.setSearch(QStringLiteral("Filler"));
        QVERIFY(QTest::qWaitFor([&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.isLoading() && model.total() == 7 && model.rowCount() == 7;
        }, 15000));
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.index(r, CustomersModel::Name).data().toString().startsWith(QStringLiteral("Filler")));
    }
};

QTEST_MAIN(TestUiCustomers)
#include "tst_ui_customers.moc"
