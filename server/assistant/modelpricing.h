#pragma once
// Estimated cost of one reply from the vendors' list prices, USD per million tokens in and out.
// The table (modelpricing.cpp) matches model names by their longest known prefix, so dated and
// "-latest" names share their family's price. An unknown model (a local model server, a model
// newer than the table) costs 0: the estimate is for reports, not for billing. Update the table
// when the vendors change their prices.

#include <QString>

#include <optional>

namespace joxai {

struct ModelPrice
{
    double inputPerMillion = 0;
    double outputPerMillion = 0;
};

class ModelPricing final
{
public:
    static std::optional<ModelPrice> priceOf(const QString &model);
    static double estimateUsd(const QString &model, int tokensIn, int tokensOut);
};

} // namespace joxai
