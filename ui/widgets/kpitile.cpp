#include "ui/widgets/kpitile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace joxai::ui {

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent), m_caption(new QLabel(caption, this)), m_value(new QLabel(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("kpiTile"));
    m_value->setObjectName(QStringLiteral("kpiValue"));
    m_note->setObjectName(QStringLiteral("kpiNote"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#kpiTile { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }"));
    m_caption->setStyleSheet(QStringLiteral("color: palette(dark);"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_value->setFont(big);
    m_note->setStyleSheet(QStringLiteral("color: palette(dark); font-size: 9pt;"));
    m_note->setWordWrap(true);
    for (QLabel *l : {m_caption, m_value, m_note})
        l->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
    layout->addStretch(1);
    setValue(QStringLiteral("…"));
}

void KpiTile::setValue(const QString &value, const QString &note)
{
    m_value->setText(value);
    m_note->setText(note);
}

void KpiTile::setCaption(const QString &caption)
{
    m_caption->setText(caption);
}

QString KpiTile::caption() const
{
    return m_caption->text();
}

QString KpiTile::value() const
{
    return m_value->text();
}

QString KpiTile::note() const
{
    return m_note->text();
}

} // namespace joxai::ui
