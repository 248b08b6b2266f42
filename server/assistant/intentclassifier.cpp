#include "server/assistant/intentclassifier.h"

#include "server/assistant/textnormaliser.h"

#include <QStringView>

#include <bitset>
#include <initializer_list>

namespace joxai {

namespace {

// Phrases as TextNormaliser::words() writes text: lower case, no accents, apostrophes and
// punctuation as single spaces. A leading and trailing space makes whole words; without the
// trailing space the last word is a prefix (" fraud" matches "fraudulent").
using Phrases = std::initializer_list<QStringView>;

// The text to classify, with the first two characters of each of its words noted, so most phrases
// are ruled out without a search.
class Words
{
public:
    explicit Words(const QString &text) : m_text(TextNormaliser::words(text))
    {
        for (qsizetype i = 1; i < m_text.size(); ++i) {
            if (m_text.at(i - 1) == u' ' && m_text.at(i) != u' ')
                m_starts.set(pairIndex(m_text.at(i), i + 1 < m_text.size() ? m_text.at(i + 1) : QChar(u' ')));
        }
    }

    bool contains(QStringView phrase) const
    {
        if (phrase.size() >= 3 && !m_starts.test(pairIndex(phrase[1], phrase[2])))
            return false;
        return TextNormaliser::contains(m_text, phrase);
    }

private:
    static int code(QChar c)
    {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            return u - u'a';
        if (u >= u'0' && u <= u'9')
            return 26 + (u - u'0');
        return 36; // space, or a letter folding left as it was
    }
    static int pairIndex(QChar a, QChar b) { return code(a) * 37 + code(b); }

