#pragma once
// An article's version history (GET /api/v1/knowledge/{id}/versions, newest first); choosing a
// version shows what it changed against the one before it, line by line.

#include <QDialog>
#include <QJsonArray>

class QListWidget;
class QTextBrowser;

namespace joxai::ui {

class ApiClient;

class KnowledgeVersionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeVersionsDialog)

public:
    KnowledgeVersionsDialog(ApiClient &api, qint64 articleId, QWidget *parent = nullptr);
    ~KnowledgeVersionsDialog() override;

    int versionCount() const;
    QString diffHtml() const;
    void showVersion(int row);

private:
    QJsonArray m_versions;
    QListWidget *m_list;
    QTextBrowser *m_diff;
};

} // namespace joxai::ui
