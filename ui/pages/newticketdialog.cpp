#include "ui/pages/newticketdialog.h"

#include "ui/models/conversationlistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace joxai::ui {

NewTicketDialog::NewTicketDialog(QWidget *parent)
    : QDialog(parent), m_subject(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_priority(new QComboBox(this)), m_category(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newTicketDialog"));
    setWindowTitle(tr("New ticket"));
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    m_category->setObjectName(QStringLiteral("categoryEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_subject->setMaxLength(200);
    for (const char *p : {"low", "normal", "high", "urgent"})
        m_priority->addItem(ConversationListModel::priorityName(QLatin1String(p)), QLatin1String(p));
    m_priority->setCurrentIndex(1);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Category:"), m_category);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_subject->text().trimmed().isEmpty())
            return showError(tr("A ticket needs a subject."));
        Q_EMIT submitted();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 360);
}

NewTicketDialog::~NewTicketDialog() = default;

QJsonObject NewTicketDialog::request() const
{
    QJsonObject o{{QStringLiteral("subject"), m_subject->text().trimmed()},
                  {QStringLiteral("description"), m_description->toPlainText().trimmed()},
                  {QStringLiteral("priority"), m_priority->currentData().toString()}};
    if (!m_category->text().trimmed().isEmpty())
        o.insert(QStringLiteral("category"), m_category->text().trimmed());
    return o;
}

void NewTicketDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace joxai::ui
