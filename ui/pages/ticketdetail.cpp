#include "ui/pages/ticketdetail.h"

#include "ui/client/apiclient.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/pagedtablemodel.h"
#include "ui/models/ticketsmodel.h"
#include "ui/pages/assigndialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

TicketDetail::TicketDetail(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_title(new QLabel(this)), m_meta(new QLabel(this)), m_error(new QLabel(this)),
      m_subject(new QLineEdit(this)), m_status(new QComboBox(this)), m_priority(new QComboBox(this)),
      m_assigneeLabel(new QLabel(this)), m_assign(new QPushButton(tr("Change…"), this)),
      m_save(new QPushButton(tr("&Save changes"), this)), m_description(new QTextBrowser(this)),
      m_comments(new QListWidget(this)), m_history(new QListWidget(this)), m_comment(new QPlainTextEdit(this)),
      m_internal(new QCheckBox(tr("Internal"), this)), m_addComment(new QPushButton(tr("Add &comment"), this))
{
    setObjectName(QStringLiteral("ticketDetail"));
    m_title->setObjectName(QStringLiteral("ticketTitle"));
    m_error->setObjectName(QStringLiteral("ticketError"));
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    m_assign->setObjectName(QStringLiteral("assigneeButton"));
    m_save->setObjectName(QStringLiteral("saveTicketButton"));
    m_comments->setObjectName(QStringLiteral("commentsList"));
    m_history->setObjectName(QStringLiteral("historyList"));
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_internal->setObjectName(QStringLiteral("commentInternalCheck"));
    m_addComment->setObjectName(QStringLiteral("addCommentButton"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextFormat(Qt::PlainText);
    m_meta->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    for (const QString &s : TicketsModel::statuses())
        m_status->addItem(TicketsModel::statusName(s), s);
    for (const char *p : {"low", "normal", "high", "urgent"})
        m_priority->addItem(ConversationListModel::priorityName(QLatin1String(p)), QLatin1String(p));
    m_comments->setWordWrap(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 3 + 12);
    m_comment->setPlaceholderText(tr("Write a comment…"));
    m_description->setMaximumHeight(120);

    auto *assignRow = new QHBoxLayout;
    assignRow->addWidget(m_assigneeLabel, 1);
    assignRow->addWidget(m_assign);
    auto *form = new QFormLayout;
    form->addRow(tr("Su&bject:"), m_subject);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("Assigned to:"), assignRow);
    auto *commentRow = new QHBoxLayout;
    commentRow->addWidget(m_internal);
    commentRow->addStretch(1);
    commentRow->addWidget(m_addComment);
    auto *commentsTab = new QWidget(this);
    auto *commentsLayout = new QVBoxLayout(commentsTab);
    commentsLayout->addWidget(m_comments, 1);
    commentsLayout->addWidget(m_comment);
    commentsLayout->addLayout(commentRow);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(commentsTab, tr("Comments"));
    tabs->addTab(m_history, tr("History"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addLayout(saveRow);
    layout->addWidget(m_description);
    layout->addWidget(tabs, 1);

    connect(m_save, &QPushButton::clicked, this, &TicketDetail::save);
    connect(m_addComment, &QPushButton::clicked, this, &TicketDetail::addComment);
    connect(m_assign, &QPushButton::clicked, this, &TicketDetail::chooseAssignee);
    open(0);
}

TicketDetail::~TicketDetail() = default;

QString TicketDetail::path(const QString &sub) const
{
    return QStringLiteral("/api/v1/tickets/%1").arg(m_id) + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
}

int TicketDetail::commentCount() const
{
    return m_comments->count();
}

int TicketDetail::historyCount() const
{
    return m_history->count();
}

void TicketDetail::open(qint64 ticketId)
{
    m_id = ticketId;
    m_ticket = {};
    m_error->hide();
    m_comments->clear();
    m_history->clear();
    setEnabled(ticketId > 0);
    if (ticketId <= 0) {
        m_title->setText(tr("No ticket open"));
        m_meta->clear();
        m_description->clear();
        return;
    }
    reload();
}

void TicketDetail::reload()
{
    if (m_id <= 0)
        return;
    const int generation = ++m_generation;
    m_api.get(path(), {}, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok())
            return showError(r.error->message());
        show(r.object());
        loadComments();
        loadHistory();
    });
}

void TicketDetail::show(const QJsonObject &t)
{
    m_ticket = t;
    m_error->hide();
    m_title->setText(tr("#%1 %2").arg(QString::number(t.value(QStringLiteral("id")).toInteger()),
                                      t.value(QStringLiteral("subject")).toString()));
    QStringList meta;
    meta << tr("created %1").arg(formatTimestamp(t.value(QStringLiteral("created_at"))));
    if (!t.value(QStringLiteral("due_at")).isNull())
        meta << (t.value(QStringLiteral("overdue")).toBool() ? tr("overdue since %1") : tr("due %1"))
                    .arg(formatTimestamp(t.value(QStringLiteral("due_at"))));
    const QString category = t.value(QStringLiteral("category")).toString();
    if (!category.isEmpty())
        meta << tr("category: %1").arg(category);
    if (!t.value(QStringLiteral("conversation_id")).toString().isEmpty())
        meta << tr("from a conversation");
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    m_subject->setText(t.value(QStringLiteral("subject")).toString());
    m_status->setCurrentIndex(m_status->findData(t.value(QStringLiteral("status")).toString()));
    m_priority->setCurrentIndex(m_priority->findData(t.value(QStringLiteral("priority")).toString()));
    m_assignee = t.value(QStringLiteral("assigned_to")).toInteger();
    m_assigneeLabel->setText(m_assignee == 0 ? tr("Nobody") : m_assignee == m_api.user().id ? tr("Me") : tr("Agent #%1").arg(m_assignee));
    m_description->setPlainText(t.value(QStringLiteral("description")).toString());
}

void TicketDetail::loadComments()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    const qint64 id = m_id;
    m_api.get(path(QStringLiteral("comments")), q, this, [this, id](const ApiReply &r) {
        if (id != m_id || !r.ok())
            return;
        m_comments->clear();
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            const QJsonObject c = v.toObject();
            const qint64 author = c.value(QStringLiteral("author_id")).toInteger();
            const QString who = author == m_api.user().id ? tr("You") : tr("Agent #%1").arg(author);
            QString head = tr("%1 · %2").arg(who, formatTimestamp(c.value(QStringLiteral("created_at"))));
            if (c.value(QStringLiteral("internal")).toBool())
                head = tr("%1 · internal").arg(head);
            auto *item = new QListWidgetItem(head + QLatin1Char('\n') + c.value(QStringLiteral("body")).toString(), m_comments);
            if (c.value(QStringLiteral("internal")).toBool())
                item->setBackground(QColor(0xff, 0xf4, 0xd6));
        }
    });
}

