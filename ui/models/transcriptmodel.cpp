#include "ui/models/transcriptmodel.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace joxai::ui {

namespace {
qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}
} // namespace

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent)
{
    setObjectName(QStringLiteral("transcriptModel"));
}

void TranscriptModel::setMessages(const QJsonArray &messages)
{
    beginResetModel();
    m_messages.clear();
    for (const QJsonValue &v : messages)
        if (v.isObject() && idOf(v.toObject()) > 0)
            m_messages.append(v.toObject());
    std::stable_sort(m_messages.begin(), m_messages.end(),
                     [](const QJsonObject &a, const QJsonObject &b) { return idOf(a) < idOf(b); });
    endResetModel();
}

bool TranscriptModel::addMessage(const QJsonObject &message)
{
    const qint64 id = idOf(message);
    if (id <= 0)
        return false;
    const auto at = std::lower_bound(m_messages.cbegin(), m_messages.cend(), id,
                                     [](const QJsonObject &m, qint64 wanted) { return idOf(m) < wanted; });
    if (at != m_messages.cend() && idOf(*at) == id)
        return false;
    const int row = int(at - m_messages.cbegin());
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    endInsertRows();
    return true;
}

void TranscriptModel::clear()
{
    setMessages({});
}

QJsonObject TranscriptModel::message(int row) const
{
    return row >= 0 && row < m_messages.size() ? m_messages.at(row) : QJsonObject();
}

qint64 TranscriptModel::lastId() const
{
    return m_messages.isEmpty() ? 0 : idOf(m_messages.constLast());
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return m.value(QStringLiteral("body")).toString();
    case IdRole: return idOf(m);
    case SenderRole: return m.value(QStringLiteral("sender")).toString();
    case InternalRole: return m.value(QStringLiteral("internal")).toBool();
    case SourcesRole: {
        QStringList titles;
        const QJsonArray sources = m.value(QStringLiteral("sources")).toArray();
        for (const QJsonValue &s : sources) {
            const QString title = s.isObject() ? s.toObject().value(QStringLiteral("title")).toString() : s.toString();
            if (!title.isEmpty())
                titles << title;
        }
        return titles;
    }
    case TimeRole:
        return QDateTime::fromString(m.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toLocalTime();
    case AuthorRole: return m.value(QStringLiteral("author_id")).toInteger();
    default: return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(SenderRole, "sender");
    names.insert(InternalRole, "internal");
    names.insert(SourcesRole, "sources");
    names.insert(TimeRole, "createdAt");
    names.insert(AuthorRole, "authorId");
    return names;
}

} // namespace joxai::ui
