#include "server/assistant/redactor.h"

#include "server/assistant/textnormaliser.h"

#include <QStringView>

#include <algorithm>
#include <array>
#include <vector>

namespace joxai {

namespace {

constexpr char16_t kBullet = 0x2022;

struct Span
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QString replacement;
};

QString applySpans(const QString &text, const std::vector<Span> &spans)
{
    if (spans.empty())
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    for (const Span &span : spans) {
        out.append(QStringView(text).mid(pos, span.begin - pos));
        out.append(span.replacement);
        pos = span.end;
    }
    out.append(QStringView(text).mid(pos));
    return out;
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiAlnum(QChar c)
{
    return isDigit(c) || isAsciiLetter(c);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\u00A0' || c == u'\u202F';
}

QString bullets(int count)
{
    return QString(count, QChar(kBullet));
}

// ---- IBAN -------------------------------------------------------------------------------------

struct IbanCountry
{
    char code[3];
    int length;
};

// IBAN lengths of the SWIFT IBAN registry.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

int ibanLength(QChar a, QChar b)
{
    for (const IbanCountry &country : kIbanCountries) {
        if (a.unicode() == char16_t(country.code[0]) && b.unicode() == char16_t(country.code[1]))
            return country.length;
    }
    return 0;
}

// ISO 7064 mod 97-10 on upper-case ASCII letters and digits: the first four characters move to
// the end, letters count as 10..35, and the number must leave 1.
bool ibanChecksumValid(QStringView iban)
{
    int remainder = 0;
    auto feed = [&remainder](QChar c) {
        if (isDigit(c))
            remainder = (remainder * 10 + (c.unicode() - u'0')) % 97;
        else
            remainder = (remainder * 100 + (c.unicode() - u'A' + 10)) % 97;
    };
    for (qsizetype i = 4; i < iban.size(); ++i)
        feed(iban[i]);
    for (qsizetype i = 0; i < 4; ++i)
        feed(iban[i]);
    return remainder == 1;
}

std::vector<Span> findIbans(const QString &t)
{
    constexpr int kMinLength = 15;
    constexpr int kMaxLength = 34;
    std::vector<Span> spans;
    const qsizetype n = t.size();
    QString chars;
    std::array<qsizetype, kMaxLength + 1> endAt{};
    qsizetype i = 0;
    while (i + 4 <= n) {
        const bool candidate = isAsciiLetter(t[i]) && isAsciiLetter(t[i + 1]) && isDigit(t[i + 2])
                               && isDigit(t[i + 3]) && (i == 0 || !isWordChar(t[i - 1]));
        if (!candidate) {
            ++i;
            continue;
        }
        const QChar a = t[i].toUpper();
        const QChar b = t[i + 1].toUpper();
        const int known = ibanLength(a, b);
        const int maxLength = known ? known : kMaxLength;
        const int minLength = known ? known : kMinLength;

        // Letters and digits, single blanks between them allowed (the usual groups of four).
        chars.clear();
        qsizetype j = i;
        while (j < n && chars.size() < maxLength) {
            const QChar c = t[j];
            if (isAsciiAlnum(c)) {
                chars.append(c.toUpper());
                ++j;
                endAt[chars.size()] = j;
            } else if (isBlank(c) && j + 1 < n && isAsciiAlnum(t[j + 1])) {
                ++j;
            } else {
                break;
            }
        }

        qsizetype found = 0;
        for (qsizetype k = chars.size(); k >= minLength; --k) {
            const qsizetype end = endAt[k];
            if (end < n && isWordChar(t[end]))
                continue; // would cut a word or a group in two
            if (ibanChecksumValid(QStringView(chars).left(k))) {
                found = k;
                break;
            }
        }
        if (found) {
            const QString replacement = QString(a) + b + bullets(2) + QLatin1Char(' ') + bullets(4)
                                        + QLatin1Char(' ') + QStringView(chars).mid(found - 4, 4);
            spans.push_back({i, endAt[found], replacement});
            i = endAt[found];
        } else {
            ++i;
        }
    }
    return spans;
}

// ---- Card numbers -----------------------------------------------------------------------------

struct Group
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype size() const { return end - begin; }
};

bool isCardSeparator(QChar c)
{
    return isBlank(c) || c == u'-';
}

// A number may start here: not glued to a word, not an international phone number ("+33…"), not
// the decimals of an amount ("1,4111…").
bool cardMayStartAt(const QString &t, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar before = t[i - 1];
    if (isWordChar(before) || before == u'+')
        return false;
    if ((before == u'.' || before == u',') && i >= 2 && isDigit(t[i - 2]))
        return false;
    // The last four digits of a mask ("•••• 3455") must not start a new number with the groups
    // after them, or masking the output again would mask more (mask() is idempotent).
    if (isCardSeparator(before) && i >= 2 && t[i - 2] == QChar(kBullet))
        return false;
    return true;
}

// Compact (one group), groups of four with a last group of 1–4, or 4-6-5 / 4-6-4 (Amex, Diners).
bool isCardGrouping(const std::vector<Group> &groups, int first, int last)
{
    if (first == last)
        return true;
    bool fours = true;
    for (int k = first; k < last && fours; ++k)
        fours = groups[k].size() == 4;
    if (fours && groups[last].size() <= 4)
        return true;
    return last == first + 2 && groups[first].size() == 4 && groups[first + 1].size() == 6
           && (groups[last].size() == 5 || groups[last].size() == 4);
}

bool luhnValid(const QString &t, const std::vector<Group> &groups, int first, int last)
{
    int sum = 0;
    bool doubled = false;
    for (int k = last; k >= first; --k) {
        for (qsizetype p = groups[k].end - 1; p >= groups[k].begin; --p) {
            int digit = t[p].unicode() - u'0';
            if (doubled) {
                digit *= 2;
                if (digit > 9)
                    digit -= 9;
            }
            sum += digit;
            doubled = !doubled;
        }
    }
    return sum % 10 == 0;
}

QString lastDigits(const QString &t, const std::vector<Group> &groups, int first, int last, int count)
{
    QString digits;
    for (int k = last; k >= first && digits.size() < count; --k) {
        for (qsizetype p = groups[k].end - 1; p >= groups[k].begin && digits.size() < count; --p)
            digits.prepend(t[p]);
    }
    return digits;
}

std::vector<Span> findCards(const QString &t)
{
    constexpr int kMinDigits = 13;
    constexpr int kMaxDigits = 19;
    std::vector<Span> spans;
    std::vector<Group> groups;
    const qsizetype n = t.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isDigit(t[i])) {
            ++i;
            continue;
        }
        // One run of digit groups joined by single blanks or dashes.
        groups.clear();
        qsizetype j = i;
        for (;;) {
            const qsizetype begin = j;
            while (j < n && isDigit(t[j]))
                ++j;
            groups.push_back({begin, j});
            if (j + 1 < n && isCardSeparator(t[j]) && isDigit(t[j + 1])) {
                ++j;
                continue;
            }
            break;
        }
        const bool lastGlued = j < n && isWordChar(t[j]);
        const int count = int(groups.size());

