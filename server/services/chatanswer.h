#pragma once
// The body of POST /chat/message's 200 answer. Built here, not in the route, because the answer to
// a keyed message (client_message_id) is also stored with it: a repeat of that message is
// answered with exactly what the first attempt got.

#include "server/services/chatservice.h"

#include <QJsonObject>

namespace joxai::ChatAnswer {

QJsonObject toJson(const ChatOutcome &outcome);

} // namespace joxai::ChatAnswer
