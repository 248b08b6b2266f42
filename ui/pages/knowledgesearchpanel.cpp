#include "ui/pages/knowledgesearchpanel.h"

#include "ui/client/apiclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace joxai::ui {

KnowledgeSearchPanel::KnowledgeSearchPanel(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_question(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_summary(new QLabel(this)), m_results(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("knowledgeSearchPanel"));
    m_question->setObjectName(QStringLiteral("questionEdit"));
    m_language->setObjectName(QStringLiteral("searchLanguageCombo"));
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_summary->setObjectName(QStringLiteral("searchSummary"));
    m_question->setPlaceholderText(tr("Ask as a customer would, e.g. \"I lost my card\""));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("French"), QStringLiteral("fr"));
    m_results->setHorizontalHeaderLabels({tr("Rank"), tr("Score"), tr("Article"), tr("Excerpt")});
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setColumnWidth(0, 50);
    m_results->setColumnWidth(1, 70);
    m_results->setColumnWidth(2, 230);
    m_results->setWordWrap(false);
    auto *ask = new QPushButton(tr("As&k"), this);
    ask->setObjectName(QStringLiteral("askButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_question, 1);
    row->addWidget(m_language);
    row->addWidget(ask);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("See which published articles the assistant would use to answer a question, "
                                    "best first."), this));
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_results, 1);
    connect(ask, &QPushButton::clicked, this, [this] { this->ask(m_question->text()); });
    connect(m_question, &QLineEdit::returnPressed, this, [this] { this->ask(m_question->text()); });
    connect(m_results, &QTableWidget::cellDoubleClicked, this, [this](int r, int) {
        Q_EMIT articleChosen(m_results->item(r, 2)->data(Qt::UserRole).toLongLong());
    });
}

KnowledgeSearchPanel::~KnowledgeSearchPanel() = default;

int KnowledgeSearchPanel::resultCount() const
{
    return m_results->rowCount();
}

void KnowledgeSearchPanel::ask(const QString &question)
{
    if (question.trimmed().isEmpty())
        return;
    if (m_question->text() != question)
        m_question->setText(question);
    const int generation = ++m_generation;
    m_summary->setText(tr("Asking…"));
    const QJsonObject body{{QStringLiteral("query"), question.trimmed()}, {QStringLiteral("language"), m_language->currentData().toString()}};
    m_api.post(QStringLiteral("/api/v1/knowledge/search"), body, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        m_results->setRowCount(0);
        if (!r.ok()) {
            m_summary->setText(r.error->message());
            return;
        }
        const QJsonArray items = r.items();
        m_summary->setText(items.isEmpty() ? tr("No published article matches: the assistant would say it does not know.")
                                           : tr("%n match(es) in all; the assistant sees them in this order.", nullptr, int(r.total())));
        m_results->setRowCount(int(items.size()));
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject m = items.at(i).toObject();
            auto *title = new QTableWidgetItem(m.value(QStringLiteral("title")).toString());
            title->setData(Qt::UserRole, m.value(QStringLiteral("id")).toInteger());
            QTextDocument markdown;
            markdown.setMarkdown(m.value(QStringLiteral("content")).toString());
            const QString content = markdown.toPlainText().simplified();
            auto *excerpt = new QTableWidgetItem(content.left(200));
            excerpt->setToolTip(content.left(1000));
            m_results->setItem(i, 0, new QTableWidgetItem(QString::number(i + 1)));
            m_results->setItem(i, 1, new QTableWidgetItem(QLocale().toString(m.value(QStringLiteral("score")).toDouble(), 'f', 4)));
            m_results->setItem(i, 2, title);
            m_results->setItem(i, 3, excerpt);
        }
    });
}

} // namespace joxai::ui
