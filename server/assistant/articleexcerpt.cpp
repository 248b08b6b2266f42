#include "server/assistant/articleexcerpt.h"

#include "server/assistant/textnormaliser.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QVarLengthArray>

namespace joxai {

namespace {

struct Block
{
    bool listItem = false;
    QString text; // plain text, one line
};

bool isRule(QStringView line)
{
    // "---", "***", "___", "===" (also setext underlines), with optional spaces
    QChar marker;
    int count = 0;
    for (const QChar c : line) {
        if (c == u' ')
            continue;
        if (c != u'-' && c != u'*' && c != u'_' && c != u'=')
            return false;
        if (!marker.isNull() && c != marker)
            return false;
        marker = c;
        ++count;
    }
    return count >= 3;
}

// "- item", "* item", "+ item", "1. item", "2) item" → the item's text; null when not a list item.
QStringView listItemText(QStringView line)
{
    if (line.size() >= 2 && (line[0] == u'-' || line[0] == u'*' || line[0] == u'+') && line[1] == u' ')
        return line.mid(2).trimmed();
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i].isDigit())
        ++i;
    if (i > 0 && i + 1 < line.size() && (line[i] == u'.' || line[i] == u')') && line[i + 1] == u' ')
        return line.mid(i + 2).trimmed();
    return {};
}

// Inline Markdown → plain text: emphasis, code ticks, links, images, autolinks, HTML tags, escapes.
QString plainInline(QStringView s)
{
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s[i];
        if (c == u'\\' && i + 1 < n && s[i + 1].isPunct()) {
            out.append(s[++i]);
            continue;
        }
        if (c == u'*' || c == u'`')
            continue;
        if (c == u'_') {
            // emphasis only at a word edge; snake_case stays
            const bool before = i > 0 && s[i - 1].isLetterOrNumber();
            const bool after = i + 1 < n && s[i + 1].isLetterOrNumber();
            if (!(before && after))
                continue;
        }
        if ((c == u'[' || (c == u'!' && i + 1 < n && s[i + 1] == u'['))) {
            const qsizetype open = c == u'!' ? i + 1 : i;
            const qsizetype close = s.indexOf(u']', open + 1);
            if (close > 0 && close + 1 < n && s[close + 1] == u'(') {
                const qsizetype end = s.indexOf(u')', close + 2);
                if (end > 0) {
                    if (c == u'[')
                        out.append(plainInline(s.mid(open + 1, close - open - 1)));
                    i = end;
                    continue;
                }
            }
        }
        if (c == u'<') {
            const qsizetype end = s.indexOf(u'>', i + 1);
            if (end > i + 1) {
                const QStringView inside = s.mid(i + 1, end - i - 1);
                if (inside.startsWith(u"http") || (inside.contains(u'@') && !inside.contains(u' '))) {
                    out.append(inside); // an autolink
                    i = end;
                    continue;
                }
                if (inside[0].isLetter() || inside[0] == u'/') {
                    i = end; // an HTML tag
                    continue;
                }
            }
        }
        out.append(c);
    }
    return out.simplified();
}

QList<Block> blocksOf(const QString &markdown)
{
    QList<Block> blocks;
    QString paragraph;
    bool inFence = false;
    auto flush = [&]() {
        const QString text = plainInline(paragraph);
        if (!text.isEmpty())
            blocks.append({false, text});
        paragraph.clear();
    };
    for (const QStringView raw : QStringView(markdown).split(u'\n')) {
        QStringView line = raw.trimmed();
        if (line.startsWith(u"```") || line.startsWith(u"~~~")) {
            flush();
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        while (line.startsWith(u'>'))
            line = line.mid(1).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u'|') || isRule(line)) {
            if (!paragraph.isEmpty() && isRule(line) && line.front() == u'=') {
                paragraph.clear(); // a setext heading's text
                continue;
            }
            flush();
            continue;
        }
        const QStringView item = listItemText(line);
        if (!item.isNull()) {
            flush();
            const QString text = plainInline(item);
            if (!text.isEmpty())
                blocks.append({true, text});
            continue;
        }
        if (!paragraph.isEmpty())
            paragraph.append(QLatin1Char(' '));
        paragraph.append(line);
    }
    flush();
    return blocks;
}

bool isUpperStart(QChar c)
{
    return c.isUpper() || c.isDigit() || c == u'"' || c == u'«' || c == u'“' || c == u'(';
}

