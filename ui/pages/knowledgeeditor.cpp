#include "ui/pages/knowledgeeditor.h"

#include "ui/client/apiclient.h"
#include "ui/models/knowledgemodel.h"
#include "ui/pages/knowledgeversionsdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace joxai::ui {

KnowledgeEditor::KnowledgeEditor(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_state(new QLabel(this)), m_error(new QLabel(this)), m_title(new QLineEdit(this)),
      m_category(new QLineEdit(this)), m_tags(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_content(new QPlainTextEdit(this)), m_preview(new QTextBrowser(this)), m_save(new QPushButton(tr("&Save"), this)),
      m_submit(new QPushButton(tr("Su&bmit for review"), this)), m_approve(new QPushButton(tr("A&pprove"), this)),
      m_reject(new QPushButton(tr("&Reject…"), this)), m_archive(new QPushButton(tr("Arc&hive"), this)),
      m_versions(new QPushButton(tr("&Versions…"), this))
{
    setObjectName(QStringLiteral("knowledgeEditor"));
    m_state->setObjectName(QStringLiteral("articleState"));
    m_error->setObjectName(QStringLiteral("articleError"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_category->setObjectName(QStringLiteral("categoryEdit"));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_content->setObjectName(QStringLiteral("contentEdit"));
    m_preview->setObjectName(QStringLiteral("previewBrowser"));
    m_save->setObjectName(QStringLiteral("saveArticleButton"));
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_archive->setObjectName(QStringLiteral("archiveButton"));
    m_versions->setObjectName(QStringLiteral("versionsButton"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_state->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_title->setMaxLength(200);
    m_tags->setPlaceholderText(tr("comma, separated, tags"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("French"), QStringLiteral("fr"));
    m_content->setPlaceholderText(tr("The article in Markdown…"));
    m_preview->setOpenLinks(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    auto *row = new QHBoxLayout;
    row->addWidget(m_category, 1);
    auto *languageLabel = new QLabel(tr("Lan&guage:"), this);
    languageLabel->setBuddy(m_language);
    row->addWidget(languageLabel);
    row->addWidget(m_language);
    auto *categoryLabel = new QLabel(tr("&Category:"), this);
    categoryLabel->setBuddy(m_category);
    form->addRow(categoryLabel, row);
    form->addRow(tr("T&ags:"), m_tags);
    auto *split = new QSplitter(this);
    split->addWidget(m_content);
    split->addWidget(m_preview);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);
    buttons->addWidget(m_versions);
    buttons->addWidget(m_archive);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(250);
    connect(&m_previewTimer, &QTimer::timeout, this, &KnowledgeEditor::updatePreview);
    connect(m_content, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_save, &QPushButton::clicked, this, &KnowledgeEditor::save);
    connect(m_submit, &QPushButton::clicked, this, &KnowledgeEditor::submit);
    connect(m_approve, &QPushButton::clicked, this, &KnowledgeEditor::approve);
    connect(m_archive, &QPushButton::clicked, this, &KnowledgeEditor::archive);
    connect(m_versions, &QPushButton::clicked, this, &KnowledgeEditor::showVersions);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getMultiLineText(this, tr("Reject the change"),
                                                              tr("Why? The author sees this reason."), {}, &ok);
        if (ok && !reason.trimmed().isEmpty())
            reject(reason.trimmed());
    });
    open(0);
}

KnowledgeEditor::~KnowledgeEditor() = default;

QString KnowledgeEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void KnowledgeEditor::open(qint64 articleId)
{
    m_id = articleId;
    m_new = false;
    m_article = {};
    m_error->hide();
    if (articleId <= 0) {
        m_state->setText(tr("No article open"));
        for (QLineEdit *e : {m_title, m_category, m_tags})
            e->clear();
        m_content->clear();
        updateButtons();
        return;
    }
    reload();
}

void KnowledgeEditor::startNew()
{
    open(0);
    m_new = true;
    m_state->setText(tr("New article (a draft until it is reviewed)"));
    updateButtons();
    m_title->setFocus();
}

void KnowledgeEditor::reload()
{
    if (m_id <= 0)
        return;
    const qint64 id = m_id;
    m_api.get(QStringLiteral("/api/v1/knowledge/%1").arg(id), {}, this, [this, id](const ApiReply &r) {
        if (id != m_id)
            return;
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        show(r.object());
    });
}

void KnowledgeEditor::show(const QJsonObject &a)
{
    m_article = a;
    m_id = a.value(QStringLiteral("id")).toInteger();
    m_new = false;
    m_title->setText(a.value(QStringLiteral("title")).toString());
    m_category->setText(a.value(QStringLiteral("category")).toString());
    QStringList tags;
    for (const QJsonValue &t : a.value(QStringLiteral("tags")).toArray())
        tags << t.toString();
    m_tags->setText(tags.join(QStringLiteral(", ")));
    const int lang = m_language->findData(a.value(QStringLiteral("language")).toString());
    if (lang < 0)
        m_language->addItem(a.value(QStringLiteral("language")).toString(), a.value(QStringLiteral("language")).toString());
    m_language->setCurrentIndex(m_language->findData(a.value(QStringLiteral("language")).toString()));
    m_content->setPlainText(a.value(QStringLiteral("content")).toString());
    updatePreview();
    QString state = tr("#%1 · %2 · version %3")
                        .arg(QString::number(m_id), KnowledgeModel::statusName(a.value(QStringLiteral("status")).toString()),
                             QString::number(a.value(QStringLiteral("version")).toInteger()));
    const QString note = a.value(QStringLiteral("review_note")).toString();
    if (!note.isEmpty())
        state += tr(" · last rejected: %1").arg(note);
    m_state->setText(state);
    updateButtons();
}

void KnowledgeEditor::updateButtons()
{
    const bool writer = m_api.user().isSupervisorOrAdmin();
    const QString status = m_article.value(QStringLiteral("status")).toString();
    const bool have = m_id > 0 && !m_article.isEmpty();
    for (QLineEdit *e : {m_title, m_category, m_tags})
        e->setReadOnly(!writer || (!have && !m_new));
    m_content->setReadOnly(!writer || (!have && !m_new));
    m_language->setEnabled(writer && (have || m_new));
    m_save->setVisible(writer);
    m_submit->setVisible(writer);
    m_approve->setVisible(writer);
    m_reject->setVisible(writer);
    m_archive->setVisible(writer);
    m_save->setEnabled(have || m_new);
    m_submit->setEnabled(have && status == QLatin1String("draft"));
    m_approve->setEnabled(have && status == QLatin1String("in_review"));
    m_reject->setEnabled(have && status == QLatin1String("in_review"));
    m_archive->setEnabled(have && status != QLatin1String("archived"));
    m_versions->setEnabled(have);
}

void KnowledgeEditor::updatePreview()
{
    m_preview->setMarkdown(m_content->toPlainText());
}

QJsonObject KnowledgeEditor::form() const
{
    QJsonArray tags;
    for (const QString &t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags.append(t.trimmed());
    return {{QStringLiteral("title"), m_title->text().trimmed()},
            {QStringLiteral("content"), m_content->toPlainText()},
            {QStringLiteral("category"), m_category->text().trimmed()},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("language"), m_language->currentData().toString()}};
}

void KnowledgeEditor::save()
{
    QJsonObject body = form();
    const auto done = [this](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message()); // the text stays in the editor
        m_error->hide();
        show(r.object());
        Q_EMIT articleChanged(r.object());
        Q_EMIT statusMessage(tr("Article saved as a draft."));
    };
    if (m_new) {
        m_api.post(QStringLiteral("/api/v1/knowledge"), body, this, done);
        return;
    }
    if (m_id <= 0)
        return;
    body.insert(QStringLiteral("version"), m_article.value(QStringLiteral("version")));
    m_api.put(QStringLiteral("/api/v1/knowledge/%1").arg(m_id), body, this, done);
}

void KnowledgeEditor::step(const QString &action, const QJsonObject &body, const QString &done)
{
    if (m_id <= 0)
        return;
    QJsonObject withVersion = body;
    withVersion.insert(QStringLiteral("version"), m_article.value(QStringLiteral("version")));
    m_api.post(QStringLiteral("/api/v1/knowledge/%1/%2").arg(m_id).arg(action), withVersion, this, [this, done](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        show(r.object());
        Q_EMIT articleChanged(r.object());
        Q_EMIT statusMessage(done);
    });
}

void KnowledgeEditor::submit()
{
    step(QStringLiteral("submit"), {}, tr("Submitted for review: another supervisor or administrator approves it."));
}

void KnowledgeEditor::approve()
{
    step(QStringLiteral("approve"), {}, tr("Approved: the assistant uses this text from now on."));
}

void KnowledgeEditor::reject(const QString &reason)
{
    step(QStringLiteral("reject"), {{QStringLiteral("reason"), reason}}, tr("Rejected: the article is a draft again."));
}

void KnowledgeEditor::archive()
{
    if (m_id <= 0)
        return;
    m_api.remove(QStringLiteral("/api/v1/knowledge/%1").arg(m_id), this, [this](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message());
        show(r.object());
        Q_EMIT articleChanged(r.object());
        Q_EMIT statusMessage(tr("Article archived; the assistant no longer uses it."));
    });
}

void KnowledgeEditor::showVersions()
{
    if (m_id <= 0)
        return;
    auto *dialog = new KnowledgeVersionsDialog(m_api, m_id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void KnowledgeEditor::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
}

} // namespace joxai::ui
