#pragma once
// The transcript e-mail a customer asks for when closing a chat, in the conversation's language:
// its subject, a short introduction and a label for each speaker. French for "fr" (and "fr-CA",
// "fr_BE"), English for everything else, the languages the chat widget speaks.

#include "server/storage/conversationstore.h"

#include <QList>
#include <QString>

namespace joxai {

class TranscriptMail final
{
public:
    // "fr", "fr-CA", "FR_be" → "fr"; anything else (empty, "de", "en-GB") → "en".
    static QString language(const QString &conversationLanguage);

    static QString subject(const QString &conversationLanguage);
    // The introduction, then one line per message: "<UTC time> <label>: <text>". Internal notes
    // are not the caller's to pass (ConversationStore leaves them out for customers).
    static QString body(const QString &conversationLanguage, const QList<ChatMessage> &messages);
    // "customer" → "You" / "Vous", …; an unknown sender keeps its own name.
    static QString senderLabel(const QString &conversationLanguage, const QString &sender);
};

} // namespace joxai
