#include "ui/widgets/notificationbell.h"

#include "ui/client/notificationcenter.h"
#include "ui/models/pagedtablemodel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {

// A plain bell, drawn rather than taken from an emoji font a desk may not have.
QIcon bellIcon(const QColor &colour)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    QPainterPath bell;
    bell.moveTo(32, 8);
    bell.cubicTo(46, 8, 50, 20, 50, 32);
    bell.lineTo(50, 42);
    bell.lineTo(56, 50);
    bell.lineTo(8, 50);
    bell.lineTo(14, 42);
    bell.lineTo(14, 32);
    bell.cubicTo(14, 20, 18, 8, 32, 8);
    p.drawPath(bell);
    p.drawEllipse(QPointF(32, 55), 6, 5);
    p.drawEllipse(QPointF(32, 7), 4, 4);
    return QIcon(pixmap);
}

} // namespace

NotificationBell::NotificationBell(NotificationCenter &center, QWidget *parent)
    : QToolButton(parent), m_center(center), m_popup(new QFrame(this, Qt::Popup)), m_heading(new QLabel(m_popup)),
      m_list(new QListWidget(m_popup)), m_readAll(new QPushButton(tr("Mark &all read"), m_popup))
{
    setObjectName(QStringLiteral("notificationBell"));
    m_popup->setObjectName(QStringLiteral("notificationPopup"));
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_readAll->setObjectName(QStringLiteral("markAllReadButton"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setIconSize(QSize(18, 18));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->resize(380, 420);
    m_list->setWordWrap(true);
    m_list->setSpacing(3);
    m_list->setFrameShape(QFrame::NoFrame);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_readAll);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);

    connect(this, &QToolButton::clicked, this, &NotificationBell::showPopup);
    connect(m_readAll, &QPushButton::clicked, &m_center, &NotificationCenter::markAllRead);
    connect(&m_center, &NotificationCenter::changed, this, &NotificationBell::refreshLook);
    // A click, or Enter on the chosen one; some styles activate on a single click as well, so
    // what the first of the two did is not done again.
    const auto choose = [this](QListWidgetItem *item) {
        if (!m_popup->isVisible() || !item->data(Qt::UserRole).isValid())
            return;
        const QJsonObject n = item->data(Qt::UserRole).toJsonObject();
        if (!n.value(QStringLiteral("read")).toBool())
            m_center.markRead(n.value(QStringLiteral("id")).toInteger());
        m_popup->hide();
        Q_EMIT activated(n);
    };
    connect(m_list, &QListWidget::itemActivated, this, choose);
    connect(m_list, &QListWidget::itemClicked, this, choose);
    refreshLook();
}

NotificationBell::~NotificationBell() = default;

void NotificationBell::refreshLook()
{
    m_shown = m_center.unread();
    setText(m_shown > 0 ? QString::number(m_shown) : QString());
    setIcon(bellIcon(m_shown > 0 ? QColor(0xb3, 0x26, 0x1e) : palette().color(QPalette::WindowText)));
    setToolTip(m_shown > 0 ? tr("%n unread notification(s)", nullptr, m_shown) : tr("No unread notifications"));
    setStyleSheet(m_shown > 0 ? QStringLiteral("QToolButton { color: #b3261e; font-weight: bold; }") : QString());
    m_heading->setText(tr("Notifications"));
    m_readAll->setEnabled(m_shown > 0);
    fillList();
}

void NotificationBell::fillList()
{
    m_list->clear();
    const QList<QJsonObject> &items = m_center.items();
    if (items.isEmpty()) {
        auto *none = new QListWidgetItem(tr("Nothing yet. Escalations and assignments to you appear here."), m_list);
        none->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const QJsonObject &n : items) {
        const bool read = n.value(QStringLiteral("read")).toBool();
        auto *item = new QListWidgetItem(m_list);
        // Two quiet lines: what it is about, and when; the server's longer text in the tooltip.
        item->setText(n.value(QStringLiteral("title")).toString() + QLatin1Char('\n')
                      + formatTimestamp(n.value(QStringLiteral("created_at"))));
        item->setToolTip(n.value(QStringLiteral("body")).toString());
        item->setData(Qt::UserRole, n);
        QFont f = item->font();
        f.setBold(!read);
        item->setFont(f);
        if (!read)
            item->setBackground(QColor(0xe8, 0xf0, 0xfe));
    }
}

void NotificationBell::showPopup()
{
    m_center.reload(); // the newest, whatever the socket may have missed
    fillList();
    QPoint at = mapToGlobal(QPoint(width() - m_popup->width(), height()));
    if (const QScreen *s = screen())
        at.setX(std::max(s->availableGeometry().left(), at.x()));
    m_popup->move(at);
    m_popup->show();
}

} // namespace joxai::ui
