#pragma once
// A bank customer in tests: starts a conversation through the public chat API and talks in it,
// carrying its conversation id and session token like the widget does.

#include "tests/support/httpclient.h"

namespace joxai::test {

class ChatCustomer final
{
public:
    explicit ChatCustomer(HttpClient &http) : m_http(http) {}

    // POST /api/v1/chat/start with `extra` fields merged in; answers the raw result.
    HttpResult start(const QString &language = QStringLiteral("en"), const QJsonObject &extra = {});
    HttpResult say(const QString &message);
    HttpResult escalate(const QString &reason = {});
    HttpResult rate(const QJsonValue &score, const QString &comment = {});
    HttpResult close(const QJsonObject &body = {});
    HttpResult messagesAfter(qint64 afterId);
    // POST to a chat path with this customer's session token.
    HttpResult post(const QString &path, const QByteArray &body);

    QString conversationId() const { return m_conversationId; }
    QString sessionToken() const { return m_sessionToken; }
    void setSessionToken(const QString &token) { m_sessionToken = token; }
    HttpClient::Headers sessionHeader() const;

private:
    HttpClient &m_http;
    QString m_conversationId;
    QString m_sessionToken;
};

} // namespace joxai::test