// Sentences of one paragraph: a break after . ! ? … when a capital (or digit, quote) follows.
QStringList sentencesOf(const QString &text)
{
    QStringList sentences;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c != u'.' && c != u'!' && c != u'?' && c != u'…')
            continue;
        qsizetype j = i + 1;
        while (j < n && (text[j] == u'.' || text[j] == u'!' || text[j] == u'?' || text[j] == u')'
                         || text[j] == u'"' || text[j] == u'»' || text[j] == u'”'))
            ++j;
        if (j == n) {
            i = j - 1;
            break;
        }
        if (text[j] != u' ' || j + 1 >= n || !isUpperStart(text[j + 1]))
            continue;
        sentences.append(text.mid(start, j - start).trimmed());
        start = j + 1;
        i = j;
    }
    if (start < n)
        sentences.append(text.mid(start).trimmed());
    sentences.removeAll(QString());
    return sentences;
}

// A crude stem, enough to meet "limits" with "limit" and "transfers" with "transferring": words of
// four letters or more, a final s dropped, cut to six letters. Shorter words give an empty view.
QStringView stemOf(QStringView word)
{
    if (word.size() < 4)
        return {};
    const QStringView stem = word.endsWith(u's') ? word.chopped(1) : word;
    return stem.left(6);
}

// The question's stems, as views into `folded` (which must outlive the set).
QSet<QStringView> stemsOf(const QString &folded)
{
    QSet<QStringView> stems;
    for (const QStringView word : QStringView(folded).split(u' ', Qt::SkipEmptyParts)) {
        const QStringView stem = stemOf(word);
        if (!stem.isEmpty())
            stems.insert(stem);
    }
    return stems;
}

// How many distinct question stems the text holds.
int overlap(const QSet<QStringView> &questionStems, const QString &text)
{
    const QString folded = TextNormaliser::words(text);
    QVarLengthArray<QStringView, 16> seen;
    for (const QStringView word : QStringView(folded).split(u' ', Qt::SkipEmptyParts)) {
        const QStringView stem = stemOf(word);
        if (!stem.isEmpty() && questionStems.contains(stem) && !seen.contains(stem))
            seen.append(stem);
    }
    return int(seen.size());
}

// Where the excerpt starts: the first block, or a later one that matches the question clearly
// better (a list item is introduced by the paragraph before its list).
qsizetype startBlock(const QList<Block> &blocks, const QString &question)
{
    const QString folded = TextNormaliser::words(question);
    const QSet<QStringView> words = stemsOf(folded);
    if (words.isEmpty() || blocks.size() < 2)
        return 0;
    qsizetype best = 0;
    int bestScore = overlap(words, blocks.front().text);
    for (qsizetype i = 1; i < blocks.size(); ++i) {
        const int score = overlap(words, blocks.at(i).text);
        if (score > bestScore + 1 || (score > bestScore && bestScore == 0)) {
            best = i;
            bestScore = score;
        }
    }
    if (best > 0 && blocks.at(best).listItem) {
        qsizetype first = best;
        while (first > 0 && blocks.at(first - 1).listItem)
            --first;
        best = first > 0 ? first - 1 : 0;
    }
    return best;
}

QString cutAtWord(const QString &text, int maxChars)
{
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), maxChars - 1);
    if (cut <= maxChars / 2)
        cut = maxChars - 1;
    return text.left(cut).trimmed() + QChar(u'…');
}

} // namespace

QString ArticleExcerpt::make(const QString &markdown, const QString &question, int maxChars)
{
    const QList<Block> blocks = blocksOf(markdown);
    if (blocks.isEmpty() || maxChars <= 1)
        return {};

    QString out;
    bool full = false;
    bool afterListItem = false;
    for (qsizetype b = startBlock(blocks, question); b < blocks.size() && !full; ++b) {
        const Block &block = blocks.at(b);
        const QString separator = out.isEmpty()                       ? QString()
                                  : (block.listItem && afterListItem) ? QStringLiteral("\n")
                                                                      : QStringLiteral("\n\n");
        afterListItem = block.listItem;
        if (block.listItem) {
            const QString line = QStringLiteral("• ") + block.text;
            if (out.size() + separator.size() + line.size() > maxChars) {
                if (out.isEmpty())
                    out = cutAtWord(line, maxChars);
                full = true;
                break;
            }
            out += separator + line;
            continue;
        }
        const QStringList sentences = sentencesOf(block.text);
        QString paragraph;
        for (const QString &sentence : sentences) {
            const QString joint = paragraph.isEmpty() ? separator : QStringLiteral(" ");
            if (out.size() + paragraph.size() + joint.size() + sentence.size() > maxChars) {
                if (out.isEmpty() && paragraph.isEmpty())
                    paragraph = cutAtWord(sentence, maxChars);
                full = true;
                break;
            }
            paragraph += joint + sentence;
        }
        out += paragraph;
    }
    // A list's lead-in without any of its items says nothing ("Here is how:"): drop it.
    if (out.endsWith(QLatin1Char(':'))) {
        const qsizetype cut = out.lastIndexOf(QStringLiteral("\n\n"));
        if (cut > 0)
            out.truncate(cut);
    }
    return out.trimmed();
}

} // namespace joxai
