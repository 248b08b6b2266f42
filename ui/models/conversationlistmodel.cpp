#include "ui/models/conversationlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace joxai::ui {

namespace {
QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

ConversationListModel::ConversationListModel(ApiClient &api, Kind kind, qint64 myUserId, QObject *parent)
    : PagedTableModel(api, QStringLiteral("/api/v1/conversations"), parent), m_kind(kind), m_me(myUserId)
{
    setObjectName(QStringLiteral("conversationListModel"));
    presetFilter(baseFilter()); // no request yet: the view or the page asks for rows
}

QUrlQuery ConversationListModel::baseFilter() const
{
    QUrlQuery q;
    switch (m_kind) {
    case Kind::Waiting:
        q.addQueryItem(QStringLiteral("status"), QStringLiteral("waiting"));
        q.addQueryItem(QStringLiteral("assigned_to"), QStringLiteral("none"));
        break;
    case Kind::Mine:
        q.addQueryItem(QStringLiteral("status"), QStringLiteral("agent"));
        q.addQueryItem(QStringLiteral("assigned_to"), QStringLiteral("me"));
        break;
    case Kind::Assistant: q.addQueryItem(QStringLiteral("status"), QStringLiteral("bot")); break;
    case Kind::Closed: q.addQueryItem(QStringLiteral("status"), QStringLiteral("closed")); break;
    }
    return q;
}

void ConversationListModel::setSearch(const QString &search)
{
    QUrlQuery q = baseFilter();
    if (!search.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), search.trimmed());
    setFilter(q);
}

QString ConversationListModel::conversationId(int row) const
{
    return text(rowObject(row), "conversation_id");
}

int ConversationListModel::rowOfConversation(const QString &conversationId) const
{
    for (int i = 0; i < rowCount(); ++i)
        if (this->conversationId(i) == conversationId)
            return i;
    return -1;
}

int ConversationListModel::longestWaitingRow() const
{
    int best = -1;
    QDateTime oldest;
    for (int i = 0; i < rowCount(); ++i) {
        const QDateTime t = since(rowObject(i));
        if (best < 0 || (t.isValid() && (!oldest.isValid() || t < oldest))) {
            best = i;
            oldest = t;
        }
    }
    return best;
}

void ConversationListModel::tick()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Since), index(rowCount() - 1, Since), {Qt::DisplayRole});
}

int ConversationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer: return tr("Customer");
    case Since:
        return m_kind == Kind::Waiting ? tr("Waiting") : m_kind == Kind::Closed ? tr("Closed") : tr("Last activity");
    case Priority: return tr("Priority");
    case Assignee: return tr("With");
    case Language: return tr("Language");
    default: return {};
    }
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (role == ConversationIdRole && checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return conversationId(index.row());
    return PagedTableModel::data(index, role);
}

QDateTime ConversationListModel::since(const QJsonObject &row) const
{
    const char *key = m_kind == Kind::Waiting ? "escalated_at" : m_kind == Kind::Closed ? "closed_at" : "updated_at";
    QDateTime t = QDateTime::fromString(text(row, key), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text(row, "updated_at"), Qt::ISODateWithMs);
    return t;
}

QString ConversationListModel::durationText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString ConversationListModel::statusName(const QString &status)
{
    if (status == QLatin1String("bot"))
        return tr("With the assistant");
    if (status == QLatin1String("waiting"))
        return tr("Waiting for a person");
    if (status == QLatin1String("agent"))
        return tr("With an agent");
    if (status == QLatin1String("closed"))
        return tr("Closed");
    return status;
}

QString ConversationListModel::priorityName(const QString &priority)
{
    if (priority == QLatin1String("low"))
        return tr("Low");
    if (priority == QLatin1String("normal"))
        return tr("Normal");
    if (priority == QLatin1String("high"))
        return tr("High");
    if (priority == QLatin1String("urgent"))
        return tr("Urgent");
    return priority;
}

QString ConversationListModel::customerName(const QJsonObject &c)
{
    const QJsonObject customer = c.value(QStringLiteral("customer")).toObject();
    QString name = text(customer, "name");
    if (name.isEmpty())
        name = text(c, "customer_name");
    if (name.isEmpty())
        name = text(customer, "email");
    if (name.isEmpty())
        name = tr("Customer %1").arg(text(c, "conversation_id").left(8));
    return name;
}

QVariant ConversationListModel::cell(const QJsonObject &row, int column, int role) const
{
    const QString priority = text(row, "priority");
    const bool pressing = priority == QLatin1String("urgent") || priority == QLatin1String("high");
    if (role == Qt::ForegroundRole && column == Priority && pressing)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::FontRole && m_kind == Kind::Waiting && pressing) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && column == Customer) {
        const QString email = row.value(QStringLiteral("customer")).toObject().value(QStringLiteral("email")).toString();
        return email.isEmpty() ? text(row, "conversation_id") : email + QLatin1Char('\n') + text(row, "conversation_id");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Customer: {
        const QString name = customerName(row);
        return row.value(QStringLiteral("verified")).toBool() ? tr("%1 ✓").arg(name) : name;
    }
    case Since: {
        const QDateTime t = since(row);
        if (!t.isValid())
            return QString();
        if (m_kind == Kind::Closed)
            return formatTimestamp(QJsonValue(t.toString(Qt::ISODate)));
        return durationText(t.secsTo(QDateTime::currentDateTimeUtc()));
    }
    case Priority: return priorityName(priority);
    case Assignee: {
        const qint64 who = row.value(QStringLiteral("assigned_to")).toInteger();
        if (who == 0)
            return text(row, "status") == QLatin1String("bot") ? tr("Assistant") : tr("Nobody");
        return who == m_me ? tr("Me") : tr("Agent #%1").arg(who);
    }
    case Language: return text(row, "language").toUpper();
    default: return {};
    }
}

} // namespace joxai::ui
