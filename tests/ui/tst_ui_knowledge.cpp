// The Knowledge page against a real server (with its default articles): a supervisor edits an
// article with the Markdown preview and submits it, approving it themselves is refused plainly
// (four eyes), another supervisor approves; a stale save is said plainly and keeps the text; the
// version history shows the diff; the "ask the assistant" panel shows ranked matches with scores;
// agents read only; the model under QAbstractItemModelTester.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/uitest.h"
#include "ui/models/knowledgemodel.h"
#include "ui/pages/knowledgeeditor.h"
#include "ui/pages/knowledgepage.h"
#include "ui/pages/knowledgesearchpanel.h"
#include "ui/pages/knowledgeversionsdialog.h"
#include "ui/widgets/textdiff.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;
using namespace joxai::ui;
using namespace joxai::uitest;

class TestUiKnowledge : public QObject
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

    static bool loaded(KnowledgeEditor *editor, qint64 id)
    {
        return waitFor([&] { return editor->article().value(QStringLiteral("id")).toInteger() == id; });
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
        QVERIFY(!m_http->createStaff(m_admin, QStringLiteral("super2@bank.test"), QStringLiteral("supervisor")).isEmpty());
    }

    void supervisorEditsAndSubmitsAnotherApproves()
    {
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        KnowledgePage page(*api);
        page.resize(1280, 760);
        page.show();
        page.activate();
        QVERIFY(waitFor([&] { return !page.model()->isLoading() && page.model()->rowCount() >= 10; }));

        // Search narrows the list; open the first match.
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("lost card"));
        QVERIFY(waitFor([&] { return !page.model()->isLoading() && page.model()->rowCount() >= 1 && page.model()->total() < 96; }));
        const qint64 id = page.model()->rowObject(0).value(QStringLiteral("id")).toInteger();
        page.table()->selectRow(0);
        KnowledgeEditor *editor = page.editor();
        QVERIFY(loaded(editor, id));
        QCOMPARE(editor->article().value(QStringLiteral("status")).toString(), QStringLiteral("published"));

        // Edit with a live Markdown preview, save (a draft again), submit.
        auto *content = editor->findChild<QPlainTextEdit *>(QStringLiteral("contentEdit"));
        content->moveCursor(QTextCursor::End);
        content->insertPlainText(QStringLiteral("\n\n## Abroad\n\nCall **+33 1 00 00 00 00** day and night."));
        auto *preview = editor->findChild<QTextBrowser *>(QStringLiteral("previewBrowser"));
        QVERIFY(waitFor([&] { return preview->toPlainText().contains(QStringLiteral("Abroad")); }));
        QVERIFY(!preview->toPlainText().contains(QStringLiteral("**"))); // rendered, not raw
        const qint64 versionBefore = editor->article().value(QStringLiteral("version")).toInteger();
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveArticleButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return editor->article().value(QStringLiteral("version")).toInteger() > versionBefore; }));
        QCOMPARE(editor->article().value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("submitButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return editor->article().value(QStringLiteral("status")).toString() == QStringLiteral("in_review"); }));

        // Approving one's own change: four eyes, said plainly.
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("approveButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return !editor->errorText().isEmpty(); }));
        QVERIFY2(editor->errorText().contains(QStringLiteral("Four eyes")), qPrintable(editor->errorText()));
        QCOMPARE(editor->article().value(QStringLiteral("status")).toString(), QStringLiteral("in_review"));

        // Another supervisor finds it in the review queue and approves.
        auto other = client(QStringLiteral("super2@bank.test"));
        QVERIFY(other);
        KnowledgePage reviewer(*other);
        reviewer.show();
        reviewer.activate();
        reviewer.showReviewQueue();
        QVERIFY(waitFor([&] { return !reviewer.model()->isLoading() && reviewer.model()->rowOfId(id) >= 0; }));
        reviewer.openArticle(id);
        QVERIFY(loaded(reviewer.editor(), id));
        QTest::mouseClick(reviewer.editor()->findChild<QPushButton *>(QStringLiteral("approveButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return reviewer.editor()->article().value(QStringLiteral("status")).toString() == QStringLiteral("published"); }));
        QVERIFY(reviewer.editor()->errorText().isEmpty());
        const HttpResult published = m_http->get(QStringLiteral("/api/v1/knowledge/%1").arg(id), m_admin);
        QCOMPARE(published.json().value(QStringLiteral("status")).toString(), QStringLiteral("published"));
        QVERIFY(published.json().value(QStringLiteral("content")).toString().contains(QStringLiteral("day and night")));

        // The history shows what changed.
        reviewer.editor()->showVersions();
        auto *versions = waitWindow<KnowledgeVersionsDialog>(QStringLiteral("versionsDialog"));
        QVERIFY(versions);
        QVERIFY(waitFor([&] { return versions->versionCount() >= 4; }));
        // One version added the paragraph (shown as an added line).
        bool added = false;
        for (int row = 0; row < versions->versionCount() && !added; ++row) {
            versions->showVersion(row);
            added = versions->diffHtml().contains(QStringLiteral("+ Call **+33 1 00 00 00 00** day and night."));
        }
        QVERIFY(added);
        versions->close();
    }

    void staleSaveIsSaidPlainlyAndKeepsTheText()
    {
        auto api = client(QStringLiteral("super@bank.test"));
        QVERIFY(api);
        KnowledgePage page(*api);
        page.show();
        page.activate();
        QVERIFY(waitFor([&] { return !page.model()->isLoading() && page.model()->rowCount() >= 2; }));
        const qint64 id = page.model()->rowObject(1).value(QStringLiteral("id")).toInteger();
        page.openArticle(id);
        QVERIFY(loaded(page.editor(), id));
        // Someone else saves meanwhile.
        const HttpResult other = m_http->put(QStringLiteral("/api/v1/knowledge/%1").arg(id),
                                             {{QStringLiteral("title"), QStringLiteral("Changed elsewhere")},
                                              {QStringLiteral("version"), page.editor()->article().value(QStringLiteral("version"))}},
                                             m_admin);
        QCOMPARE(other.status, 200);
        auto *title = page.editor()->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        title->setText(QStringLiteral("My own title"));
        page.editor()->save();
        QVERIFY(waitFor([&] { return !page.editor()->errorText().isEmpty(); }));
        QVERIFY2(page.editor()->errorText().contains(QStringLiteral("Someone else saved")), qPrintable(page.editor()->errorText()));
        QCOMPARE(title->text(), QStringLiteral("My own title"));
    }

    void askTheAssistantShowsRankedMatches()
    {
        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        KnowledgePage page(*api);
        page.show();
        page.activate();
        // Agents read only.
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("newArticleButton"))->isVisibleTo(&page));
        QVERIFY(!page.editor()->findChild<QPushButton *>(QStringLiteral("saveArticleButton"))->isVisibleTo(&page));

        KnowledgeSearchPanel *ask = page.searchPanel();
        ask->ask(QStringLiteral("I lost my card"));
        QVERIFY(waitFor([&] { return ask->resultCount() >= 1; }));
        const QJsonObject expected = m_http->post(QStringLiteral("/api/v1/knowledge/search"),
                                                  {{QStringLiteral("query"), QStringLiteral("I lost my card")}}, m_admin)
                                         .items().first().toObject();
        QTableWidget *results = ask->results();
        QCOMPARE(results->item(0, 2)->text(), expected.value(QStringLiteral("title")).toString());
        QCOMPARE(results->item(0, 1)->text(), QLocale().toString(expected.value(QStringLiteral("score")).toDouble(), 'f', 4));
        if (ask->resultCount() > 1)
            QVERIFY(QLocale().toDouble(results->item(0, 1)->text()) >= QLocale().toDouble(results->item(1, 1)->text()));
    }

    void diffAndModelTester()
    {
        const QList<TextDiff::Line> d = TextDiff::lines(QStringLiteral("a\nb\nc"), QStringLiteral("a\nx\nc\nd"));
        QStringList shown;
        for (const TextDiff::Line &l : d)
            shown << (l.kind == TextDiff::Kind::Same ? QStringLiteral(" ") : l.kind == TextDiff::Kind::Added ? QStringLiteral("+") : QStringLiteral("-")) + l.text;
        QCOMPARE(shown, (QStringList{QStringLiteral(" a"), QStringLiteral("-b"), QStringLiteral("+x"), QStringLiteral(" c"), QStringLiteral("+d")}));

        auto api = client(QStringLiteral("agent@bank.test"));
        QVERIFY(api);
        KnowledgeModel model(*api);
        model.setPageSize(25);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        KnowledgeModel::Filters f;
        f.language = QStringLiteral("fr");
        model.setFilters(f);
        QVERIFY(waitFor([&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.isLoading() && model.total() >= 0 && model.rowCount() == int(model.total());
        }));
        QVERIFY(model.rowCount() >= 40);
        QCOMPARE(model.index(0, KnowledgeModel::Language).data().toString(), QStringLiteral("FR"));
    }
};

QTEST_MAIN(TestUiKnowledge)
#include "tst_ui_knowledge.moc"
