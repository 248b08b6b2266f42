#include "server/assistant/modelpricing.h"

#include <array>

namespace joxai {

namespace {

struct Row
{
    const char *prefix;
    double in;
    double out;
};

// List prices in USD per million tokens (Anthropic and OpenAI price pages, 2025).
constexpr std::array<Row, 20> kPrices{{
    {"claude-3-haiku", 0.25, 1.25},
    {"claude-3-5-haiku", 0.80, 4.00},
    {"claude-haiku-4", 1.00, 5.00},
    {"claude-3-5-sonnet", 3.00, 15.00},
    {"claude-3-7-sonnet", 3.00, 15.00},
    {"claude-sonnet-4", 3.00, 15.00},
    {"claude-3-opus", 15.00, 75.00},
    {"claude-opus-4", 15.00, 75.00},
    {"claude-opus-4-5", 5.00, 25.00},
    {"gpt-4o-mini", 0.15, 0.60},
    {"gpt-4o", 2.50, 10.00},
    {"gpt-4.1-nano", 0.10, 0.40},
    {"gpt-4.1-mini", 0.40, 1.60},
    {"gpt-4.1", 2.00, 8.00},
    {"gpt-4-turbo", 10.00, 30.00},
    {"gpt-3.5-turbo", 0.50, 1.50},
    {"gpt-5-nano", 0.05, 0.40},
    {"gpt-5-mini", 0.25, 2.00},
    {"gpt-5", 1.25, 10.00},
    {"o4-mini", 1.10, 4.40},
}};

} // namespace

std::optional<ModelPrice> ModelPricing::priceOf(const QString &model)
{
    const Row *best = nullptr;
    qsizetype bestLength = 0;
    for (const Row &row : kPrices) {
        const QLatin1String prefix(row.prefix);
        if (model.startsWith(prefix, Qt::CaseInsensitive) && prefix.size() > bestLength) {
            best = &row;
            bestLength = prefix.size();
        }
    }
    if (!best)
        return std::nullopt;
    return ModelPrice{best->in, best->out};
}

double ModelPricing::estimateUsd(const QString &model, int tokensIn, int tokensOut)
{
    const auto price = priceOf(model);
    if (!price || tokensIn < 0 || tokensOut < 0)
        return 0;
    return (tokensIn * price->inputPerMillion + tokensOut * price->outputPerMillion) / 1e6;
}

} // namespace joxai