        int first = cardMayStartAt(t, i) ? 0 : 1;
        while (first < count) {
            // The widest window of at most 19 digits first, then narrower ones.
            int widest = first - 1;
            qsizetype digits = 0;
            for (int k = first; k < count && digits + groups[k].size() <= kMaxDigits; ++k) {
                digits += groups[k].size();
                widest = k;
            }
            int matched = -1;
            if (t[groups[first].begin] != u'0') { // no card network number starts with 0
                for (int last = widest; last >= first; --last) {
                    // A window ending on a group glued to a word is no card, but its digits
                    // still leave the count (skipping that once masked "34" in "34 56 5555…x").
                    const bool glued = last == count - 1 && lastGlued;
                    if (!glued && digits >= kMinDigits && isCardGrouping(groups, first, last)
                        && luhnValid(t, groups, first, last)) {
                        matched = last;
                        break;
                    }
                    digits -= groups[last].size();
                }
            }
            if (matched >= 0) {
                spans.push_back({groups[first].begin, groups[matched].end,
                                 bullets(4) + QLatin1Char(' ') + lastDigits(t, groups, first, matched, 4)});
                first = matched + 1;
            } else {
                ++first;
            }
        }
        i = j;
    }
    return spans;
}

// ---- Codes given in context -------------------------------------------------------------------

enum class CodeKind {
    Cvv,       // 3–4 digits
    Pin,       // 4–6 digits
    OneTime,   // 4–8 digits, "123 456" too
    PlainCode, // "code is 1234": 4–8 digits, only after a verb or ':'
};

struct CodeKeyword
{
    QStringView text; // folded; ' ' stands for any run of blanks, dashes or apostrophes
    CodeKind kind;
};

