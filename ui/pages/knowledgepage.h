#pragma once
// Knowledge: the article list with search and filters (status, category, language) — the review
// queue is the "In review" filter — the editor with Markdown preview and the review steps, and
// the "ask the assistant" test panel.

#include "ui/pages/page.h"

class QComboBox;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace joxai::ui {

class ApiClient;
class KnowledgeEditor;
class KnowledgeModel;
class KnowledgeSearchPanel;

class KnowledgePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgePage)

public:
    explicit KnowledgePage(ApiClient &api, QWidget *parent = nullptr);
    ~KnowledgePage() override;

    void refresh() override;
    void focusSearch() override;

    KnowledgeModel *model() const { return m_model; }
    KnowledgeEditor *editor() const { return m_editor; }
    KnowledgeSearchPanel *searchPanel() const { return m_ask; }
    QTableView *table() const { return m_table; }
    void openArticle(qint64 id);
    void showReviewQueue();

private:
    void applyFilters(bool load = true);

    KnowledgeModel *m_model;
    QTableView *m_table;
    KnowledgeEditor *m_editor;
    KnowledgeSearchPanel *m_ask;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QComboBox *m_status;
    QLineEdit *m_category;
    QComboBox *m_language;
};

} // namespace joxai::ui
