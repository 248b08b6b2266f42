#pragma once
// When the assistant hands a conversation to a person, why, and at which ticket priority.
//
//   reason              priority   when
//   customer_request    normal     the customer asks for a person
//   card_lost           urgent     a card is lost or stolen
//   fraud               urgent     fraud or an unrecognised transaction
//   dispute             high       a disputed payment
//   complaint           high       a complaint
//   negative_sentiment  high       a strongly negative message
//   unanswered          normal     the assistant did not know twice in a row
//
// An intent decides the reason; a strongly negative message raises a `normal` priority to
// `high` (a furious customer asking for a person does not wait in the normal queue).

#include "server/assistant/assistanttypes.h"

namespace joxai {

struct EscalationDecision
{
    bool escalate = false;
    QString reason;   // one of the reasons above; empty when escalate is false
    QString priority; // "urgent", "high" or "normal"; empty when escalate is false
};

class EscalationPolicy
{
public:
    // How many unanswered assistant turns in a row hand the conversation over.
    static constexpr int kUnansweredLimit = 2;

    // Before the assistant answers a customer message of this intent.
    static EscalationDecision beforeReply(Intent intent, bool stronglyNegative);
    // After an assistant reply, given the unanswered streak including that reply.
    static EscalationDecision afterReply(int unansweredInARow);
};

} // namespace joxai
