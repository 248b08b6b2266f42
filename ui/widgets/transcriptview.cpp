#include "ui/widgets/transcriptview.h"

#include "ui/widgets/bubbledelegate.h"

#include <QScrollBar>
#include <QTimer>

namespace joxai::ui {

TranscriptView::TranscriptView(QWidget *parent) : QListView(parent), m_delegate(new BubbleDelegate(this))
{
    setObjectName(QStringLiteral("transcriptView"));
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setStyleSheet(QStringLiteral("QListView { background: palette(base); }"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_atBottom = value >= verticalScrollBar()->maximum() - 4; });
}

void TranscriptView::setMyUserId(qint64 id)
{
    m_delegate->setMyUserId(id);
}

void TranscriptView::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    if (!model)
        return;
    const auto toBottom = [this] { QTimer::singleShot(0, this, &QListView::scrollToBottom); };
    connect(model, &QAbstractItemModel::modelReset, this, [this, toBottom] {
        m_atBottom = true;
        toBottom();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this, toBottom] {
        if (m_atBottom)
            toBottom();
    });
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    scheduleDelayedItemsLayout(); // bubbles wrap to the new width
}

} // namespace joxai::ui
