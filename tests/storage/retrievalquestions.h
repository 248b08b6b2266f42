#pragma once
// Everyday customer questions in English and French with the article each must find first in the
// default knowledge base, shared by the retrieval suites (tst_retrieval on each database,
// tst_retrieval_dialects across both). Only the test suites include it.

#include "server/assistant/retriever.h"
#include "server/storage/database.h"
#include "server/storage/migrator.h"

#include <QStringList>

#include <memory>

namespace joxai::test {

struct Question
{
    const char *language;
    const char *text;
    const char *expectedTitle;
};

// Each question and the article a customer needs first.
inline const Question kQuestions[] = {
    { "en", "I lost my card", "Lost or stolen card: block it now" },
    { "en", "my card was stolen", "Lost or stolen card: block it now" },
    { "en", "what are your opening hours", "Opening hours and branches" },
    { "en", "how do I reset my password", "Forgotten password and online banking login" },
    { "en", "there is a payment on my account I don't recognise",
        "Card fraud and transactions you don't recognise" },
    { "en", "how do I make an international transfer", "International transfers (SWIFT)" },
    { "en", "how can I increase my transfer limit", "Transfer limits and how to raise them" },
    { "en", "I forgot my PIN", "Forgotten PIN" },
    { "en", "how do I open an account", "Opening an account: documents you need" },
    { "en", "I want to close my account", "Closing your account" },
    { "en", "how do I make a complaint", "Making a complaint and the ombudsman" },
    { "en", "what fees do you charge", "Fees and charges" },
    { "en", "how do I set up Apple Pay", "Apple Pay and Google Pay" },
    { "en", "I got a new phone", "Two-factor authentication and changing your phone" },
    { "en", "I am travelling abroad, will my card work?", "Using your card abroad and travelling" },
    { "en", "how do I dispute a card payment", "Disputing a card payment (chargeback)" },
    { "en", "I want to apply for a mortgage", "Mortgages" },
    { "en", "can I get a personal loan", "Personal loans" },
    { "en", "how do I change my address", "Changing your address or name" },
    { "en", "someone called me and asked for my PIN", "Phishing and scams: how to protect yourself" },
    { "en", "I want to talk to a person", "Talking to a person" },
    { "en", "how can I check my balance", "Checking your balance" },
    { "en", "book an appointment with my adviser", "Booking an appointment with an adviser" },
    { "en", "how do I set up a standing order", "Standing orders" },
    { "en", "how to cancel a direct debit", "Direct debits" },
    { "en", "my online banking access is locked", "Locked online banking access" },
    { "en", "how do I deposit a cheque", "Cheques" },
    { "en", "where can I deposit cash", "Depositing cash" },
    { "en", "where do I find my IBAN", "Statements, IBAN and bank certificates" },
    { "en", "my father died, what happens to his account", "When an account holder dies" },
    { "en", "do you have student accounts", "Student accounts" },
    { "en", "how do I order foreign currency", "Foreign currency" },
    { "en", "what is the cut-off time for transfers", "Transfer cut-off times and when money arrives" },
    { "en", "how do I change my PIN", "Changing your PIN" },
    { "en", "can I have an overdraft", "Overdrafts" },
    { "en", "my card was declined", "Why was my card declined?" },
    { "en", "how do contactless payments work", "Contactless payments" },
    { "en", "open a business account for my company", "Business accounts" },
    { "fr", "j'ai perdu ma carte", "Carte perdue ou volée : faites opposition tout de suite" },
    { "fr", "on m'a volé ma carte bancaire", "Carte perdue ou volée : faites opposition tout de suite" },
    { "fr", "quels sont vos horaires d'ouverture", "Horaires d'ouverture et agences" },
    { "fr", "comment faire un virement international", "Virements internationaux (SWIFT)" },
    { "fr", "j'ai oublié mon mot de passe", "Mot de passe oublié et connexion à la banque en ligne" },
    { "fr", "je ne reconnais pas un paiement sur mon compte",
        "Fraude à la carte et opérations non reconnues" },
    { "fr", "comment augmenter mon plafond de virement", "Plafonds de virement et comment les augmenter" },
    { "fr", "j'ai oublié mon code PIN", "Code PIN oublié" },
    { "fr", "comment ouvrir un compte", "Ouvrir un compte : les documents nécessaires" },
    { "fr", "je veux clôturer mon compte", "Clôturer votre compte" },
    { "fr", "comment faire une réclamation", "Faire une réclamation et saisir le médiateur" },
    { "fr", "quels sont les frais bancaires", "Frais bancaires et tarifs" },
    { "fr", "comment activer Apple Pay", "Apple Pay et Google Pay" },
    { "fr", "j'ai changé de téléphone", "Double authentification et changement de téléphone" },
    { "fr", "je pars à l'étranger, ma carte fonctionnera-t-elle ?",
        "Utiliser votre carte à l'étranger et en voyage" },
    { "fr", "contester un paiement par carte", "Contester un paiement par carte" },
    { "fr", "je voudrais un prêt immobilier", "Crédit immobilier" },
    { "fr", "je voudrais un prêt personnel", "Prêts personnels" },
    { "fr", "comment changer d'adresse", "Changer d'adresse ou de nom" },
    { "fr", "on m'a demandé mon code par téléphone", "Hameçonnage et arnaques : comment vous protéger" },
    { "fr", "je veux parler à un conseiller", "Parler à un conseiller" },
    { "fr", "comment consulter mon solde", "Consulter votre solde" },
    { "fr", "prendre rendez-vous avec mon conseiller", "Prendre rendez-vous avec un conseiller" },
    { "fr", "mettre en place un virement permanent", "Virements permanents" },
    { "fr", "annuler un prélèvement", "Prélèvements" },
    { "fr", "mon accès en ligne est bloqué", "Accès à la banque en ligne bloqué" },
    { "fr", "déposer un chèque", "Chèques" },
    { "fr", "déposer des espèces", "Déposer des espèces" },
    { "fr", "obtenir un RIB", "Relevés, RIB et attestations" },
    { "fr", "mon père est décédé, que devient son compte", "Décès d'un titulaire de compte" },
    { "fr", "donner procuration sur mon compte", "Procuration" },
    { "fr", "ouvrir un compte professionnel", "Comptes professionnels" },
    { "fr", "avez-vous un compte étudiant", "Comptes étudiants" },
    { "fr", "commander des devises", "Devises étrangères" },
    { "fr", "heure limite pour un virement", "Heures limites des virements et délais d'arrivée" },
    { "fr", "virement instantané", "Virements instantanés" },
    { "fr", "paiement sans contact", "Paiement sans contact" },
    { "fr", "ma carte est refusée", "Pourquoi ma carte a-t-elle été refusée ?" },
    { "fr", "ouvrir un livret d'épargne", "Comptes d'épargne et livrets" },
    { "fr", "j'ai un découvert", "Découvert autorisé" },
};

inline QString describe(const QList<KnowledgeMatch> &matches)
{
    QStringList parts;
    for (const KnowledgeMatch &m : matches)
        parts << QStringLiteral("%1 (%2)").arg(m.title).arg(m.score);
    return parts.join(QStringLiteral(" | "));
}

inline std::unique_ptr<Database> openSqliteBeside(const QString &folder, QString *why)
{
    DatabaseTarget t;
    t.sqlitePath = folder + QStringLiteral("/cross-check.db");
    auto db = std::make_unique<Database>(t, 1);
    SqlSession s = db->session();
    auto migrated = Migrator().migrate(s);
    if (!migrated) {
        *why = migrated.error().detail;
        return nullptr;
    }
    return db;
}

} // namespace joxai::test
