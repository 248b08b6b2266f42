#pragma once
// The messages of one conversation in id order, as the staff API gives them (customer, assistant
// with sources, agent, system, and internal notes). New messages from live events are merged in
// once, whatever order they arrive in.

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>

namespace joxai::ui {

class TranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SenderRole,   // "customer" | "assistant" | "agent" | "system"
        InternalRole, // bool: a note only staff see
        SourcesRole,  // QStringList of article titles (assistant answers)
        TimeRole,     // QDateTime, local
        AuthorRole,   // staff user id or 0
    };

    explicit TranscriptModel(QObject *parent = nullptr);

    void setMessages(const QJsonArray &messages);
    // Adds one message (a live event or our own POST's answer); answers false when already there.
    bool addMessage(const QJsonObject &message);
    void clear();
    QJsonObject message(int row) const;
    qint64 lastId() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<QJsonObject> m_messages;
};

} // namespace joxai::ui
