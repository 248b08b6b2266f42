#pragma once
// Small text helpers the rule-based parts of the assistant share (Redactor, IntentClassifier,
// ReplyCache). Pure functions on values: safe on any thread.

#include <QString>
#include <QStringView>

namespace joxai {

class TextNormaliser
{
public:
    // Lower case with accents dropped (é → e, Ç → c), typographic apostrophes as ' and no-break
    // spaces as ' '. Exactly one output QChar per input QChar, so indices map back to `text`.
    static QString fold(QStringView text);

    // fold(), then every run of characters that are not letters or digits (apostrophes too, so
    // French elisions split: "j'ai" → "j ai") becomes one space, with a space at both ends:
    // "  J'ai PERDU ma carte !" → " j ai perdu ma carte ".
    static QString words(QStringView text);

    // Whether `words` (an output of words()) holds `phrase` on word boundaries. The phrase is
    // written as it appears in words(): " lost my card " matches whole words; a phrase without its
    // trailing space matches a prefix of the last word (" fraud" matches "fraudulent").
    static bool contains(QStringView words, QStringView phrase);

    // The cache key of a question: lower case, trimmed, inner whitespace collapsed to one space,
    // trailing punctuation (and the spaces before it) dropped. "  What are   your HOURS ?! " →
    // "what are your hours".
    static QString questionKey(QStringView question);
};

} // namespace joxai