constexpr CodeKeyword kCodeKeywords[] = {
    {u"card security code", CodeKind::Cvv},
    {u"security code", CodeKind::Cvv},
    {u"cvv2", CodeKind::Cvv},
    {u"cvc2", CodeKind::Cvv},
    {u"cvv", CodeKind::Cvv},
    {u"cvc", CodeKind::Cvv},
    {u"cvn", CodeKind::Cvv},
    {u"csc", CodeKind::Cvv},
    {u"code de securite", CodeKind::Cvv},
    {u"code securite", CodeKind::Cvv},
    {u"cryptogramme visuel", CodeKind::Cvv},
    {u"cryptogramme", CodeKind::Cvv},
    {u"crypto", CodeKind::Cvv},
    {u"pin code", CodeKind::Pin},
    {u"pin", CodeKind::Pin},
    {u"code pin", CodeKind::Pin},
    {u"code confidentiel", CodeKind::Pin},
    {u"one time passcode", CodeKind::OneTime},
    {u"one time password", CodeKind::OneTime},
    {u"one time code", CodeKind::OneTime},
    {u"one time pin", CodeKind::OneTime},
    {u"otp", CodeKind::OneTime},
    {u"verification code", CodeKind::OneTime},
    {u"confirmation code", CodeKind::OneTime},
    {u"authentication code", CodeKind::OneTime},
    {u"access code", CodeKind::OneTime},
    {u"sms code", CodeKind::OneTime},
    {u"text code", CodeKind::OneTime},
    {u"2fa code", CodeKind::OneTime},
    {u"passcode", CodeKind::OneTime},
    {u"password", CodeKind::OneTime},
    {u"code a usage unique", CodeKind::OneTime},
    {u"code de verification", CodeKind::OneTime},
    {u"code de validation", CodeKind::OneTime},
    {u"code de confirmation", CodeKind::OneTime},
    {u"code d authentification", CodeKind::OneTime},
    {u"code d acces", CodeKind::OneTime},
    {u"code 3d secure", CodeKind::OneTime},
    {u"code sms", CodeKind::OneTime},
    {u"code par sms", CodeKind::OneTime},
    {u"code recu par sms", CodeKind::OneTime},
    {u"code otp", CodeKind::OneTime},
    {u"mot de passe a usage unique", CodeKind::OneTime},
    {u"mot de passe", CodeKind::OneTime},
    {u"code", CodeKind::PlainCode},
};

// Keywords longest first, so "code de verification" is tried before "code".
const std::vector<CodeKeyword> &sortedKeywords()
{
    static const std::vector<CodeKeyword> sorted = [] {
        std::vector<CodeKeyword> v(std::begin(kCodeKeywords), std::end(kCodeKeywords));
        std::stable_sort(v.begin(), v.end(), [](const CodeKeyword &x, const CodeKeyword &y) {
            return x.text.size() > y.text.size();
        });
        return v;
    }();
    return sorted;
}

// Words that may stand between a keyword and its digits ("my CVV number is 123").
constexpr QStringView kFillerWords[] = {
    u"is", u"was", u"are", u"est", u"etait", u"sont", u"c", u"s", u"it", u"its", u"number", u"numero",
    u"no", u"nr", u"num", u"code", u"my", u"mon", u"ma", u"le", u"la", u"l", u"the", u"your", u"votre",
    u"here", u"voici", u"recu", u"received", u"par", u"by", u"via", u"sms", u"text", u"then", u"alors",
    u"on", u"at", u"of", u"back", u"card", u"au", u"dos", u"de", u"du", u"carte",
};
// What makes a plain "code" a code the customer is giving: "code is 1234", "code: 1234".
constexpr QStringView kVerbWords[] = {u"is", u"was", u"est", u"etait"};
// "error code 1234", "zip code 12345" … are not secrets.
constexpr QStringView kNotSecretBefore[] = {
    u"error", u"erreur", u"zip", u"postal", u"area", u"sort", u"promo", u"promotional", u"discount",
    u"voucher", u"bank", u"branch", u"country", u"product", u"reference", u"ref", u"tracking", u"swift",
    u"bic", u"tax", u"qr", u"bar", u"source", u"status", u"response", u"reason", u"dress",
};

