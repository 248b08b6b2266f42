#pragma once
// A short plain-text excerpt of a Markdown knowledge article, for the local provider's answers.
//
// Headings, rules, tables, code fences and HTML tags are dropped; emphasis markers and code ticks
// are removed; links keep their text; list items become "• item" lines. The excerpt is made of
// whole sentences (or whole list items), in article order, at most `maxChars` characters. It
// starts at the article's beginning, unless a later paragraph or list shares clearly more words
// with the question; a list is then introduced by the paragraph just before it. A first sentence
// longer than the limit is cut at a word and ends with "…". Pure function: safe on any thread.

#include <QString>

namespace joxai {

class ArticleExcerpt
{
public:
    static constexpr int kDefaultMaxChars = 600;

    static QString make(const QString &markdown, const QString &question = QString(),
                        int maxChars = kDefaultMaxChars);
};

} // namespace joxai
