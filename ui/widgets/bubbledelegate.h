#pragma once
// Paints a transcript message as a chat bubble: the customer's and the assistant's on the left,
// staff answers on the right, internal notes on the right in a note colour with a dashed edge,
// system notices centred without a bubble. Assistant answers list their sources under the text.

#include <QStyledItemDelegate>

namespace joxai::ui {

class BubbleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BubbleDelegate)

public:
    explicit BubbleDelegate(QWidget *view);

    // The staff member using the console (their own answers say "You").
    void setMyUserId(qint64 id) { m_me = id; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The small line above the text: "Customer · 14:02", "Internal note · You · 14:05", ...
    QString headerText(const QModelIndex &index) const;

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect body;
        QRect sources;
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int availableWidth(const QStyleOptionViewItem &option) const;

    QWidget *m_view;
    qint64 m_me = 0;
};

} // namespace joxai::ui