template<std::size_t N>
bool isOneOf(QStringView word, const QStringView (&list)[N])
{
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool isKeywordGap(QChar c)
{
    return c == u' ' || c == u'-' || c == u'\'' || c == u'\t' || c == u'\n';
}

// End of `keyword` matched at `p` in the folded text, or -1.
qsizetype matchKeyword(QStringView f, qsizetype p, QStringView keyword)
{
    qsizetype q = p;
    for (const QChar k : keyword) {
        if (k == u' ') {
            if (q >= f.size() || !isKeywordGap(f[q]))
                return -1;
            while (q < f.size() && isKeywordGap(f[q]))
                ++q;
        } else {
            if (q >= f.size() || f[q] != k)
                return -1;
            ++q;
        }
    }
    if (q < f.size() && f[q].isLetterOrNumber())
        return -1;
    return q;
}

bool isFillerPunctuation(QChar c)
{
    switch (c.unicode()) {
    case u' ': case u'\t': case u'\n': case u'\r': case u':': case u'=': case u'-': case u'#':
    case u'(': case u')': case u'\'': case u'"': case u'*': case u'_': case u'`': case 0x00AB:
    case 0x00BB:
        return true;
    default:
        return false;
    }
}

QStringView wordBefore(QStringView f, qsizetype p)
{
    qsizetype end = p;
    while (end > 0 && !f[end - 1].isLetterOrNumber() && p - end < 3)
        --end;
    qsizetype begin = end;
    while (begin > 0 && f[begin - 1].isLetterOrNumber())
        --begin;
    return f.mid(begin, end - begin);
}

std::vector<Span> findCodes(const QString &t)
{
    std::vector<Span> spans;
    const QString folded = TextNormaliser::fold(t);
    const QStringView f(folded);
    const qsizetype n = f.size();
    const auto &keywords = sortedKeywords();
    qsizetype p = 0;
    while (p < n) {
        if (!f[p].isLetterOrNumber() || (p > 0 && f[p - 1].isLetterOrNumber())) {
            ++p;
            continue;
        }
        const CodeKeyword *hit = nullptr;
        qsizetype q = -1;
        for (const CodeKeyword &keyword : keywords) {
            if (keyword.text.front() != f[p])
                continue;
            q = matchKeyword(f, p, keyword.text);
            if (q >= 0) {
                hit = &keyword;
                break;
            }
        }
        if (!hit) {
            ++p;
            continue;
        }
        if (hit->kind == CodeKind::PlainCode && isOneOf(wordBefore(f, p), kNotSecretBefore)) {
            p = q;
            continue;
        }

        // Filler between the keyword and the digits, bounded.
        bool verb = false;
        int fillerWords = 0;
        const qsizetype fillerLimit = q + 40;
        while (q < n && q < fillerLimit && !isDigit(f[q])) {
            if (isFillerPunctuation(f[q])) {
                verb = verb || f[q] == u':' || f[q] == u'=';
                ++q;
                continue;
            }
            qsizetype w = q;
            while (w < n && f[w].isLetter())
                ++w;
            const QStringView word = f.mid(q, w - q);
            if (w == q || fillerWords >= 5 || !isOneOf(word, kFillerWords))
                break;
            verb = verb || isOneOf(word, kVerbWords);
            ++fillerWords;
            q = w;
        }
        if (q >= n || !isDigit(f[q]) || (hit->kind == CodeKind::PlainCode && !verb)) {
            p = q > p ? q : p + 1;
            continue;
        }

        int minDigits = 4;
        int maxDigits = 8;
        bool groupsAllowed = false;
        switch (hit->kind) {
        case CodeKind::Cvv: minDigits = 3; maxDigits = 4; break;
        case CodeKind::Pin: minDigits = 4; maxDigits = 6; break;
        case CodeKind::OneTime: groupsAllowed = true; break;
        case CodeKind::PlainCode: break;
        }

        const qsizetype begin = q;
        int digits = 0;
        qsizetype e = q;
        for (;;) {
            while (e < n && isDigit(f[e])) {
                ++e;
                ++digits;
            }
            if (groupsAllowed && e + 1 < n && (f[e] == u' ' || f[e] == u'-') && isDigit(f[e + 1])) {
                qsizetype next = e + 1;
                while (next < n && isDigit(f[next]))
                    ++next;
                if (digits + (next - e - 1) <= maxDigits) {
                    ++e;
                    continue;
                }
            }
            break;
        }
        bool bounded = e >= n || !f[e].isLetterOrNumber();
        if (bounded && e + 1 < n && isDigit(f[e + 1])) {
            const QChar sep = f[e];
            // "1234.50", "12/25", "1234-5678": part of something longer.
            if (sep == u'.' || sep == u',' || sep == u'/' || sep == u'-' || (groupsAllowed && sep == u' '))
                bounded = false;
        }
        if (bounded && digits >= minDigits && digits <= maxDigits) {
            QString replacement = t.mid(begin, e - begin);
            for (QChar &c : replacement) {
                if (isDigit(c))
                    c = QChar(kBullet);
            }
            spans.push_back({begin, e, replacement});
        }
        p = e;
    }
    return spans;
}

} // namespace

QString Redactor::mask(const QString &text)
{
    QString out = applySpans(text, findIbans(text));
    out = applySpans(out, findCards(out));
    return applySpans(out, findCodes(out));
}

} // namespace joxai
