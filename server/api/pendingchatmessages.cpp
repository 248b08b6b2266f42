#include "server/api/pendingchatmessages.h"

namespace joxai {

PendingChatMessages::Attempt::Attempt(std::shared_ptr<PendingChatMessages> owner, QString key, ApiReply reply)
    : m_owner(std::move(owner)), m_key(std::move(key)), m_reply(std::move(reply))
{
}

PendingChatMessages::Attempt::~Attempt()
{
    if (!m_sent)
        send(HttpResponse::error(Error::unavailable()));
}

void PendingChatMessages::Attempt::send(const HttpResponse &response)
{
    if (m_sent)
        return;
    m_sent = true;
    m_reply.send(response);
    if (!m_key.isEmpty())
        m_owner->finish(m_key, response);
}

std::shared_ptr<PendingChatMessages::Attempt> PendingChatMessages::begin(const QString &key, const ApiReply &reply)
{
    if (!key.isEmpty()) {
        auto found = m_waiting.find(key);
        if (found != m_waiting.end()) {
            found->append(reply);
            return nullptr;
        }
        m_waiting.insert(key, {});
    }
    return std::make_shared<Attempt>(shared_from_this(), key, reply);
}

void PendingChatMessages::finish(const QString &key, const HttpResponse &response)
{
    const QList<ApiReply> repeats = m_waiting.take(key);
    for (const ApiReply &repeat : repeats)
        repeat.send(response);
}

} // namespace joxai
