// The Conversations page against a real server: a customer who asks for a person appears in the
// waiting list with a wait time, the agent takes the conversation over in the page (shortcut) and
// answers, the customer's transcript has the answer; the customer's new message and typing show
// up live, the agent's typing reaches the customer's socket; the assistant's sources are in the
// transcript and card numbers arrive masked; internal notes stay with staff;
// closing by shortcut; an agent answers a waiting customer with a canned response typed as
// "/shortcut" and the customer receives the expanded text, with the customer panel showing who
// they are and their earlier conversation; the help dialog lists the shortcuts; the models under
// QAbstractItemModelTester.

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/client/cannedresponses.h"
#include "ui/client/liveevents.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/pages/conversationpanel.h"
#include "ui/pages/customerpanel.h"
#include "ui/pages/conversationspage.h"
#include "ui/pages/mainwindow.h"
#include "ui/widgets/bubbledelegate.h"
#include "ui/widgets/cannedcompleter.h"
#include "ui/widgets/composer.h"
#include "ui/widgets/transcriptview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QComboBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QWebSocket>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiConversations : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;

    std::unique_ptr<ApiClient> client(const QString &email)
    {
        return signedInClient(m_server->baseUrl(), email, QLatin1String(HttpClient::kStaffPassword));
    }

    static bool waitFor(const std::function<bool()> &condition, int ms = 15000)
    {
        return QTest::qWaitFor(condition, ms);
    }

    // A customer who asked for a person: status waiting, nobody has it yet.
    static void startWaitingCustomer(ChatCustomer &customer, const QString &name)
    {
        QCOMPARE(customer.start(QStringLiteral("en"), {{QStringLiteral("customer_name"), name}}).status, 201);
        QCOMPARE(customer.say(QStringLiteral("What are your opening hours?")).status, 200);
        QCOMPARE(customer.escalate(QStringLiteral("I want to talk to a person")).status, 200);
    }

    static QStringList transcriptBodies(const TranscriptModel *model)
    {
        QStringList out;
        for (int i = 0; i < model->rowCount(); ++i)
            out << model->index(i).data().toString();
        return out;
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

    void agentTakesOverAndAnswersAWaitingCustomer()
    {
        ChatCustomer customer(*m_http);
        startWaitingCustomer(customer, QStringLiteral("Nadia Waiting"));
        if (QTest::currentTestFailed())
            return;

        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        ConversationsPage page(*api, live);
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        live.start();
        page.activate();
        QVERIFY(waitFor([&] { return live.state() == LiveEvents::State::Connected; }));

        // The customer is in the waiting list, with the time waited so far.
        ConversationListModel *waiting = page.model(ConversationsPage::WaitingTab);
        QVERIFY(waitFor([&] { return waiting->rowOfConversation(customer.conversationId()) >= 0; }));
        const int row = waiting->rowOfConversation(customer.conversationId());
        QCOMPARE(waiting->index(row, ConversationListModel::Customer).data().toString(), QStringLiteral("Nadia Waiting"));
        QVERIFY2(waiting->index(row, ConversationListModel::Since).data().toString().endsWith(QLatin1String(" s")),
                 qPrintable(waiting->index(row, ConversationListModel::Since).data().toString()));
        QCOMPARE(waiting->index(row, ConversationListModel::Assignee).data().toString(), QStringLiteral("Nobody"));

        // Ctrl+N opens the customer waiting longest (the only one), Ctrl+T takes it over.
        QTest::keyClick(&page, Qt::Key_N, Qt::ControlModifier);
        ConversationPanel *panel = page.panel();
        QCOMPARE(panel->conversationId(), customer.conversationId());
        QVERIFY(waitFor([&] { return panel->isLoaded() && panel->transcript()->rowCount() >= 3; }));
        QVERIFY(transcriptBodies(panel->transcript()).contains(QStringLiteral("What are your opening hours?")));
        QCOMPARE(panel->status(), QStringLiteral("waiting"));
        // The assistant's answer carries its sources; the bubble lists them.
        bool sourced = false;
        for (int i = 0; i < panel->transcript()->rowCount(); ++i) {
            const QModelIndex m = panel->transcript()->index(i);
            if (m.data(TranscriptModel::SenderRole).toString() == QStringLiteral("assistant")
                && !m.data(TranscriptModel::SourcesRole).toStringList().isEmpty())
                sourced = true;
        }
        QVERIFY(sourced);
        QTest::keyClick(&page, Qt::Key_T, Qt::ControlModifier);
        QVERIFY(waitFor([&] { return panel->status() == QStringLiteral("agent"); }));
        QCOMPARE(panel->assignedTo(), api->user().id);
        // The lists follow: gone from waiting, in mine.
        ConversationListModel *mine = page.model(ConversationsPage::MineTab);
        QVERIFY(waitFor([&] {
            return waiting->rowOfConversation(customer.conversationId()) < 0
                && mine->rowOfConversation(customer.conversationId()) >= 0;
        }));

        // The customer's socket: the agent's typing reaches it.
        QWebSocket socket;
        QUrl url(m_server->baseUrl());
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/chat/ws"));
        url.setQuery(QStringLiteral("conversation_id=%1&session_token=%2").arg(customer.conversationId(), customer.sessionToken()));
        QStringList customerFrames;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) { customerFrames << text; });
        socket.open(url);
        QVERIFY(waitFor([&] { return !customerFrames.isEmpty(); }));

        // The agent writes: the composer says "typing" (once) and sends with Ctrl+Enter.
        auto *edit = panel->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        QVERIFY(edit->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("Hello Nadia, we open at 9:00."));
        QVERIFY2(waitFor([&] {
            for (const QString &f : std::as_const(customerFrames))
                if (f.contains(QLatin1String("\"typing\"")) && f.contains(QLatin1String("\"agent\"")))
                    return true;
            return false;
        }), qPrintable(customerFrames.join(u'\n')));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier); // from inside the composer
        QVERIFY(waitFor([&] { return transcriptBodies(panel->transcript()).contains(QStringLiteral("Hello Nadia, we open at 9:00.")); }));
        QVERIFY(edit->toPlainText().isEmpty());

        // An internal note stays with staff.
        panel->findChild<QCheckBox *>(QStringLiteral("internalCheck"))->setChecked(true);
        QTest::keyClicks(edit, QStringLiteral("Customer sounded upset"));
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return transcriptBodies(panel->transcript()).contains(QStringLiteral("Customer sounded upset")); }));
        const int noteRow = int(transcriptBodies(panel->transcript()).indexOf(QStringLiteral("Customer sounded upset")));
        QVERIFY(panel->transcript()->index(noteRow).data(TranscriptModel::InternalRole).toBool());
        const auto *bubbles = panel->findChild<TranscriptView *>(QStringLiteral("transcriptView"))->bubbles();
        QVERIFY(bubbles->headerText(panel->transcript()->index(noteRow)).startsWith(QStringLiteral("Internal note · You")));

        // The customer's side has the answer and not the note.
        const HttpResult seen = customer.messagesAfter(0);
        QCOMPARE(seen.status, 200);
        QStringList customerBodies;
        for (const QJsonValue &v : seen.items())
            customerBodies << v.toObject().value(QStringLiteral("body")).toString();
        QVERIFY2(customerBodies.contains(QStringLiteral("Hello Nadia, we open at 9:00.")), qPrintable(customerBodies.join(u'|')));
        QVERIFY(!customerBodies.contains(QStringLiteral("Customer sounded upset")));

        // The customer types and writes again: both show up live in the open transcript.
        socket.sendTextMessage(QStringLiteral("{\"type\":\"typing\"}"));
        QVERIFY(waitFor([&] { return panel->customerTyping(); }));
        QCOMPARE(customer.say(QStringLiteral("Thanks! And on Saturdays?")).status, 200);
        QVERIFY(waitFor([&] { return transcriptBodies(panel->transcript()).contains(QStringLiteral("Thanks! And on Saturdays?")); }));
        QVERIFY(!panel->customerTyping());
        // A card number reaches the console masked by the server, never in full.
        QCOMPARE(customer.say(QStringLiteral("My card is 4111 1111 1111 1111")).status, 200);
        QVERIFY(waitFor([&] {
            const QStringList bodies = transcriptBodies(panel->transcript());
            return !bodies.isEmpty() && bodies.last().startsWith(QStringLiteral("My card is"));
        }));
        QVERIFY2(!transcriptBodies(panel->transcript()).last().contains(QStringLiteral("4111 1111 1111 1111")),
                 qPrintable(transcriptBodies(panel->transcript()).last()));

        // Ctrl+Shift+W closes it; the customer's socket hears the status.
        QTest::keyClick(&page, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(waitFor([&] { return panel->status() == QStringLiteral("closed"); }));
        QVERIFY(!edit->isEnabled());
        QVERIFY(waitFor([&] {
            for (const QString &f : std::as_const(customerFrames))
                if (f.contains(QLatin1String("\"closed\"")))
                    return true;
            return false;
        }));
        socket.close();
        live.stop();
    }

    void agentWithoutOwnershipWritesNotesOnly()
    {
        ChatCustomer customer(*m_http);
        startWaitingCustomer(customer, QStringLiteral("Omar Notes"));
        if (QTest::currentTestFailed())
            return;
        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        ConversationsPage page(*api, live);
        page.show();
        page.activate();
        page.openConversation(customer.conversationId());
        ConversationPanel *panel = page.panel();
        QVERIFY(waitFor([&] { return panel->isLoaded(); }));
        auto *internal = panel->findChild<QCheckBox *>(QStringLiteral("internalCheck"));
        QVERIFY(internal->isChecked());
        QVERIFY(!internal->isEnabled());
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("takeoverButton"))->isEnabled());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("closeConversationButton"))->isEnabled());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("assignButton"))->isVisible());

        // A supervisor took it meanwhile: the late takeover is told plainly.
        const QString super = m_http->login(QStringLiteral("super@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/conversations/%1/takeover").arg(customer.conversationId()), {}, super).status, 200);
        panel->takeOver();
        auto *error = panel->findChild<QLabel *>(QStringLiteral("conversationError"));
        QVERIFY(waitFor([&] { return error->isVisible(); }));
        QVERIFY2(!error->text().isEmpty(), qPrintable(error->text()));
    }

    void supervisorSeesAssistantListAndAssigns()
    {
        ChatCustomer withBot(*m_http);
        QCOMPARE(withBot.start(QStringLiteral("en"), {{QStringLiteral("customer_name"), QStringLiteral("Bea Bot")}}).status, 201);
        ChatCustomer waitingOne(*m_http);
        startWaitingCustomer(waitingOne, QStringLiteral("Paul Assign"));
        if (QTest::currentTestFailed())
            return;
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        ConversationsPage page(*api, live);
        page.show();
        page.activate();
        ConversationListModel *assistant = page.model(ConversationsPage::AssistantTab);
        QVERIFY(waitFor([&] { return assistant->rowOfConversation(withBot.conversationId()) >= 0; }));
        QCOMPARE(assistant->index(assistant->rowOfConversation(withBot.conversationId()), ConversationListModel::Assignee)
                     .data().toString(), QStringLiteral("Assistant"));

        // Assign to the agent, picked from the staff directory (a supervisor may read it).
        qint64 agentId = 0;
        const HttpResult me = m_http->get(QStringLiteral("/api/v1/auth/me"),
                                          m_http->login(QStringLiteral("agent@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        agentId = me.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(agentId > 0);
        page.openConversation(waitingOne.conversationId());
        ConversationPanel *panel = page.panel();
        QVERIFY(waitFor([&] { return panel->isLoaded(); }));
        panel->assign();
        auto *dialog = waitWindow<QDialog>(QStringLiteral("assignDialog"));
        QVERIFY(dialog);
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("assigneeCombo"));
        QVERIFY(combo);
        QVERIFY(waitFor([&] { return combo->findData(agentId) >= 0; }));
        combo->setCurrentIndex(combo->findData(agentId));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return panel->assignedTo() == agentId; }));
        QCOMPARE(panel->status(), QStringLiteral("agent"));

        // Release hands it back to the assistant.
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("releaseButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return panel->status() == QStringLiteral("bot"); }));
    }

    void agentAnswersWithACannedResponse()
    {
        // A supervisor shares a canned response; the agent has one of their own.
        const QString super = m_http->login(QStringLiteral("super@bank.test"), QLatin1String(HttpClient::kStaffPassword));
        const QString hours = QStringLiteral("We are open Monday to Friday, 9:00 to 17:00, and Saturday morning.");
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"),
                              {{QStringLiteral("title"), QStringLiteral("Opening hours")}, {QStringLiteral("content"), hours},
                               {QStringLiteral("shortcut"), QStringLiteral("/hours")}}, super).status, 201);
        QCOMPARE(m_http->post(QStringLiteral("/api/v1/canned-responses"),
                              {{QStringLiteral("title"), QStringLiteral("Holiday closing")},
                               {QStringLiteral("content"), QStringLiteral("We are closed on public holidays.")},
                               {QStringLiteral("shortcut"), QStringLiteral("holidays")}}, super).status, 201);

        // The customer came once before (same e-mail), and now waits for a person.
        const QJsonObject who{{QStringLiteral("customer_name"), QStringLiteral("Rita Canned")},
                              {QStringLiteral("customer_email"), QStringLiteral("rita@mail.test")}};
        ChatCustomer earlier(*m_http);
        QCOMPARE(earlier.start(QStringLiteral("fr"), who).status, 201);
        QCOMPARE(earlier.close().status, 200);
        ChatCustomer customer(*m_http);
        QCOMPARE(customer.start(QStringLiteral("fr"), who).status, 201);
        QCOMPARE(customer.escalate(QStringLiteral("Je veux parler à quelqu'un")).status, 200);

        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        ConversationsPage page(*api, live);
        page.resize(1200, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        page.activate();
        ConversationListModel *waiting = page.model(ConversationsPage::WaitingTab);
        QVERIFY(waitFor([&] { return !waiting->isLoading() && waiting->rowOfConversation(customer.conversationId()) >= 0; }));
        ConversationPanel *panel = page.panel();
        panel->open(customer.conversationId());
        QVERIFY(waitFor([&] { return panel->isLoaded(); }));

        // The customer panel: who they are, and their earlier conversation.
        CustomerPanel *who2 = panel->customerPanel();
        QCOMPARE(who2->nameText(), QStringLiteral("Rita Canned"));
        QVERIFY2(who2->detailsText().contains(QStringLiteral("rita@mail.test")), qPrintable(who2->detailsText()));
        QVERIFY2(who2->detailsText().contains(QStringLiteral("français")), qPrintable(who2->detailsText()));
        QVERIFY(waitFor([&] { return who2->previousLoaded(); }));
        QCOMPARE(who2->previousConversationIds(), QStringList{earlier.conversationId()});

        panel->takeOver();
        QVERIFY(waitFor([&] { return panel->status() == QStringLiteral("agent"); }));
        QVERIFY(waitFor([&] { return panel->cannedResponses()->isLoaded(); }));

        // "/ho" offers both shortcuts, "/hou" only one; Tab puts the response in place of what was typed.
        auto *edit = panel->findChild<QPlainTextEdit *>(QStringLiteral("composerEdit"));
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Hello Rita. /ho"));
        CannedCompleter *canned = panel->composer()->canned();
        QVERIFY(canned->isListVisible());
        QCOMPARE(canned->suggestions(), (QStringList{QStringLiteral("/holidays"), QStringLiteral("/hours")}));
        QTest::keyClicks(edit, QStringLiteral("u"));
        QCOMPARE(canned->suggestions(), QStringList{QStringLiteral("/hours")});
        QTest::keyClick(edit, Qt::Key_Tab);
        QCOMPARE(edit->toPlainText(), QStringLiteral("Hello Rita. ") + hours);
        QVERIFY(!canned->isListVisible());
        QVERIFY(edit->hasFocus() || !page.isActiveWindow()); // Tab expanded instead of moving on

        // A shortcut saved without its slash works the same, through the list and Enter.
        QTest::keyClicks(edit, QStringLiteral(" /HOLI"));
        QCOMPARE(canned->suggestions(), QStringList{QStringLiteral("/holidays")});
        QTest::keyClick(edit, Qt::Key_Return);
        const QString expected = QStringLiteral("Hello Rita. ") + hours + QStringLiteral(" We are closed on public holidays.");
        QCOMPARE(edit->toPlainText(), expected);
        // A slash inside a word is no shortcut.
        QTest::keyClicks(edit, QStringLiteral(" and/ho"));
        QVERIFY(!canned->isListVisible());
        for (int i = 0; i < 7; ++i)
            QTest::keyClick(edit, Qt::Key_Backspace);
        QCOMPARE(edit->toPlainText(), expected);

        // Ctrl+Enter sends; the customer receives the expanded text.
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(waitFor([&] { return transcriptBodies(panel->transcript()).contains(expected); }));
        const HttpResult seen = customer.messagesAfter(0);
        QCOMPARE(seen.status, 200);
        QStringList bodies;
        for (const QJsonValue &v : seen.items())
            bodies << v.toObject().value(QStringLiteral("body")).toString();
        QVERIFY2(bodies.contains(expected), qPrintable(bodies.join(u'|')));
        QVERIFY(!bodies.join(u'|').contains(QStringLiteral("/hours")));

        // Ctrl+K lists every response.
        QTest::keyClick(edit, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(canned->isListVisible());
        QCOMPARE(canned->suggestions().size(), 2);
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!canned->isListVisible());
    }

    void helpListsTheConversationShortcuts()
    {
        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        LiveEvents live(*api);
        MainWindow window(*api, live);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), window.page(PageId::Conversations));
        window.showShortcuts();
        auto *help = waitWindow<QDialog>(QStringLiteral("shortcutsDialog"));
        QVERIFY(help);
        auto *table = help->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
        QStringList actions;
        for (int i = 0; i < table->rowCount(); ++i)
            actions << table->item(i, 1)->text();
        QVERIFY2(actions.contains(QStringLiteral("Conversations: take over the open conversation")), qPrintable(actions.join(u'|')));
        QVERIFY(actions.contains(QStringLiteral("Conversations: open the customer waiting longest")));
        help->close();
    }

    void modelsPassTheModelTester()
    {
        ChatCustomer customer(*m_http);
        startWaitingCustomer(customer, QStringLiteral("Tess Tester"));
        if (QTest::currentTestFailed())
            return;
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        for (auto kind : {ConversationListModel::Kind::Waiting, ConversationListModel::Kind::Mine,
                          ConversationListModel::Kind::Assistant, ConversationListModel::Kind::Closed}) {
            ConversationListModel model(*api, kind, api->user().id);
            model.setPageSize(2);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.reload();
            QVERIFY(waitFor([&] {
                if (model.canFetchMore({}))
                    model.fetchMore({});
                return !model.isLoading() && model.total() >= 0 && model.rowCount() == int(model.total());
            }));
            model.tick();
            model.setSearch(QStringLiteral("Tess"));
            QVERIFY(waitFor([&] { return !model.isLoading() && model.total() >= 0; }));
            if (kind == ConversationListModel::Kind::Waiting)
                QCOMPARE(model.rowCount(), 1);
        }

        TranscriptModel transcript;
        QAbstractItemModelTester tester(&transcript, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const HttpResult detail = m_http->get(QStringLiteral("/api/v1/conversations/%1").arg(customer.conversationId()),
                                              m_http->login(QStringLiteral("super@bank.test"), QLatin1String(HttpClient::kStaffPassword)));
        QCOMPARE(detail.status, 200);
        const QJsonArray messages = detail.json().value(QStringLiteral("messages")).toArray();
        QVERIFY(messages.size() >= 3);
        transcript.setMessages(messages);
        QCOMPARE(transcript.rowCount(), messages.size());
        // A live event for a message already there changes nothing; a newer one is appended, an
        // older one (out of order) lands in its place.
        QVERIFY(!transcript.addMessage(messages.first().toObject()));
        QJsonObject later = messages.last().toObject();
        later.insert(QStringLiteral("id"), later.value(QStringLiteral("id")).toInteger() + 100);
        QVERIFY(transcript.addMessage(later));
        QCOMPARE(transcript.lastId(), later.value(QStringLiteral("id")).toInteger());
        QJsonObject between = later;
        between.insert(QStringLiteral("id"), later.value(QStringLiteral("id")).toInteger() - 50);
        QVERIFY(transcript.addMessage(between));
        QCOMPARE(transcript.index(transcript.rowCount() - 2).data(TranscriptModel::IdRole).toLongLong(),
                 between.value(QStringLiteral("id")).toInteger());
        transcript.clear();
        QCOMPARE(transcript.rowCount(), 0);
    }
};

QTEST_MAIN(TestUiConversations)
#include "tst_ui_conversations.moc"
