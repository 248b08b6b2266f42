#include "ui/widgets/bubbledelegate.h"

#include "ui/models/transcriptmodel.h"

#include <QAbstractScrollArea>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace joxai::ui {

namespace {

constexpr int kMargin = 8;   // around a bubble
constexpr int kPadding = 10; // inside a bubble
constexpr int kGap = 3;      // between header, text and sources

enum class Side { Left, Right, Centre };

struct Look
{
    Side side;
    QColor fill;
    QColor border;
};

Look lookOf(const QModelIndex &index)
{
    const QString sender = index.data(TranscriptModel::SenderRole).toString();
    if (index.data(TranscriptModel::InternalRole).toBool())
        return {Side::Right, QColor(0xff, 0xf4, 0xd6), QColor(0xc9, 0x9a, 0x2e)};
    if (sender == QLatin1String("customer"))
        return {Side::Left, QColor(0xf1, 0xf3, 0xf4), QColor(0xda, 0xdc, 0xe0)};
    if (sender == QLatin1String("assistant"))
        return {Side::Left, QColor(0xe6, 0xf4, 0xea), QColor(0xb7, 0xdf, 0xc4)};
    if (sender == QLatin1String("agent"))
        return {Side::Right, QColor(0xd2, 0xe3, 0xfc), QColor(0xa8, 0xc7, 0xfa)};
    return {Side::Centre, QColor(), QColor()};
}

QFont smaller(const QFont &f)
{
    QFont out = f;
    out.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.85));
    return out;
}

} // namespace

BubbleDelegate::BubbleDelegate(QWidget *view) : QStyledItemDelegate(view), m_view(view) {}

int BubbleDelegate::availableWidth(const QStyleOptionViewItem &option) const
{
    int width = option.rect.width();
    if (auto *area = qobject_cast<QAbstractScrollArea *>(m_view))
        width = area->viewport()->width();
    return std::max(120, width);
}

QString BubbleDelegate::headerText(const QModelIndex &index) const
{
    const QString sender = index.data(TranscriptModel::SenderRole).toString();
    const qint64 author = index.data(TranscriptModel::AuthorRole).toLongLong();
    QString who;
    if (sender == QLatin1String("customer"))
        who = tr("Customer");
    else if (sender == QLatin1String("assistant"))
        who = tr("Assistant");
    else if (sender == QLatin1String("agent"))
        who = author != 0 && author == m_me ? tr("You") : author != 0 ? tr("Agent #%1").arg(author) : tr("Agent");
    else if (sender == QLatin1String("system"))
        who = tr("System");
    else
        who = sender;
    if (index.data(TranscriptModel::InternalRole).toBool())
        who = tr("Internal note · %1").arg(author != 0 && author == m_me ? tr("You") : who);
    const QDateTime at = index.data(TranscriptModel::TimeRole).toDateTime();
    return at.isValid() ? tr("%1 · %2").arg(who, QLocale().toString(at.time(), QLocale::ShortFormat)) : who;
}

BubbleDelegate::Layout BubbleDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Look look = lookOf(index);
    const int full = availableWidth(option);
    const int maxBubble = look.side == Side::Centre ? full - 2 * kMargin : full * 72 / 100;
    const int maxText = std::max(60, maxBubble - 2 * kPadding);
    const QFontMetrics body(option.font);
    const QFontMetrics small(smaller(option.font));
    const QString text = index.data(Qt::DisplayRole).toString();
    const QStringList sources = index.data(TranscriptModel::SourcesRole).toStringList();

    QRect bodyRect = body.boundingRect(QRect(0, 0, maxText, 100000), Qt::TextWordWrap, text);
    QRect headerRect = small.boundingRect(QRect(0, 0, maxText, 1000), Qt::TextSingleLine, headerText(index));
    QRect sourcesRect;
    if (!sources.isEmpty())
        sourcesRect = small.boundingRect(QRect(0, 0, maxText, 10000), Qt::TextWordWrap,
                                         tr("Sources: %1").arg(sources.join(QStringLiteral(" · "))));
    const int textWidth = std::max({bodyRect.width(), headerRect.width(), sourcesRect.width()});
    const int height = headerRect.height() + kGap + bodyRect.height() + (sources.isEmpty() ? 0 : kGap + sourcesRect.height());
    const int bubbleWidth = textWidth + 2 * kPadding;
    int left = option.rect.left() + kMargin;
    if (look.side == Side::Right)
        left = option.rect.left() + full - kMargin - bubbleWidth;
    else if (look.side == Side::Centre)
        left = option.rect.left() + (full - bubbleWidth) / 2;

    Layout l;
    l.bubble = QRect(left, option.rect.top() + kMargin / 2, bubbleWidth, height + 2 * kPadding);
    int y = l.bubble.top() + kPadding;
    const int x = l.bubble.left() + kPadding;
    l.header = QRect(x, y, textWidth, headerRect.height());
    y += headerRect.height() + kGap;
    l.body = QRect(x, y, textWidth, bodyRect.height());
    y += bodyRect.height() + kGap;
    if (!sources.isEmpty())
        l.sources = QRect(x, y, textWidth, sourcesRect.height());
    return l;
}

QSize BubbleDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect = QRect(0, 0, availableWidth(option), 0);
    const Layout l = layout(opt, index);
    return {availableWidth(option), l.bubble.height() + kMargin};
}

void BubbleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Look look = lookOf(index);
    const Layout l = layout(opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (look.side != Side::Centre) {
        QPainterPath path;
        path.addRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
        QPen pen(look.border);
        if (index.data(TranscriptModel::InternalRole).toBool())
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->fillPath(path, look.fill);
        painter->drawPath(path);
    }
    const QColor text(0x20, 0x21, 0x24);
    const QColor muted(0x5f, 0x63, 0x68);
    painter->setFont(smaller(opt.font));
    painter->setPen(muted);
    painter->drawText(l.header, Qt::TextSingleLine | (look.side == Side::Centre ? Qt::AlignHCenter : Qt::AlignLeft),
                      headerText(index));
    painter->setFont(opt.font);
    painter->setPen(look.side == Side::Centre ? muted : text);
    painter->drawText(l.body, Qt::TextWordWrap | (look.side == Side::Centre ? Qt::AlignHCenter : Qt::AlignLeft),
                      index.data(Qt::DisplayRole).toString());
    const QStringList sources = index.data(TranscriptModel::SourcesRole).toStringList();
    if (!sources.isEmpty()) {
        QFont f = smaller(opt.font);
        f.setItalic(true);
        painter->setFont(f);
        painter->setPen(muted);
        painter->drawText(l.sources, Qt::TextWordWrap, tr("Sources: %1").arg(sources.join(QStringLiteral(" · "))));
    }
    painter->restore();
}

} // namespace joxai::ui
