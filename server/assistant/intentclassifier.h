#pragma once
// Recognises the banking intents of assistanttypes.h in English and French messages (case and
// accents optional) from phrase lists; no model, deterministic, microseconds per message.
//
// Several intents may match; the most urgent wins: human > card_lost > fraud > dispute >
// complaint > login > balance > fees > loans > account_opening > transfer > hours; greeting and
// thanks only when nothing else matched.

#include "server/assistant/assistanttypes.h"

namespace joxai {

class IntentClassifier
{
public:
    static Intent classify(const QString &text);

    // Strong anger or frustration ("this is unacceptable", "worst bank", "c'est inadmissible",
    // insults, or a cross word shouted with "!!!"). Conservative: an ordinary complaint about a fee
    // is not strongly negative.
    static bool isStronglyNegative(const QString &text);
};

} // namespace joxai
