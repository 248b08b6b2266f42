#include "server/mail/transcriptmail.h"

#include "server/storage/sqlsession.h"

namespace joxai {

namespace {

bool french(const QString &conversationLanguage)
{
    return TranscriptMail::language(conversationLanguage) == QLatin1String("fr");
}

} // namespace

QString TranscriptMail::language(const QString &conversationLanguage)
{
    const QString primary
        = conversationLanguage.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).trimmed().toLower();
    return primary == QLatin1String("fr") ? primary : QStringLiteral("en");
}

QString TranscriptMail::subject(const QString &conversationLanguage)
{
    return french(conversationLanguage) ? QStringLiteral("Votre échange avec le service client JoxAI")
                                        : QStringLiteral("Your conversation with JoxAI Support");
}

QString TranscriptMail::senderLabel(const QString &conversationLanguage, const QString &sender)
{
    const bool fr = french(conversationLanguage);
    if (sender == QLatin1String("customer"))
        return fr ? QStringLiteral("Vous") : QStringLiteral("You");
    if (sender == QLatin1String("assistant"))
        return fr ? QStringLiteral("Assistant IA") : QStringLiteral("AI assistant");
    if (sender == QLatin1String("agent"))
        return fr ? QStringLiteral("Conseiller") : QStringLiteral("Advisor");
    if (sender == QLatin1String("system"))
        return fr ? QStringLiteral("Information") : QStringLiteral("Notice");
    return sender;
}

QString TranscriptMail::body(const QString &conversationLanguage, const QList<ChatMessage> &messages)
{
    QString text = french(conversationLanguage)
                       ? QStringLiteral("Bonjour,\n\nVoici la transcription de votre échange avec le service "
                                        "client JoxAI, comme vous l’avez demandé. Les heures sont en UTC.\n\n")
                       : QStringLiteral("Hello,\n\nHere is the transcript of your conversation with JoxAI Support, "
                                        "as you asked. Times are in UTC.\n\n");
    for (const ChatMessage &m : messages)
        text += SqlSession::isoTime(m.createdAt) + QLatin1Char(' ') + senderLabel(conversationLanguage, m.sender)
                + QStringLiteral(": ") + m.body + QLatin1Char('\n');
    return text;
}

} // namespace joxai
