#pragma once
// The events a conversation's changes raise (shared/API.md "WebSocket messages"), with the routing
// rule applied: a conversation waiting for anyone is seen by all staff, an assigned one by its
// assignee (and supervisors and admins), one the assistant still has by supervisors and admins.
// Customer sockets receive the same rows, filtered to what a customer may see.

#include "server/storage/conversationstore.h"
#include "server/storage/eventstore.h"

namespace joxai {

class ChatEvents final
{
public:
    // `before` is the conversation's state before the change (a conversation leaving the waiting
    // queue is still announced to every agent who saw it there).
    static Result<Event> conversationCreated(SqlSession &s, const Conversation &c);
    static Result<Event> conversationUpdated(SqlSession &s, const Conversation &before, const Conversation &after);
    static Result<Event> conversationEscalated(SqlSession &s, const Conversation &c, qint64 ticketId);
    static Result<Event> messageCreated(SqlSession &s, const Conversation &c, const ChatMessage &m);
    static Result<Event> typing(SqlSession &s, const Conversation &c, const QString &from, qint64 userId);
    static Result<Event> ticketCreated(SqlSession &s, const Conversation &c, qint64 ticketId, const QString &subject,
                                       const QString &priority);

    static QJsonObject messageJson(const ChatMessage &m, const QString &conversationId, bool withInternal);
    static QJsonObject conversationSummary(const Conversation &c);
};

} // namespace joxai
