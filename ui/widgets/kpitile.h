#pragma once
// One key figure on the Dashboard: a small caption, the value large, and a quiet note below it.

#include <QFrame>

class QLabel;

namespace joxai::ui {

class KpiTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiTile)

public:
    explicit KpiTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &note = {});
    void setCaption(const QString &caption);
    QString caption() const;
    QString value() const;
    QString note() const;

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_note;
};

} // namespace joxai::ui
