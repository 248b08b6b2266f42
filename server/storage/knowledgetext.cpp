#include "server/storage/knowledgetext.h"

#include <QSet>

namespace joxai {

namespace {

// English and French words that carry no topic. Written folded (no accents). Words that are
// function words in one language but topics in the other stay out ("car" loan, "son" account).
// clang-format off
const char *const kStopWords[] = {
    // English
    "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "cant",
    "could", "did", "didn", "do", "does", "doesn", "doing", "don", "done", "down", "during", "each", "else",
    "even", "ever", "every", "few", "find", "for", "found", "from", "further", "get", "gets", "getting",
    "give", "go", "going", "got", "had", "has", "have", "having", "he", "hello", "help", "her", "here",
    "hey", "hi", "him", "his", "how", "however", "if", "im", "in", "into", "is", "isn", "it", "its", "ive",
    "just", "know", "let", "like", "ll", "make", "may", "me", "might", "mine", "more", "most", "much",
    "must", "my", "myself", "need", "needs", "no", "nor", "not", "now", "of", "off", "ok", "okay", "on",
    "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "please", "pls", "re",
    "really", "same", "shall", "she", "see", "should", "show", "so", "some", "something", "such", "tell",
    "than", "thank", "thanks", "that", "the", "their", "them", "then", "there", "these", "they", "thing",
    "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very", "wa", "want",
    "wanted", "wants", "was", "we", "were", "what", "whats", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "won", "would", "yes", "you", "your", "yours", "yourself",
    // French
    "ai", "aie", "ainsi", "alors", "as", "au", "aucun", "aussi", "autre", "aux", "avais", "avait", "avec",
    "avez", "avoir", "avons", "bien", "bonjour", "bonsoir", "ca", "ce", "ceci", "cela", "celle", "celui",
    "ces", "cet", "cette", "chez", "comme", "comment", "dans", "de", "des", "dois", "doit", "donc", "dont",
    "du", "elle", "elles", "en", "encore", "es", "est", "et", "etais", "etait", "ete", "etes", "etre", "eu",
    "eux", "faire", "fais", "fait", "faut", "ici", "il", "ils", "je", "la", "le", "les", "leur", "leurs",
    "lui", "ma", "mais", "me", "merci", "mes", "moi", "mon", "ne", "ni", "nos", "notre", "nous", "ont",
    "ou", "par", "pas", "peu", "peut", "peux", "plus", "pour", "pourquoi", "pouvez", "puis", "puisje", "qu",
    "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "sa", "salut", "sans", "se", "ses",
    "si", "sont", "souhaite", "souhaiterais", "stp", "suis", "sur", "svp", "ta", "te", "tes", "toi", "ton",
    "tous", "tout", "toute", "toutes", "tres", "trouver", "tu", "un", "une", "vais", "veux", "voudrais",
    "voir", "vos", "votre", "vous", "vraiment", "y",
};
// clang-format on

const QSet<QString> &stopWords()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char *w : kStopWords)
            s.insert(QLatin1String(w));
        return s;
    }();
    return set;
}

bool isVowel(QChar c)
{
    switch (c.unicode()) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
        return true;
    default:
        return false;
    }
}

// Appends the folded form of one letter or digit (already decomposed, not a mark).
void appendFolded(QString &out, QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80) {
        out += (u >= 'A' && u <= 'Z') ? QChar(u + 32) : c;
        return;
    }
    switch (u) {
    case 0x0152:
    case 0x0153:
        out += QLatin1String("oe");
        return; // Œ œ
    case 0x00C6:
    case 0x00E6:
        out += QLatin1String("ae");
        return; // Æ æ
    case 0x00DF:
    case 0x1E9E:
        out += QLatin1String("ss");
        return; // ß ẞ
    case 0x00D8:
    case 0x00F8:
        out += QLatin1Char('o');
        return; // Ø ø
    case 0x0141:
    case 0x0142:
        out += QLatin1Char('l');
        return; // Ł ł
    case 0x0110:
    case 0x0111:
        out += QLatin1Char('d');
        return; // Đ đ
    case 0x0131:
        out += QLatin1Char('i');
        return; // ı
    default:
        break;
    }
    const QChar lower = c.toLower();
    if (lower.unicode() < 0x80) {
        out += lower;
        return;
    }
    out += QLatin1Char('u') + QString::number(lower.unicode(), 16).rightJustified(4, QLatin1Char('0'));
}

