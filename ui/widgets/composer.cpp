#include "ui/widgets/composer.h"

#include "ui/widgets/cannedcompleter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace joxai::ui {

Composer::Composer(QWidget *parent)
    : QWidget(parent), m_edit(new QPlainTextEdit(this)), m_internal(new QCheckBox(tr("&Internal note"), this)),
      m_send(new QPushButton(tr("&Send"), this)), m_cannedButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("composer"));
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_internal->setObjectName(QStringLiteral("internalCheck"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
    m_internal->setToolTip(tr("Only staff see internal notes; the customer never does."));
    m_send->setToolTip(tr("Send (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));

    m_cannedButton->setObjectName(QStringLiteral("cannedButton"));
    m_cannedButton->setText(tr("/ Canned responses"));
    m_cannedButton->setToolTip(tr("Insert a canned response (%1), or type / and its shortcut")
                                   .arg(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText)));
    m_cannedButton->setAutoRaise(true);
    m_cannedButton->hide(); // until there are canned responses to offer

    auto *row = new QHBoxLayout;
    row->addWidget(m_internal);
    row->addWidget(m_cannedButton);
    row->addStretch(1);
    row->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addLayout(row);

    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    connect(m_internal, &QCheckBox::toggled, this, &Composer::updateLook);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateLook();
        if (m_internal->isChecked() || m_edit->toPlainText().trimmed().isEmpty())
            return; // notes are not typing the customer should see
        if (!m_lastTyping.isValid() || m_lastTyping.elapsed() >= m_typingIntervalMs) {
            m_lastTyping.start();
            Q_EMIT typing();
        }
    });
    updateLook();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::clear()
{
    m_edit->clear();
    m_lastTyping.invalidate();
}

bool Composer::isInternal() const
{
    return m_internal->isChecked();
}

void Composer::setInternal(bool on)
{
    m_internal->setChecked(on);
}

void Composer::setNotesOnly(bool notesOnly)
{
    if (notesOnly && !m_notesOnly)
        m_internal->setChecked(true);
    else if (!notesOnly && m_notesOnly)
        m_internal->setChecked(false); // answering the customer is allowed again: the usual default
    m_notesOnly = notesOnly;
    m_internal->setEnabled(!notesOnly);
    updateLook();
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    m_edit->setReadOnly(busy);
    updateLook();
}

void Composer::focusText()
{
    m_edit->setFocus();
}

void Composer::setCannedResponses(CannedResponses &responses)
{
    delete m_canned;
    m_canned = new CannedCompleter(m_edit, responses, this);
    m_cannedButton->show();
    connect(m_cannedButton, &QToolButton::clicked, m_canned, &CannedCompleter::showPicker);
}

void Composer::submit()
{
    const QString body = m_edit->toPlainText().trimmed();
    if (body.isEmpty() || m_busy || !isEnabled())
        return;
    Q_EMIT sendRequested(body, m_internal->isChecked());
}

void Composer::updateLook()
{
    const bool note = m_internal->isChecked();
    m_edit->setPlaceholderText(note ? tr("Write an internal note (only staff see it)…")
                                    : tr("Write to the customer…"));
    m_edit->setStyleSheet(note ? QStringLiteral("QPlainTextEdit { background: #fff8e1; }") : QString());
    m_send->setText(note ? tr("Add &note") : tr("&Send"));
    m_send->setEnabled(!m_busy && !m_edit->toPlainText().trimmed().isEmpty());
}

} // namespace joxai::ui
