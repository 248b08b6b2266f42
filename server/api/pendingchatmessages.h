#pragma once
// Keyed customer messages (client_message_id) being answered right now, on the main thread. A
// repeat that arrives while its first attempt still waits for the AI provider (the widget retries
// after a network time-out) joins that attempt and gets the same answer, instead of storing
// nothing new but asking the provider a second time and storing a second reply. Across
// processes the unique index on (conversation_id, client_message_id) still keeps one message.
//
//   auto attempt = pending->begin(key, reply);  // null: joined an attempt in flight, answered with it
//   attempt->send(response);                     // answers the reply and every joined repeat

#include "server/api/apireply.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace joxai {

class PendingChatMessages final : public std::enable_shared_from_this<PendingChatMessages>
{
public:
    class Attempt final
    {
    public:
        Attempt(std::shared_ptr<PendingChatMessages> owner, QString key, ApiReply reply);
        ~Attempt(); // dropped unanswered (a path that never answers): the repeats get a 503
        Q_DISABLE_COPY_MOVE(Attempt)
        void send(const HttpResponse &response);

    private:
        std::shared_ptr<PendingChatMessages> m_owner;
        QString m_key;
        ApiReply m_reply;
        bool m_sent = false;
    };

    // `key` names the conversation, the session token and the client_message_id together, so a
    // repeat only joins an attempt of the same customer. An empty key never joins anything.
    std::shared_ptr<Attempt> begin(const QString &key, const ApiReply &reply);
    qsizetype inFlight() const { return m_waiting.size(); }

private:
    void finish(const QString &key, const HttpResponse &response);

    QHash<QString, QList<ApiReply>> m_waiting; // key → the repeats waiting for its first attempt
};

} // namespace joxai
