#pragma once
// One of the Conversations page's lists over GET /api/v1/conversations: waiting for a person (with
// the time waited so far), mine, with the assistant, or closed; optionally narrowed by a search.

#include "ui/models/pagedtablemodel.h"

namespace joxai::ui {

class ConversationListModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    enum class Kind { Waiting, Mine, Assistant, Closed };
    enum Column { Customer, Since, Priority, Assignee, Language, ColumnCount };
    static constexpr int ConversationIdRole = Qt::UserRole + 10;

    ConversationListModel(ApiClient &api, Kind kind, qint64 myUserId, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    // Narrows the list to a customer name or e-mail, or the start of a conversation id.
    void setSearch(const QString &text);
    QString conversationId(int row) const;
    int rowOfConversation(const QString &conversationId) const;
    // The row waiting longest (Waiting), or -1.
    int longestWaitingRow() const;
    // Repaints the time column (wait times grow while nothing else changes).
    void tick();

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // "4 min", "1 h 05 min" from seconds.
    static QString durationText(qint64 seconds);
    // "Waiting", "With an agent", ... for an API status.
    static QString statusName(const QString &status);
    static QString priorityName(const QString &priority);
    // The customer's name, else e-mail, else "Customer 1a2b3c4d".
    static QString customerName(const QJsonObject &conversation);

protected:
    QVariant cell(const QJsonObject &row, int column, int role) const override;

private:
    QUrlQuery baseFilter() const;
    QDateTime since(const QJsonObject &row) const;

    Kind m_kind;
    qint64 m_me;
};

} // namespace joxai::ui