void TicketDetail::loadHistory()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    const qint64 id = m_id;
    m_api.get(path(QStringLiteral("history")), q, this, [this, id](const ApiReply &r) {
        if (id != m_id || !r.ok())
            return;
        m_history->clear();
        const QJsonArray items = r.items();
        for (const QJsonValue &v : items) {
            const QJsonObject h = v.toObject();
            const QString when = formatTimestamp(h.value(QStringLiteral("created_at")));
            const QString field = h.value(QStringLiteral("field")).toString();
            const qint64 actor = h.value(QStringLiteral("actor_id")).toInteger();
            const QString who = actor == 0 ? tr("System") : actor == m_api.user().id ? tr("You") : tr("Agent #%1").arg(actor);
            if (field == QLatin1String("created")) {
                m_history->addItem(tr("%1 · %2 created the ticket").arg(when, who));
                continue;
            }
            m_history->addItem(tr("%1 · %2 changed %3: %4 → %5")
                                   .arg(when, who, field, h.value(QStringLiteral("old_value")).toVariant().toString(),
                                        h.value(QStringLiteral("new_value")).toVariant().toString()));
        }
    });
}

void TicketDetail::chooseAssignee()
{
    if (!m_api.user().isSupervisorOrAdmin()) {
        // Agents may assign to themselves or to nobody.
        m_assignee = m_assignee == m_api.user().id ? 0 : m_api.user().id;
        m_assigneeLabel->setText(m_assignee == 0 ? tr("Nobody") : tr("Me"));
        return;
    }
    auto *dialog = new AssignDialog(m_api, true, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AssignDialog::chosen, this, [this](qint64 userId) {
        m_assignee = userId;
        m_assigneeLabel->setText(userId == 0 ? tr("Nobody") : userId == m_api.user().id ? tr("Me") : tr("Agent #%1").arg(userId));
    });
    dialog->open();
}

void TicketDetail::save()
{
    if (m_id <= 0 || m_ticket.isEmpty())
        return;
    QJsonObject changes;
    const auto changed = [&](const char *key, const QJsonValue &now) {
        if (m_ticket.value(QLatin1String(key)) != now)
            changes.insert(QLatin1String(key), now);
    };
    changed("subject", m_subject->text().trimmed());
    changed("status", m_status->currentData().toString());
    changed("priority", m_priority->currentData().toString());
    changed("assigned_to", m_assignee == 0 ? QJsonValue() : QJsonValue(m_assignee));
    if (changes.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing to save."));
        return;
    }
    m_api.patch(path(), changes, this, [this](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message());
        show(r.object());
        loadHistory();
        Q_EMIT ticketChanged(r.object());
        Q_EMIT statusMessage(tr("Ticket saved."));
    });
}

void TicketDetail::addComment()
{
    const QString body = m_comment->toPlainText().trimmed();
    if (m_id <= 0 || body.isEmpty())
        return;
    m_api.post(path(QStringLiteral("comments")), {{QStringLiteral("body"), body}, {QStringLiteral("internal"), m_internal->isChecked()}},
               this, [this](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message());
        m_comment->clear();
        loadComments();
        Q_EMIT statusMessage(tr("Comment added."));
    });
}

void TicketDetail::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
}

} // namespace joxai::ui
