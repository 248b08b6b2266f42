#include "tests/support/chatcustomer.h"

#include <QJsonDocument>

namespace joxai::test {

namespace {
QByteArray jsonBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

HttpClient::Headers ChatCustomer::sessionHeader() const
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("X-Session-Token"), m_sessionToken.toLatin1()}};
}

HttpResult ChatCustomer::start(const QString &language, const QJsonObject &extra)
{
    QJsonObject body = extra;
    if (!language.isEmpty())
        body.insert(QStringLiteral("language"), language);
    HttpResult r = m_http.post(QStringLiteral("/api/v1/chat/start"), body);
    if (r.status == 201) {
        m_conversationId = r.json().value(QStringLiteral("conversation_id")).toString();
        m_sessionToken = r.json().value(QStringLiteral("session_token")).toString();
    }
    return r;
}

HttpResult ChatCustomer::post(const QString &path, const QByteArray &body)
{
    return m_http.request("POST", path, body, sessionHeader());
}

HttpResult ChatCustomer::say(const QString &message)
{
    return post(QStringLiteral("/api/v1/chat/message"),
                jsonBytes({{QStringLiteral("conversation_id"), m_conversationId},
                           {QStringLiteral("message"), message}}));
}

HttpResult ChatCustomer::escalate(const QString &reason)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return post(QStringLiteral("/api/v1/chat/%1/escalate").arg(m_conversationId), jsonBytes(body));
}

HttpResult ChatCustomer::rate(const QJsonValue &score, const QString &comment)
{
    QJsonObject body{{QStringLiteral("score"), score}};
    if (!comment.isEmpty())
        body.insert(QStringLiteral("comment"), comment);
    return post(QStringLiteral("/api/v1/chat/%1/rating").arg(m_conversationId), jsonBytes(body));
}

HttpResult ChatCustomer::close(const QJsonObject &body)
{
    return post(QStringLiteral("/api/v1/chat/%1/close").arg(m_conversationId), jsonBytes(body));
}

HttpResult ChatCustomer::messagesAfter(qint64 afterId)
{
    return m_http.request("GET", QStringLiteral("/api/v1/chat/%1/messages?after=%2").arg(m_conversationId).arg(afterId),
                          {}, sessionHeader());
}

} // namespace joxai::test
