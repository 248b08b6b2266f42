#include "server/assistant/escalationpolicy.h"

namespace joxai {

namespace {

EscalationDecision escalateFor(const char *reason, const char *priority)
{
    return EscalationDecision{true, QLatin1String(reason), QLatin1String(priority)};
}

} // namespace

EscalationDecision EscalationPolicy::beforeReply(Intent intent, bool stronglyNegative)
{
    EscalationDecision decision;
    switch (intent) {
    case Intent::Human:
        decision = escalateFor("customer_request", "normal");
        break;
    case Intent::CardLost:
        decision = escalateFor("card_lost", "urgent");
        break;
    case Intent::Fraud:
        decision = escalateFor("fraud", "urgent");
        break;
    case Intent::Dispute:
        decision = escalateFor("dispute", "high");
        break;
    case Intent::Complaint:
        decision = escalateFor("complaint", "high");
        break;
    default:
        break;
    }
    if (!stronglyNegative)
        return decision;
    if (!decision.escalate)
        return escalateFor("negative_sentiment", "high");
    if (decision.priority == QLatin1String("normal"))
        decision.priority = QStringLiteral("high");
    return decision;
}

EscalationDecision EscalationPolicy::afterReply(int unansweredInARow)
{
    if (unansweredInARow >= kUnansweredLimit)
        return escalateFor("unanswered", "normal");
    return {};
}

} // namespace joxai
