#include "server/assistant/assistanttexts.h"

namespace joxai {

namespace {

bool isFrench(const QString &language)
{
    return AssistantTexts::language(language) == QLatin1String("fr");
}

} // namespace

QString AssistantTexts::language(const QString &requested)
{
    const QString l = requested.trimmed().toLower();
    if (l == QLatin1String("fr") || l.startsWith(QLatin1String("fr-")) || l.startsWith(QLatin1String("fr_")))
        return QStringLiteral("fr");
    return QStringLiteral("en");
}

QString AssistantTexts::greeting(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Bonjour ! Je suis l’assistant virtuel de la banque : une intelligence artificielle, pas une "
            "personne. Je peux répondre à vos questions courantes sur les cartes, les comptes, les virements "
            "et les frais. Pour parler à une personne à tout moment, écrivez « conseiller » ou utilisez le "
            "bouton « Parler à une personne ».");
    return QStringLiteral(
        "Hello! I’m the bank’s virtual assistant: an AI, not a person. I can answer everyday questions "
        "about cards, accounts, transfers and fees. To talk to a person at any time, type “agent” or use "
        "the “Talk to a person” button.");
}

QString AssistantTexts::escalationNotice(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Je vous ai mis en relation avec un membre de notre équipe. Une personne va rejoindre cette "
            "conversation dès que possible ; vous pouvez continuer à écrire ici en attendant.");
    return QStringLiteral(
        "I’ve passed you to a member of our team. Someone will join this conversation as soon as "
        "possible; you can keep writing here in the meantime.");
}

QString AssistantTexts::agentJoined(const QString &language, const QString &agentName)
{
    const QString name = agentName.simplified();
    if (isFrench(language)) {
        if (name.isEmpty())
            return QStringLiteral("Un membre de notre équipe a rejoint la conversation.");
        return QStringLiteral("%1, de notre équipe, a rejoint la conversation.").arg(name);
    }
    if (name.isEmpty())
        return QStringLiteral("A member of our team has joined the conversation.");
    return QStringLiteral("%1 from our team has joined the conversation.").arg(name);
}

QString AssistantTexts::closedNotice(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Cette conversation est terminée. Merci de nous avoir contactés ; vous pouvez en ouvrir une "
            "nouvelle à tout moment.");
    return QStringLiteral(
        "This conversation is now closed. Thank you for contacting us; you can start a new one at any time.");
}

QString AssistantTexts::unavailable(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Désolé, je ne peux pas répondre pour le moment. Réessayez dans un instant, ou écrivez "
            "« conseiller » pour parler à une personne.");
    return QStringLiteral(
        "Sorry, I can’t answer at the moment. Please try again in a little while, or type “agent” to "
        "talk to a person.");
}

QString AssistantTexts::greetingReply(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Bonjour ! Comment puis-je vous aider ? Vous pouvez me poser vos questions sur les cartes, les "
            "comptes, les virements, les frais ou les horaires, ou écrire « conseiller » pour parler à une "
            "personne.");
    return QStringLiteral(
        "Hello! How can I help you today? You can ask me about cards, accounts, transfers, fees or opening "
        "hours, or type “agent” to talk to a person.");
}

QString AssistantTexts::thanksReply(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Avec plaisir ! Puis-je vous aider pour autre chose ? Écrivez « conseiller » si vous souhaitez "
            "parler à une personne.");
    return QStringLiteral(
        "You’re welcome! Is there anything else I can help you with? Type “agent” if you would like to talk "
        "to a person.");
}

QString AssistantTexts::balanceHelp(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Je n’ai pas accès à vos comptes, je ne peux donc pas vous indiquer votre solde, et je ne vous "
            "demanderai jamais votre numéro de carte, votre code ou vos mots de passe ici. Vous pouvez "
            "consulter votre solde à tout moment dans l’application mobile ou sur la banque en ligne "
            "(rubrique Comptes), à un distributeur avec votre carte, ou sur votre dernier relevé. Si quelque "
            "chose vous semble anormal, écrivez « conseiller » pour parler à une personne.");
    return QStringLiteral(
        "I can’t see your accounts, so I can’t tell you your balance, and I will never ask for your card "
        "number, PIN or passwords here. You can check your balance at any time in the mobile app or online "
        "banking (Accounts), at a cash machine with your card, or on your latest statement. If something "
        "looks wrong, type “agent” to talk to a person.");
}

QString AssistantTexts::cardLostHelp(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Faites opposition sur votre carte sans attendre : dans l’application mobile, rubrique Cartes, "
            "choisissez « Bloquer la carte », ou appelez notre ligne d’opposition joignable jour et nuit "
            "(numéro au dos de vos relevés et sur notre site). Le blocage est immédiat et une nouvelle carte "
            "vous est envoyée. Écrivez « conseiller » pour parler à une personne.");
    return QStringLiteral(
        "Block your card straight away: in the mobile app, go to Cards and choose “Block card”, or call our "
        "card line, open day and night (the number is on your statements and our website). Blocking is "
        "immediate and a replacement card is sent to you. Type “agent” to talk to a person.");
}

QString AssistantTexts::fraudHelp(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Si vous ne reconnaissez pas une opération, bloquez votre carte tout de suite dans l’application "
            "(Cartes › Bloquer la carte) et contactez-nous pour que nous enquêtions. Ne communiquez jamais "
            "vos numéros de carte, code ou codes reçus par SMS : nous ne vous les demanderons jamais. "
            "Écrivez « conseiller » pour parler à une personne maintenant.");
    return QStringLiteral(
        "If you don’t recognise a payment, block your card at once in the app (Cards › Block card) and "
        "contact us so we can investigate. Never share your card details, PIN or one-time codes with anyone: "
        "we will never ask for them. Type “agent” to talk to a person now.");
}

QString AssistantTexts::dontKnow(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral(
            "Désolé, je n’ai pas la réponse à cette question. Je peux vous mettre en relation avec une "
            "personne : écrivez « conseiller » ou utilisez le bouton « Parler à une personne ».");
    return QStringLiteral(
        "I’m sorry, I don’t know that one. I can connect you to a person: type “agent” or use the “Talk to "
        "a person” button.");
}

QString AssistantTexts::otherLanguageNote(const QString &language)
{
    if (isFrench(language))
        return QStringLiteral("(Cet article n’existe pas encore en français.)");
    return QStringLiteral("(This article is not available in English yet.)");
}

QString AssistantTexts::seeAlso(const QString &language, const QString &title)
{
    if (isFrench(language))
        return QStringLiteral("Voir aussi : « %1 ».").arg(title);
    return QStringLiteral("See also: “%1”.").arg(title);
}

} // namespace joxai
