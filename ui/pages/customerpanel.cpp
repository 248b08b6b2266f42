#include "ui/pages/customerpanel.h"

#include "ui/client/apiclient.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/pagedtablemodel.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

CustomerPanel::CustomerPanel(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_name(new QLabel(this)), m_details(new QLabel(this)), m_record(new QLabel(this)),
      m_previous(new QListWidget(this))
{
    setObjectName(QStringLiteral("customerPanel"));
    m_name->setObjectName(QStringLiteral("customerName"));
    m_details->setObjectName(QStringLiteral("customerDetails"));
    m_record->setObjectName(QStringLiteral("customerRecord"));
    m_previous->setObjectName(QStringLiteral("previousConversations"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    for (QLabel *l : {m_name, m_details, m_record}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_details->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_record->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_previous->setWordWrap(true);
    m_previous->setToolTip(tr("Double-click to open an earlier conversation."));
    setMinimumWidth(200);
    setMaximumWidth(280);

    auto *heading = new QLabel(tr("<b>Customer</b>"), this);
    auto *history = new QLabel(tr("<b>Earlier conversations</b>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_record);
    layout->addSpacing(8);
    layout->addWidget(history);
    layout->addWidget(m_previous, 1);

    connect(m_previous, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT openConversation(id);
    });
    showConversation({});
}

CustomerPanel::~CustomerPanel() = default;

QString CustomerPanel::nameText() const
{
    return m_name->text();
}

QString CustomerPanel::detailsText() const
{
    return m_details->text();
}

QStringList CustomerPanel::previousConversationIds() const
{
    QStringList out;
    for (int i = 0; i < m_previous->count(); ++i) {
        const QString id = m_previous->item(i)->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            out << id;
    }
    return out;
}

void CustomerPanel::showConversation(const QJsonObject &conversation)
{
    m_conversationId = conversation.value(QStringLiteral("conversation_id")).toString();
    if (conversation.isEmpty()) {
        m_key.clear();
        m_name->setText(tr("No conversation open"));
        m_details->clear();
        m_record->hide();
        m_previous->clear();
        m_previousLoaded = false;
        return;
    }
    const QJsonObject customer = conversation.value(QStringLiteral("customer")).toObject();
    m_name->setText(ConversationListModel::customerName(conversation));
    QStringList details;
    const QString email = customer.value(QStringLiteral("email")).toString();
    details << (email.isEmpty() ? tr("No e-mail given") : email);
    const QString language = conversation.value(QStringLiteral("language")).toString();
    if (!language.isEmpty())
        // The language in its own words ("français", "English"), as the customer wrote it.
        details << tr("Writes in %1").arg(QLocale(language).nativeLanguageName());
    details << (conversation.value(QStringLiteral("verified")).toBool() ? tr("Signed in to online banking")
                                                                        : tr("Not signed in (identity not verified)"));
    m_details->setText(details.join(QLatin1Char('\n')));
    loadPrevious(conversation);
}

void CustomerPanel::loadPrevious(const QJsonObject &conversation)
{
    const QJsonObject customer = conversation.value(QStringLiteral("customer")).toObject();
    const qint64 customerId = customer.value(QStringLiteral("id")).toInteger();
    const QString email = customer.value(QStringLiteral("email")).toString();
    const QString key = customerId > 0 ? QStringLiteral("id:%1").arg(customerId)
                        : !email.isEmpty() ? QStringLiteral("email:") + email.toLower()
                                           : QStringLiteral("conversation:") + m_conversationId;
    if (key == m_key)
        return; // the same customer: the history is already there (reloads of the open conversation)
    m_key = key;
    m_previous->clear();
    m_record->hide();
    m_previousLoaded = false;
    const int generation = ++m_generation;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("20"));
    if (customerId > 0) {
        // A known customer (online banking): their record and every conversation linked to it.
        m_api.get(QStringLiteral("/api/v1/customers/%1").arg(customerId), {}, this, [this, generation](const ApiReply &r) {
            if (generation != m_generation || !r.ok())
                return;
            const QJsonObject c = r.object();
            QStringList lines;
            if (!c.value(QStringLiteral("external_ref")).toString().isEmpty())
                lines << tr("Bank reference: %1").arg(c.value(QStringLiteral("external_ref")).toString());
            if (!c.value(QStringLiteral("phone")).toString().isEmpty())
                lines << tr("Phone: %1").arg(c.value(QStringLiteral("phone")).toString());
            if (c.value(QStringLiteral("legal_hold")).toBool())
                lines << tr("On legal hold");
            m_record->setText(lines.join(QLatin1Char('\n')));
            m_record->setVisible(!lines.isEmpty());
        });
        m_api.get(QStringLiteral("/api/v1/customers/%1/conversations").arg(customerId), q, this, [this, generation](const ApiReply &r) {
            if (generation == m_generation)
                fillPrevious(r.ok() ? r.items() : QJsonArray());
        });
    } else if (!email.isEmpty()) {
        // A visitor who gave an e-mail: the conversations under that address.
        q.addQueryItem(QStringLiteral("q"), email);
        m_api.get(QStringLiteral("/api/v1/conversations"), q, this, [this, generation](const ApiReply &r) {
            if (generation == m_generation)
                fillPrevious(r.ok() ? r.items() : QJsonArray());
        });
    } else {
        fillPrevious({});
    }
}

void CustomerPanel::fillPrevious(const QJsonArray &items)
{
    m_previous->clear();
    for (const QJsonValue &v : items) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QStringLiteral("conversation_id")).toString();
        if (id == m_conversationId)
            continue;
        auto *item = new QListWidgetItem(tr("%1 · %2").arg(formatTimestamp(c.value(QStringLiteral("created_at"))),
                                                           ConversationListModel::statusName(c.value(QStringLiteral("status")).toString())),
                                         m_previous);
        item->setData(Qt::UserRole, id);
    }
    if (m_previous->count() == 0) {
        auto *none = new QListWidgetItem(tr("None: this is their first conversation."), m_previous);
        none->setFlags(Qt::NoItemFlags);
    }
    m_previousLoaded = true;
}

} // namespace joxai::ui
