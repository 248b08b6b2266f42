#pragma once
// "Ask the assistant": a question goes to POST /api/v1/knowledge/search and the panel shows the
// published articles exactly as the assistant would rank them, with their scores.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace joxai::ui {

class ApiClient;

class KnowledgeSearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeSearchPanel)

public:
    explicit KnowledgeSearchPanel(ApiClient &api, QWidget *parent = nullptr);
    ~KnowledgeSearchPanel() override;

    void ask(const QString &question);
    int resultCount() const;
    QTableWidget *results() const { return m_results; }

Q_SIGNALS:
    void articleChosen(qint64 articleId);

private:
    ApiClient &m_api;
    QLineEdit *m_question;
    QComboBox *m_language;
    QLabel *m_summary;
    QTableWidget *m_results;
    int m_generation = 0;
};

} // namespace joxai::ui
