#pragma once
// How knowledge text becomes search terms, the one definition both databases index and the ranker
// counts (migration 0003): a pure function of the text, identical on every platform and dialect.
//
//  1. Compatibility decomposition (NFKD) with combining marks dropped, so accents fold ("volée" →
//     "volee", "ﬁ" → "fi"); œ æ ß ø ł đ ı become oe ae ss o l d i; the rest is lower-cased.
//  2. A term is a run of letters and digits; anything else separates (apostrophes too, so French
//     elisions split: "l'agence" → "l", "agence"). Letters that are still not ASCII are written
//     as "u" + four hex digits, so every term is plain [a-z0-9] and no database tokenizer, query
//     syntax or locale can read it differently.
//  3. Single letters and English/French stop words are dropped.
//  4. A light stemmer, the same for both languages (plural s/x/ies, -ement, -ing/-ed/-ez/-er,
//     final e, doubled final consonant): "cards" → "card", "volées" → "vol",
//     "bloquer"/"bloqué" → "bloqu", "changement"/"changer" → "chang".
//  5. Terms longer than kMaxTermLength are dropped.
// Text that only holds such characters yields no terms; no term ever needs quoting.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace joxai {

class KnowledgeText final
{
public:
    static constexpr int kMaxTermLength = 40;
    static constexpr int kMaxQueryTerms = 32;

    // Every term of `text`, in order, repeats kept.
    static QStringList terms(QStringView text);
    // A question's distinct terms in order of first appearance, at most kMaxQueryTerms.
    static QStringList queryTerms(QStringView text);
    // The `search_doc` column: the terms of title, tags and content joined by single spaces.
    static QString searchDocument(const QString &title, const QStringList &tags, const QString &content);

    // Exposed for tests: `word` is already folded (lower case, no accents).
    static bool isStopWord(QStringView word);
    static QString stem(QString word);
};

} // namespace joxai
