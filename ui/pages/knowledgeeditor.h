#pragma once
// One knowledge article: title, category, tags, language and the Markdown text with a live
// preview; save (PUT with the version read, a stale one said plainly), and the review steps
// submit / approve / reject (the four-eyes refusal said plainly). Agents read only.

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace joxai::ui {

class ApiClient;

class KnowledgeEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeEditor)

public:
    explicit KnowledgeEditor(ApiClient &api, QWidget *parent = nullptr);
    ~KnowledgeEditor() override;

    void open(qint64 articleId);
    // An empty form for a new article (POST on save).
    void startNew();
    void reload();
    qint64 articleId() const { return m_id; }
    QJsonObject article() const { return m_article; }
    QString errorText() const;

    void save();
    void submit();
    void approve();
    void reject(const QString &reason);
    void archive();
    void showVersions();

Q_SIGNALS:
    void articleChanged(const QJsonObject &article);
    void statusMessage(const QString &text);

private:
    void show(const QJsonObject &article);
    void step(const QString &action, const QJsonObject &body, const QString &done);
    void updateButtons();
    void showError(const QString &text);
    void updatePreview();
    QJsonObject form() const;

    ApiClient &m_api;
    qint64 m_id = 0;
    QJsonObject m_article;
    bool m_new = false;
    QLabel *m_state;
    QLabel *m_error;
    QLineEdit *m_title;
    QLineEdit *m_category;
    QLineEdit *m_tags;
    QComboBox *m_language;
    QPlainTextEdit *m_content;
    QTextBrowser *m_preview;
    QPushButton *m_save;
    QPushButton *m_submit;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_archive;
    QPushButton *m_versions;
    QTimer m_previewTimer;
};

} // namespace joxai::ui
