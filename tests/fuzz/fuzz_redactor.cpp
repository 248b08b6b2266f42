// libFuzzer target: the Redactor, which masks card numbers, IBANs and codes before text is stored,
// logged or sent to a provider. Properties: masking is idempotent, and what comes out holds no
// card number the Redactor is documented to catch (a free-standing run of 13–19 digits that passes
// Luhn, not after '+', not glued to a word, not the decimals of an amount).
#include "server/assistant/redactor.h"

#include <cstdint>
#include <cstdio>

using namespace joxai;

namespace {

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool luhn(QStringView digits)
{
    int sum = 0;
    bool doubled = false;
    for (qsizetype p = digits.size() - 1; p >= 0; --p) {
        int d = digits[p].unicode() - u'0';
        if (doubled && (d *= 2) > 9)
            d -= 9;
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

// An unmasked card number left in `text`, by a definition written apart from the Redactor's.
bool holdsCardNumber(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isDigit(text[j]))
            ++j;
        const qsizetype length = j - i;
        const bool freeBefore = i == 0
                                || (!text[i - 1].isLetterOrNumber() && text[i - 1] != u'+'
                                    && !((text[i - 1] == u'.' || text[i - 1] == u',') && i >= 2
                                         && isDigit(text[i - 2])));
        const bool freeAfter = j == n || !text[j].isLetterOrNumber();
        if (length >= 13 && length <= 19 && text[i] != u'0' && freeBefore && freeAfter
            && luhn(QStringView(text).mid(i, length)))
            return true;
        i = j;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString once = Redactor::mask(text);
    const bool idempotent = Redactor::mask(once) == once;
    const bool masked = !holdsCardNumber(once);
    if (!idempotent || !masked) // say what came out: the crash file only holds what went in
        std::fprintf(stderr, "redactor %s:\n%s\n", idempotent ? "left a card number" : "is not idempotent",
                     once.toUtf8().constData());
    check(idempotent && masked);
    return 0;
}
