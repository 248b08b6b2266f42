#include "server/assistant/promptbuilder.h"

#include <QStringList>

#include <array>

namespace joxai {

namespace {

QString clip(const QString &text, int maxChars)
{
    const QString t = text.trimmed();
    if (maxChars <= 0 || t.size() <= maxChars)
        return t;
    qsizetype cut = t.lastIndexOf(QLatin1Char(' '), maxChars);
    if (cut < maxChars / 2)
        cut = maxChars;
    return t.left(cut).trimmed() + QStringLiteral(" […]");
}

void append(QList<PromptMessage> &messages, const QString &role, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!messages.isEmpty() && messages.last().role == role)
        messages.last().content += QStringLiteral("\n\n") + text; // roles must alternate
    else
        messages.append({role, text});
}

} // namespace

PromptBuilder::PromptBuilder() = default;

PromptBuilder::PromptBuilder(Limits limits) : m_limits(limits) {}

QString PromptBuilder::noAnswerMarker()
{
    return QStringLiteral("[[no_answer]]");
}

bool PromptBuilder::takeNoAnswerMarker(QString &text)
{
    const QString marker = noAnswerMarker();
    if (!text.contains(marker))
        return false;
    text.remove(marker);
    text = text.trimmed();
    return true;
}

QString PromptBuilder::languageName(const QString &code)
{
    static constexpr std::array<std::pair<const char *, const char *>, 10> names{{
        {"en", "English"}, {"fr", "French"}, {"de", "German"}, {"es", "Spanish"}, {"it", "Italian"},
        {"nl", "Dutch"}, {"pt", "Portuguese"}, {"ar", "Arabic"}, {"pl", "Polish"}, {"ro", "Romanian"},
    }};
    const QString c = code.trimmed().toLower().left(2);
    for (const auto &[key, name] : names) {
        if (c == QLatin1String(key))
            return QLatin1String(name);
    }
    return code.trimmed().isEmpty() ? QStringLiteral("English") : code.trimmed();
}

Prompt PromptBuilder::build(const AssistantRequest &request) const
{
    Prompt prompt;
    prompt.system = systemPrompt(request, prompt.sources);
    prompt.messages = messages(request);
    return prompt;
}

QString PromptBuilder::systemPrompt(const AssistantRequest &request, QList<SourceRef> &sources) const
{
    const QString language = languageName(request.language);
    QStringList lines = {
        QStringLiteral("You are the bank's customer support assistant, answering in the chat on the bank's "
                       "website. You are an AI assistant, not a person."),
        QStringLiteral("Rules:"),
        QStringLiteral("1. Answer only from the knowledge articles below. Do not add facts about the bank, "
                       "its products, fees, limits or rules that the articles do not state."),
        QStringLiteral("2. NEVER invent or guess account data: balances, transactions, payments, card "
                       "details or card status, limits of this customer's accounts, personal details. You "
                       "cannot see any account. When asked for such data, say that you cannot see accounts "
                       "and point to online banking or the app, or offer to connect the customer with a "
                       "person."),
        QStringLiteral("3. If the articles do not answer the question, say so plainly, offer to connect the "
                       "customer with a person, and end your reply with %1.").arg(noAnswerMarker()),
        QStringLiteral("4. Never ask for a full card number, PIN, password, security code (CVV) or one-time "
                       "code. Values shown masked (for example **** 1234) are masked on purpose."),
        QStringLiteral("5. Answer in %1, the language of this conversation. Keep it short: a few sentences, "
                       "plain text.").arg(language),
    };
    lines << (request.verified
                  ? QStringLiteral("The customer has signed in to online banking; you still cannot see their "
                                   "accounts.")
                  : QStringLiteral("The customer is not identified: give general information only."));
    lines << QString() << QStringLiteral("Knowledge articles:");
    const int count = int(std::min<qsizetype>(request.matches.size(), std::max(0, m_limits.maxArticles)));
    if (count == 0)
        lines << QStringLiteral("(none were found for this question)");
    for (int i = 0; i < count; ++i) {
        const KnowledgeMatch &m = request.matches.at(i);
        lines << QStringLiteral("[%1] %2").arg(i + 1).arg(m.title.trimmed());
        lines << clip(m.content, m_limits.maxArticleChars) << QString();
        sources.append({m.id, m.title});
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

QList<PromptMessage> PromptBuilder::messages(const AssistantRequest &request) const
{
    QList<AssistantTurn> history = request.history;
    const QString question = request.question.trimmed();
    // The caller may have stored the question already and passed it as the last turn.
    if (!history.isEmpty() && history.last().sender == QLatin1String("customer")
        && history.last().text.trimmed() == question)
        history.removeLast();
    const qsizetype keep = std::max(0, m_limits.maxHistoryTurns);
    if (history.size() > keep)
        history = history.mid(history.size() - keep);

    QList<PromptMessage> out;
    for (const AssistantTurn &turn : std::as_const(history)) {
        QString role;
        if (turn.sender == QLatin1String("customer"))
            role = QStringLiteral("user");
        else if (turn.sender == QLatin1String("assistant") || turn.sender == QLatin1String("agent"))
            role = QStringLiteral("assistant");
        else
            continue; // system notices are not part of the dialogue
        if (out.isEmpty() && role == QLatin1String("assistant"))
            continue; // the greeting: the messages must start with the customer
        append(out, role, clip(turn.text, m_limits.maxTurnChars));
    }
    append(out, QStringLiteral("user"), question);
    if (out.isEmpty() || out.last().role != QLatin1String("user"))
        out.append({QStringLiteral("user"), QStringLiteral("(empty message)")});
    return out;
}

} // namespace joxai
