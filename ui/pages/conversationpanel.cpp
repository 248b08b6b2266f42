#include "ui/pages/conversationpanel.h"

#include "ui/client/apiclient.h"
#include "ui/client/cannedresponses.h"
#include "ui/client/liveevents.h"
#include "ui/client/logging.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/transcriptmodel.h"
#include "ui/pages/assigndialog.h"
#include "ui/pages/customerpanel.h"
#include "ui/widgets/composer.h"
#include "ui/widgets/transcriptview.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {
QString path(const QString &id, const QString &action = {})
{
    QString p = QStringLiteral("/api/v1/conversations/") + id;
    if (!action.isEmpty())
        p += QLatin1Char('/') + action;
    return p;
}
} // namespace

ConversationPanel::ConversationPanel(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_title(new QLabel(this)), m_details(new QLabel(this)), m_typing(new QLabel(this)),
      m_error(new QLabel(this)), m_takeover(new QPushButton(tr("&Take over"), this)),
      m_release(new QPushButton(tr("&Release to assistant"), this)), m_assign(new QPushButton(tr("A&ssign…"), this)),
      m_close(new QPushButton(tr("Clos&e"), this)), m_transcript(new TranscriptModel(this)),
      m_view(new TranscriptView(this)), m_composer(new Composer(this)), m_canned(new CannedResponses(api, this)),
      m_customer(new CustomerPanel(api, this))
{
    setObjectName(QStringLiteral("conversationPanel"));
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_details->setObjectName(QStringLiteral("conversationDetails"));
    m_typing->setObjectName(QStringLiteral("typingLabel"));
    m_error->setObjectName(QStringLiteral("conversationError"));
    m_takeover->setObjectName(QStringLiteral("takeoverButton"));
    m_release->setObjectName(QStringLiteral("releaseButton"));
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_close->setObjectName(QStringLiteral("closeConversationButton"));
    m_title->setTextFormat(Qt::PlainText);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_details->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_details->setWordWrap(true); // a long line must not widen the window (the customer panel sits beside it)
    m_typing->setStyleSheet(QStringLiteral("color: #5f6368; font-style: italic;"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_typing->setText(tr("The customer is typing…"));
    m_typing->hide();
    m_error->hide();
    m_assign->setVisible(api.user().isSupervisorOrAdmin());
    m_view->setMyUserId(api.user().id);
    m_view->setModel(m_transcript);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_takeover);
    actions->addWidget(m_release);
    actions->addWidget(m_assign);
    actions->addStretch(1);
    actions->addWidget(m_close);
    auto *main = new QVBoxLayout;
    main->setContentsMargins(0, 0, 0, 0);
    main->addWidget(m_title);
    main->addWidget(m_details);
    main->addLayout(actions);
    main->addWidget(m_error);
    main->addWidget(m_view, 1);
    main->addWidget(m_typing);
    main->addWidget(m_composer);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(main, 1);
    layout->addWidget(m_customer);
    m_composer->setCannedResponses(*m_canned);
    m_canned->reload();
    connect(m_customer, &CustomerPanel::openConversation, this, &ConversationPanel::open);

    m_typingTimeout.setSingleShot(true);
    m_typingTimeout.setInterval(5000);
    connect(&m_typingTimeout, &QTimer::timeout, m_typing, &QWidget::hide);
    connect(m_takeover, &QPushButton::clicked, this, &ConversationPanel::takeOver);
    connect(m_release, &QPushButton::clicked, this, &ConversationPanel::release);
    connect(m_assign, &QPushButton::clicked, this, &ConversationPanel::assign);
    connect(m_close, &QPushButton::clicked, this, &ConversationPanel::close);
    connect(m_composer, &Composer::sendRequested, this, &ConversationPanel::send);
    connect(m_composer, &Composer::typing, this, &ConversationPanel::sendTyping);
    open({});
}

ConversationPanel::~ConversationPanel() = default;

QString ConversationPanel::status() const
{
    return m_conversation.value(QStringLiteral("status")).toString();
}

qint64 ConversationPanel::assignedTo() const
{
    return m_conversation.value(QStringLiteral("assigned_to")).toInteger();
}

bool ConversationPanel::customerTyping() const
{
    return !m_typing->isHidden();
}

void ConversationPanel::open(const QString &conversationId)
{
    if (conversationId != m_id) {
        m_id = conversationId;
        m_conversation = {};
        m_transcript->clear();
        m_composer->clear();
        m_typing->hide();
        m_error->hide();
        m_customer->showConversation({});
    }
    if (m_id.isEmpty()) {
        m_title->setText(tr("No conversation open"));
        m_details->setText(tr("Pick one from the lists, or press %1 for the next waiting customer.")
                               .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText)));
        updateActions();
        return;
    }
    reload();
}

void ConversationPanel::reload()
{
    if (m_id.isEmpty())
        return;
    const int generation = ++m_generation;
    const QString id = m_id;
    m_api.get(path(id), {}, this, [this, generation, id](const ApiReply &r) {
        if (generation != m_generation || id != m_id)
            return;
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        show(r.object());
        m_transcript->setMessages(r.object().value(QStringLiteral("messages")).toArray());
    });
}