bool hasDigit(const QString &w)
{
    for (const QChar c : w)
        if (c.isDigit())
            return true;
    return false;
}

void dropDoubledConsonant(QString &w)
{
    const qsizetype n = w.size();
    if (n > 4 && w.at(n - 1) == w.at(n - 2) && w.at(n - 1).isLetter() && !isVowel(w.at(n - 1)))
        w.chop(1);
}

template<typename Sink> void forEachTerm(QStringView text, Sink &&sink)
{
    bool ascii = true;
    for (const QChar c : text)
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    const QString decomposed = ascii ? QString() : text.toString().normalized(QString::NormalizationForm_KD);
    const QStringView source = ascii ? text : QStringView(decomposed);

    QString word;
    bool onlyLetters = true;
    auto flush = [&] {
        if (word.isEmpty())
            return;
        if (!(word.size() == 1 && onlyLetters) && !stopWords().contains(word)) {
            QString term = KnowledgeText::stem(word);
            if (term.size() <= KnowledgeText::kMaxTermLength)
                sink(std::move(term));
        }
        word.clear();
        onlyLetters = true;
    };
    for (const QChar c : source) {
        if (c.isMark())
            continue; // combining accents of the decomposition: part of the letter before
        if (c.isLetterOrNumber()) {
            if (!c.isLetter())
                onlyLetters = false;
            appendFolded(word, c);
        } else {
            flush();
        }
    }
    flush();
}

} // namespace

bool KnowledgeText::isStopWord(QStringView word)
{
    return stopWords().contains(word.toString());
}

QString KnowledgeText::stem(QString w)
{
    if (w.size() <= 3 || hasDigit(w))
        return w;
    auto ends = [&w](const char *suffix) { return w.endsWith(QLatin1String(suffix)); };
    // 1. Plurals.
    if (w.size() > 4 && ends("ies")) {
        w.chop(3);
        w += QLatin1Char('y');
    } else if ((ends("s") && !ends("ss")) || ends("x")) {
        w.chop(1);
    }
    // 2. French -ement ("changement" → "change", "remboursement" → "rembourse"), English -ing/-ed,
    //    French -ez.
    if (w.size() >= 8 && ends("ement"))
        w.chop(4);
    if (w.size() > 5 && ends("ing"))
        w.chop(3);
    else if (w.size() > 4 && (ends("ed") || ends("ez")))
        w.chop(2);
    // 3. "transferr(ed)" → "transfer", "cancell(ed)" → "cancel".
    dropDoubledConsonant(w);
    // 4. -er (French infinitives, English agent nouns): "bloquer" → "bloqu", "transfer" → "transf".
    if (w.size() > 5 && ends("er"))
        w.chop(2);
    // 5. Final e (French feminine and past participles, English silent e).
    while (w.size() > 3 && ends("e"))
        w.chop(1);
    // 6. Once more after the e: "addresse" → "address" → "addres".
    dropDoubledConsonant(w);
    return w;
}

QStringList KnowledgeText::terms(QStringView text)
{
    QStringList out;
    forEachTerm(text, [&out](QString &&term) { out.append(std::move(term)); });
    return out;
}

QStringList KnowledgeText::queryTerms(QStringView text)
{
    QStringList out;
    forEachTerm(text, [&out](QString &&term) {
        if (out.size() < kMaxQueryTerms && !out.contains(term))
            out.append(std::move(term));
    });
    return out;
}

QString KnowledgeText::searchDocument(const QString &title, const QStringList &tags, const QString &content)
{
    QStringList all = terms(title);
    all += terms(tags.join(QLatin1Char(' ')));
    all += terms(content);
    return all.join(QLatin1Char(' '));
}

} // namespace joxai
