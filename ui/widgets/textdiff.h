#pragma once
// A line diff of two texts (longest common subsequence), as HTML for a QTextBrowser: removed
// lines on red with "−", added lines on green with "+", unchanged lines plain.

#include <QString>
#include <QStringList>

namespace joxai::ui {

class TextDiff final
{
public:
    enum class Kind { Same, Removed, Added };
    struct Line
    {
        Kind kind;
        QString text;
    };

    static QList<Line> lines(const QString &before, const QString &after);
    static QString html(const QString &before, const QString &after);
};

} // namespace joxai::ui
