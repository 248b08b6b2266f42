#include "server/assistant/textnormaliser.h"

#include <array>

namespace joxai {

namespace {

// Folded form of every code point below kTableSize, computed once (thread-safe static init).
constexpr char16_t kTableSize = 0x250;

const std::array<char16_t, kTableSize> &foldTable()
{
    static const std::array<char16_t, kTableSize> table = [] {
        std::array<char16_t, kTableSize> t{};
        for (char16_t c = 0; c < kTableSize; ++c) {
            QChar ch = QChar(c).toLower();
            if (c >= 0xC0 && ch.decompositionTag() == QChar::Canonical) {
                const QString decomposed = ch.decomposition();
                if (!decomposed.isEmpty())
                    ch = decomposed.at(0);
            }
            t[c] = ch.unicode();
        }
        t[0xA0] = u' '; // no-break space
        return t;
    }();
    return table;
}

QChar foldChar(QChar c, const std::array<char16_t, kTableSize> &table)
{
    const char16_t u = c.unicode();
    if (u < kTableSize)
        return QChar(table[u]);
    switch (u) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x02BC: // ʼ
        return QChar(u'\'');
    case 0x202F: // narrow no-break space
    case 0x2007: // figure space
        return QChar(u' ');
    default:
        return c.toLower();
    }
}

} // namespace

QString TextNormaliser::fold(QStringView text)
{
    const auto &table = foldTable();
    QString out(text.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < text.size(); ++i)
        dst[i] = foldChar(text[i], table);
    return out;
}

QString TextNormaliser::words(QStringView text)
{
    const auto &table = foldTable();
    QString out;
    out.reserve(text.size() + 2);
    out.append(QLatin1Char(' '));
    for (const QChar c : text) {
        const QChar f = foldChar(c, table);
        if (f.isLetterOrNumber())
            out.append(f);
        else if (out.back() != QLatin1Char(' '))
            out.append(QLatin1Char(' '));
    }
    if (out.back() != QLatin1Char(' '))
        out.append(QLatin1Char(' '));
    return out;
}

bool TextNormaliser::contains(QStringView words, QStringView phrase)
{
    return words.indexOf(phrase) >= 0;
}

QString TextNormaliser::questionKey(QStringView question)
{
    QString key = question.toString().toLower().simplified();
    qsizetype end = key.size();
    while (end > 0) {
        const QChar c = key.at(end - 1);
        if (c.isPunct() || c.isSpace())
            --end;
        else
            break;
    }
    key.truncate(end);
    return key;
}

} // namespace joxai
