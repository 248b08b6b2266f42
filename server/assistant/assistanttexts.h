#pragma once
// The assistant's fixed texts, per conversation language ("en", "fr"; anything else → English).
// Chosen by the conversation's language, not the process locale, so they are a table here rather
// than tr() strings. System settings may override the greeting (ChatService decides).
// None of them contains digits or amounts, and all of them say how to reach a person.

#include <QString>

namespace joxai {

class AssistantTexts
{
public:
    // "fr", "FR", "fr-CA", "fr_BE" → "fr"; everything else (empty, "de", "english") → "en".
    static QString language(const QString &requested);

    // The first message of a conversation: an AI assistant is talking, and how to reach a person.
    static QString greeting(const QString &language);
    // The conversation has been handed to the team.
    static QString escalationNotice(const QString &language);
    // A staff member took the conversation; an empty name gives a neutral sentence.
    static QString agentJoined(const QString &language, const QString &agentName);
    static QString closedNotice(const QString &language);
    // Nothing could answer (every provider failed).
    static QString unavailable(const QString &language);

    // Replies of the local provider.
    static QString greetingReply(const QString &language);
    static QString thanksReply(const QString &language);
    static QString balanceHelp(const QString &language); // never an amount: where to look
    static QString cardLostHelp(const QString &language);
    static QString fraudHelp(const QString &language);
    static QString dontKnow(const QString &language);
    static QString otherLanguageNote(const QString &language);
    static QString seeAlso(const QString &language, const QString &title);
};

} // namespace joxai
