#include "ui/widgets/textdiff.h"

#include <vector>

namespace joxai::ui {

QList<TextDiff::Line> TextDiff::lines(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // lcs[i][j]: length of the common subsequence of a[i..] and b[j..]. Articles are at most
    // 20,000 characters, a few hundred lines: the table stays small.
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a.at(i) == b.at(j) ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                           : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QList<Line> out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a.at(i) == b.at(j)) {
            out.append({Kind::Same, a.at(i)});
            ++i;
            ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            out.append({Kind::Removed, a.at(i++)});
        } else {
            out.append({Kind::Added, b.at(j++)});
        }
    }
    while (i < n)
        out.append({Kind::Removed, a.at(i++)});
    while (j < m)
        out.append({Kind::Added, b.at(j++)});
    return out;
}

QString TextDiff::html(const QString &before, const QString &after)
{
    QString out = QStringLiteral("<pre style=\"white-space: pre-wrap; font-family: monospace;\">");
    const QList<Line> diff = lines(before, after);
    for (const Line &l : diff) {
        const QString text = l.text.toHtmlEscaped();
        switch (l.kind) {
        case Kind::Same: out += QStringLiteral("  ") + text + QLatin1Char('\n'); break;
        case Kind::Removed:
            out += QStringLiteral("<span style=\"background:#fce8e6;color:#a50e0e;\">− ") + text + QStringLiteral("</span>\n");
            break;
        case Kind::Added:
            out += QStringLiteral("<span style=\"background:#e6f4ea;color:#0d652d;\">+ ") + text + QStringLiteral("</span>\n");
            break;
        }
    }
    return out + QStringLiteral("</pre>");
}

} // namespace joxai::ui