    QString m_text;
    std::bitset<37 * 37> m_starts;
};

bool any(const Words &words, Phrases phrases)
{
    for (const QStringView phrase : phrases) {
        if (words.contains(phrase))
            return true;
    }
    return false;
}

const Phrases kCardWords = {u" card ", u" cards ", u" debit card", u" credit card", u" carte ", u" cartes ",
                            u" cb "};

bool isHuman(const Words &w)
{
    return any(w, {
        u" talk to a person", u" talk to a human", u" talk to someone", u" talk to somebody",
        u" talk to an agent", u" talk to a real", u" talk to a manager", u" talk with a person",
        u" talk with someone", u" speak to a person", u" speak to a human", u" speak to someone",
        u" speak to somebody", u" speak to an agent", u" speak to a real", u" speak to a manager",
        u" speak with a person", u" speak with someone", u" speak with an agent", u" real person",
        u" real human", u" a human ", u" human ", u" human being", u" human agent", u" live agent",
        u" live person", u" get a person", u" need a person", u" want a person", u" agent ", u" agents ",
        u" representative", u" customer service", u" operator ", u" advisor", u" adviser",
        u" call me back", u" talk to you guys",
        // French
        u" conseiller", u" conseillere", u" parler a quelqu", u" parler avec quelqu",
        u" parler a une personne", u" parler avec une personne", u" parler a un humain",
        u" parler a un agent", u" parler a une vraie", u" parler a un vrai", u" parler a un responsable",
        u" une vraie personne", u" un vrai humain", u" une personne reelle", u" un humain", u" une humaine",
        u" etre humain", u" humain ", u" operateur", u" operatrice", u" service client", u" joindre quelqu",
        u" contacter quelqu", u" me rappeler", u" rappelez moi",
    });
}

bool isCardLost(const Words &w)
{
    if (any(w, {
            u" lost my card", u" lost my debit card", u" lost my credit card", u" lost card",
            u" stolen card", u" stole my card", u" stole my wallet", u" stolen wallet", u" wallet stolen",
            u" wallet was stolen", u" lost my wallet", u" lost wallet", u" can t find my card",
            u" cannot find my card", u" misplaced my card", u" block my card", u" freeze my card",
            u" cancel my card", u" block card", u" freeze card",
            // French
            u" perdu ma carte", u" perdu mes cartes", u" perte de carte", u" perte de ma carte",
            u" carte perdue", u" carte volee", u" vole ma carte", u" vol de carte", u" vol de ma carte",
            u" carte egaree", u" egare ma carte", u" trouve plus ma carte", u" bloquer ma carte",
            u" bloquer la carte", u" bloquer ma cb", u" faire opposition", u" opposition ",
            u" vole mon portefeuille", u" perdu mon portefeuille", u" portefeuille vole", u" sac vole",
            u" on m a vole",
        }))
        return true;
    return any(w, kCardWords)
           && any(w, {u" lost ", u" stolen ", u" stole ", u" missing ", u" misplaced ", u" perdu",
                      u" volee ", u" vole ", u" volees ", u" egaree", u" derobe", u" perte "});
}

bool isFraud(const Words &w)
{
    if (any(w, {
            u" fraud", u" scam", u" phishing", u" hacked", u" hacker", u" unauthorised", u" unauthorized",
            u" unrecognised", u" unrecognized", u" don t recognise", u" don t recognize",
            u" do not recognise", u" do not recognize", u" didn t make", u" did not make",
            u" didn t authorise", u" didn t authorize", u" not authorised", u" not authorized",
            u" suspicious", u" someone used my card", u" someone has used my card",
            u" someone is using my card", u" identity theft", u" money disappeared",
            u" money has disappeared",
            // French
            u" fraude", u" frauduleu", u" arnaque", u" escroqu", u" hameconnage", u" pirate", u" piratage",
            u" non autorise", u" reconnais pas", u" je n ai pas fait", u" pas effectue", u" suspect",
            u" usurpation", u" a utilise ma carte", u" utilise ma carte sans", u" argent a disparu",
        }))
        return true;
    return any(w, {u" transaction", u" payment", u" charge ", u" charges ", u" debit ", u" withdrawal",
                   u" purchase", u" operation", u" prelevement", u" paiement", u" achat", u" retrait"})
           && any(w, {u" unknown ", u" inconnu", u" strange ", u" weird ", u" bizarre", u" not mine",
                      u" isn t mine", u" wasn t me", u" pas moi "});
}

bool isDispute(const Words &w)
{
    return any(w, {
        u" dispute", u" chargeback", u" charge back", u" contest", u" refund", u" charged twice",
        u" charged me twice", u" double charge", u" billed twice", u" debited twice", u" paid twice",
        u" taken twice", u" wrong amount", u" incorrect amount", u" never received the goods",
        u" never received my order", u" never received the item", u" order never arrived",
        u" goods not received",
        // French
        u" contester", u" contestation", u" litige", u" debite deux fois", u" debitee deux fois",
        u" preleve deux fois", u" prelevee deux fois", u" paye deux fois", u" facture deux fois",
        u" double prelevement", u" double debit", u" mauvais montant", u" montant incorrect",
        u" jamais recu ma commande", u" commande jamais recue", u" jamais recu la marchandise",
    });
}

bool isComplaint(const Words &w)
{
    return any(w, {
        u" complain", u" not happy", u" unhappy", u" dissatisfied", u" not satisfied", u" poor service",
        u" bad service", u" terrible service", u" awful service", u" ombudsman",
        // French
        u" plainte", u" reclamation", u" reclamer", u" mecontent", u" pas content", u" pas satisfait",
        u" insatisfait", u" mauvais service", u" service deplorable", u" mediateur", u" me plaindre",
    });
}

bool isLogin(const Words &w)
{
    return any(w, {
        u" password", u" log in", u" login", u" log on", u" logon", u" sign in", u" signin", u" can t log",
        u" cannot log", u" unable to log", u" locked out", u" account locked", u" account is locked",
        u" account blocked", u" account is blocked", u" access my account", u" access to my account",
        u" open my account", u" 2fa", u" two factor", u" username", u" user id",
        // French
        u" mot de passe", u" mdp ", u" identifiant", u" connexion", u" me connecter", u" se connecter",
        u" connecte pas", u" acceder a mon compte", u" acces a mon compte", u" compte bloque",
        u" compte verrouille", u" code d acces", u" double authentification",
    });
}

bool isFees(const Words &w)
{
    return any(w, {
        u" fee ", u" fees ", u" charge for", u" charges ", u" cost ", u" costs ", u" costing", u" price",
        u" commission", u" how much does", u" is it free", u" free of charge", u" interest rate",
        u" monthly charge",
        // French
        u" frais ", u" tarif", u" cout ", u" couts ", u" coute", u" couter", u" agios", u" cotisation",
        u" combien ca coute", u" gratuit", u" payant", u" taux d interet",
    });
}

bool isBalance(const Words &w)
{
    return any(w, {
        u" balance", u" how much money", u" how much do i have", u" how much is left",
        u" how much is in my", u" how much have i got", u" available funds", u" what s in my account",
        // French
        u" solde", u" combien j ai", u" combien il me reste", u" combien reste", u" combien ai je",
        u" argent disponible", u" fonds disponibles", u" reste sur mon compte", u" montant de mon compte",
    });
}

bool isLoans(const Words &w)
{
    return any(w, {
        u" loan", u" mortgage", u" remortgage", u" borrow", u" lending", u" credit line",
        u" line of credit", u" car finance",
        // French
        u" pret ", u" prets ", u" emprunt", u" credit immobilier", u" credit conso", u" credit auto",
        u" credit renouvelable", u" rachat de credit", u" simulation de credit", u" hypothe",
        u" financement",
    });
}

bool isAccountOpening(const Words &w)
{
    if (any(w, {u" new account", u" nouveau compte", u" become a customer", u" become a client",
                u" devenir client", u" join your bank", u" switch to your bank", u" changer de banque"}))
        return true;
    return any(w, {u" open ", u" opening ", u" create ", u" sign up", u" signup", u" ouvrir ", u" ouverture ",
                   u" creer ", u" souscrire "})
           && any(w, {u" account ", u" accounts ", u" compte ", u" comptes ", u" livret "});
}

bool isTransfer(const Words &w)
{
    return any(w, {
        u" transfer", u" wire ", u" send money", u" sending money", u" sepa", u" swift", u" bic ", u" iban",
        u" standing order", u" instant payment", u" limit", u" beneficiar", u" payee",
        // French
        u" virement", u" virer ", u" envoyer de l argent", u" envoyer des fonds", u" plafond", u" limite",
        u" beneficiaire", u" ordre permanent", u" rib ",
    });
}

bool isHours(const Words &w)
{
    return any(w, {
        u" opening hours", u" opening times", u" opening time", u" open on", u" open today",
        u" open tomorrow", u" open at", u" open late", u" are you open", u" when do you open",
        u" when are you open", u" what time do you", u" what time does", u" closing time", u" close at",
        u" closes at", u" hours ", u" bank holiday",
        // French
        u" horaire", u" heures d ouverture", u" heure d ouverture", u" ouvert ", u" ouverte ", u" ouverts ",
        u" ouvertes ", u" fermez", u" ferme a ", u" fermeture", u" a quelle heure", u" jours feries",
    });
}

bool isThanks(const Words &w)
{
    return any(w, {u" thank", u" thx ", u" ty ", u" cheers ", u" much appreciated", u" merci",
                   u" remercie"});
}

bool isGreeting(const Words &w)
{
    return any(w, {u" hello", u" hi ", u" hey ", u" hiya ", u" good morning", u" good afternoon",
                   u" good evening", u" greetings", u" bonjour", u" bonsoir", u" salut", u" coucou",
                   u" allo "});
}

struct Rule
{
    Intent intent;
    bool (*matches)(const Words &words);
};

// Most urgent first; greeting and thanks last, so they win only when nothing else matched.
constexpr Rule kRules[] = {
    {Intent::Human, isHuman},
    {Intent::CardLost, isCardLost},
    {Intent::Fraud, isFraud},
    {Intent::Dispute, isDispute},
    {Intent::Complaint, isComplaint},
    {Intent::Login, isLogin},
    {Intent::Fees, isFees},
    {Intent::Balance, isBalance},
    {Intent::Loans, isLoans},
    {Intent::AccountOpening, isAccountOpening},
    {Intent::Transfer, isTransfer},
    {Intent::Hours, isHours},
    {Intent::Thanks, isThanks},
    {Intent::Greeting, isGreeting},
};

// Unmistakable anger, insults and threats.
bool hasStrongPhrase(const Words &w)
{
    return any(w, {
        u" unacceptable", u" outrageous", u" disgrace", u" disgusting", u" appalling", u" worst bank",
        u" worst service", u" worst customer", u" worst experience", u" furious", u" livid", u" fed up",
        u" sick and tired", u" sick of", u" had enough", u" scandal", u" shameful", u" pathetic",
        u" incompetent", u" useless bank", u" thieves", u" crooks", u" sue you", u" i will sue",
        u" my lawyer", u" fuck", u" shit ", u" bullshit", u" wtf ", u" bastard", u" idiot", u" moron",
        u" stupid bank", u" hate this bank", u" hate you", u" hate your", u" so angry", u" very angry",
        u" really angry", u" extremely angry", u" i m angry", u" i am angry",
        // French
        u" inadmissible", u" inacceptable", u" scandale", u" scandaleu", u" honteu", u" une honte",
        u" pire banque", u" pire service", u" furieu", u" furax", u" en colere", u" j en ai marre",
        u" ras le bol", u" incompetent", u" incapables", u" voleurs", u" escrocs", u" lamentable",
        u" minable", u" putain", u" merde", u" bordel", u" connard", u" connasse", u" debile",
        u" abruti", u" foutez",
    });
}

// Cross words that are strong only when shouted ("RIDICULOUS!!!").
bool hasMildPhrase(const Words &w)
{
    return any(w, {
        u" ridiculous", u" useless", u" terrible", u" horrible", u" awful", u" absurd", u" nonsense",
        u" joke ", u" ridicule", u" nul ", u" nulle ", u" n importe quoi", u" insupportable",
        u" honte",
    });
}

bool isShouted(const QString &text)
{
    if (text.contains(QStringLiteral("!!")))
        return true;
    int letters = 0;
    int upper = 0;
    for (const QChar c : text) {
        if (c.isLetter()) {
            ++letters;
            if (c.isUpper())
                ++upper;
        }
    }
    return letters >= 12 && upper * 10 >= letters * 8;
}

} // namespace

Intent IntentClassifier::classify(const QString &text)
{
    const Words words(text);
    for (const Rule &rule : kRules) {
        if (rule.matches(words))
            return rule.intent;
    }
    return Intent::None;
}

bool IntentClassifier::isStronglyNegative(const QString &text)
{
    const Words words(text);
    if (hasStrongPhrase(words))
        return true;
    return hasMildPhrase(words) && isShouted(text);
}

} // namespace joxai