void ConversationPanel::show(const QJsonObject &conversation)
{
    m_conversation = conversation;
    const QJsonObject customer = conversation.value(QStringLiteral("customer")).toObject();
    m_title->setText(ConversationListModel::customerName(conversation));
    QStringList parts;
    parts << ConversationListModel::statusName(status());
    const qint64 owner = assignedTo();
    if (owner != 0)
        parts << (owner == m_api.user().id ? tr("with you") : tr("with agent #%1").arg(owner));
    const QString email = customer.value(QStringLiteral("email")).toString();
    if (!email.isEmpty())
        parts << email;
    parts << (conversation.value(QStringLiteral("verified")).toBool() ? tr("identity verified") : tr("identity not verified"));
    const QString reason = conversation.value(QStringLiteral("escalation_reason")).toString();
    if (!reason.isEmpty())
        parts << tr("reason: %1").arg(reason);
    const QString priority = conversation.value(QStringLiteral("priority")).toString();
    if (!priority.isEmpty())
        parts << tr("priority: %1").arg(ConversationListModel::priorityName(priority));
    const qint64 ticket = conversation.value(QStringLiteral("ticket_id")).toInteger();
    if (ticket > 0)
        parts << tr("ticket #%1").arg(ticket);
    m_details->setText(parts.join(QStringLiteral(" · ")));
    m_customer->showConversation(conversation);
    updateActions();
}

void ConversationPanel::updateActions()
{
    const QString s = status();
    const bool open = !m_id.isEmpty() && !m_conversation.isEmpty();
    const bool mine = assignedTo() != 0 && assignedTo() == m_api.user().id;
    const bool supervisor = m_api.user().isSupervisorOrAdmin();
    const bool closed = s == QLatin1String("closed");
    m_takeover->setEnabled(open && !closed && !mine);
    m_release->setEnabled(open && !closed && s != QLatin1String("bot") && (mine || supervisor));
    m_assign->setEnabled(open && !closed);
    m_close->setEnabled(open && !closed && (mine || supervisor));
    m_composer->setEnabled(open && !closed);
    m_composer->setNotesOnly(!(mine || supervisor));
}

void ConversationPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
}

void ConversationPanel::act(const QString &action, const QJsonObject &body, const QString &done)
{
    if (m_id.isEmpty())
        return;
    const QString id = m_id;
    m_api.post(path(id, action), body, this, [this, id, done](const ApiReply &r) {
        if (id != m_id)
            return;
        if (!r.ok()) {
            showError(r.error->message());
            reload(); // someone else may have changed it: show how it is now
            return;
        }
        m_error->hide();
        QJsonObject updated = r.object();
        updated.insert(QStringLiteral("ticket_id"), m_conversation.value(QStringLiteral("ticket_id")));
        show(updated);
        Q_EMIT statusMessage(done);
        Q_EMIT conversationChanged(id);
        reload(); // system messages the action wrote
    });
}

void ConversationPanel::takeOver()
{
    if (m_takeover->isEnabled())
        act(QStringLiteral("takeover"), {}, tr("You have taken over the conversation."));
    m_composer->focusText();
}

void ConversationPanel::release()
{
    if (m_release->isEnabled())
        act(QStringLiteral("release"), {}, tr("The assistant has the conversation again."));
}

void ConversationPanel::close()
{
    if (!m_close->isEnabled())
        return;
    act(QStringLiteral("close"), {}, tr("Conversation closed."));
}

void ConversationPanel::assign()
{
    if (!m_assign->isEnabled() || !m_assign->isVisible())
        return;
    auto *dialog = new AssignDialog(m_api, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AssignDialog::chosen, this, [this](qint64 userId) {
        act(QStringLiteral("assign"), {{QStringLiteral("user_id"), userId}}, tr("Conversation assigned."));
    });
    dialog->open();
}

void ConversationPanel::send(const QString &body, bool internal)
{
    if (m_id.isEmpty())
        return;
    const QString id = m_id;
    m_composer->setBusy(true);
    m_api.post(path(id, QStringLiteral("messages")), {{QStringLiteral("body"), body}, {QStringLiteral("internal"), internal}},
               this, [this, id, internal](const ApiReply &r) {
        m_composer->setBusy(false);
        if (id != m_id)
            return;
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        m_composer->clear();
        m_transcript->addMessage(r.object());
        Q_EMIT statusMessage(internal ? tr("Note added.") : tr("Message sent."));
    });
}

void ConversationPanel::sendTyping()
{
    const bool mine = assignedTo() != 0 && assignedTo() == m_api.user().id;
    if (m_id.isEmpty() || status() != QLatin1String("agent") || !mine)
        return;
    m_api.post(path(m_id, QStringLiteral("typing")), {}, this, [](const ApiReply &r) {
        if (!r.ok())
            qCInfo(lcUiPages) << "typing not sent:" << r.error->message();
    });
}

void ConversationPanel::handleEvent(const LiveEvent &event)
{
    if (m_id.isEmpty() || event.data.value(QStringLiteral("conversation_id")).toString() != m_id)
        return;
    if (event.type == QLatin1String("message.created")) {
        m_transcript->addMessage(event.data);
        if (event.data.value(QStringLiteral("sender")).toString() == QLatin1String("customer"))
            m_typing->hide();
    } else if (event.type == QLatin1String("typing")) {
        if (event.data.value(QStringLiteral("from")).toString() == QLatin1String("customer") && !event.replayed) {
            m_typing->show();
            m_typingTimeout.start();
        }
    } else if (event.type.startsWith(QLatin1String("conversation."))) {
        reload();
    }
}

} // namespace joxai::ui
