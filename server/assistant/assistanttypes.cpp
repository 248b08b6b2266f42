#include "server/assistant/assistanttypes.h"

#include <array>
#include <utility>

namespace joxai {

namespace {
constexpr std::array<std::pair<Intent, const char *>, 15> kIntentNames{{
    {Intent::None, "none"},
    {Intent::Greeting, "greeting"},
    {Intent::Thanks, "thanks"},
    {Intent::Human, "human"},
    {Intent::Balance, "balance"},
    {Intent::CardLost, "card_lost"},
    {Intent::Fraud, "fraud"},
    {Intent::Dispute, "dispute"},
    {Intent::Complaint, "complaint"},
    {Intent::Transfer, "transfer"},
    {Intent::Fees, "fees"},
    {Intent::Hours, "hours"},
    {Intent::AccountOpening, "account_opening"},
    {Intent::Loans, "loans"},
    {Intent::Login, "login"},
}};
} // namespace

QString intentName(Intent intent)
{
    for (const auto &[value, name] : kIntentNames) {
        if (value == intent)
            return QLatin1String(name);
    }
    return QStringLiteral("none");
}

Intent intentFromName(const QString &name)
{
    for (const auto &[value, text] : kIntentNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return Intent::None;
}

} // namespace joxai
