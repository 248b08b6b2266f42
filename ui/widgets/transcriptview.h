#pragma once
// A conversation's transcript as chat bubbles (BubbleDelegate over a TranscriptModel). Keeps the
// newest message in view while the reader is at the bottom, and re-wraps when resized.

#include <QListView>

namespace joxai::ui {

class BubbleDelegate;

class TranscriptView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void setMyUserId(qint64 id);
    void setModel(QAbstractItemModel *model) override;
    BubbleDelegate *bubbles() const { return m_delegate; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    BubbleDelegate *m_delegate;
    bool m_atBottom = true;
};

} // namespace joxai::ui
