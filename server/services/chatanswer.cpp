#include "server/services/chatanswer.h"

#include <QJsonArray>

namespace joxai::ChatAnswer {

QJsonObject toJson(const ChatOutcome &o)
{
    QJsonArray sources;
    for (const SourceRef &s : o.sources)
        sources.append(QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("title"), s.title}});
    return {{QStringLiteral("conversation_id"), o.conversation.publicId},
            {QStringLiteral("message_id"), o.messageId},
            {QStringLiteral("response"), o.response ? QJsonValue(o.response->body) : QJsonValue()},
            {QStringLiteral("response_id"), o.response ? QJsonValue(o.response->id) : QJsonValue()},
            {QStringLiteral("status"), o.conversation.status},
            {QStringLiteral("escalated"), o.escalated},
            {QStringLiteral("fallback"), o.fallback},
            {QStringLiteral("sources"), sources}};
}

} // namespace joxai::ChatAnswer
