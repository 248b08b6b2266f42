#include "ui/widgets/cannedcompleter.h"

#include "ui/client/cannedresponses.h"

#include <algorithm>

#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTextBlock>

namespace joxai::ui {

namespace {
constexpr int kTriggerRole = Qt::UserRole + 1;

// Where the "/word" before `cursor` starts in its block, or -1.
int shortcutStart(const QTextCursor &cursor)
{
    const QString text = cursor.block().text().left(cursor.positionInBlock());
    int i = int(text.size());
    while (i > 0 && !text.at(i - 1).isSpace() && text.at(i - 1) != QLatin1Char('/'))
        --i;
    if (i == 0 || text.at(i - 1) != QLatin1Char('/'))
        return -1;
    // The slash starts a word ("and/or" is no shortcut).
    if (i >= 2 && !text.at(i - 2).isSpace())
        return -1;
    return i - 1;
}
} // namespace

CannedCompleter::CannedCompleter(QPlainTextEdit *edit, CannedResponses &responses, QObject *parent)
    : QObject(parent), m_edit(edit), m_responses(responses)
{
    m_edit->installEventFilter(this);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &CannedCompleter::updateList);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (isListVisible() && typedShortcut().isEmpty())
            hideList();
    });
    connect(&m_responses, &CannedResponses::loaded, this, &CannedCompleter::updateList);
}

CannedCompleter::~CannedCompleter()
{
    delete m_list.data();
}

QString CannedCompleter::typedShortcut() const
{
    const QTextCursor cursor = m_edit->textCursor();
    const int start = shortcutStart(cursor);
    if (start < 0)
        return {};
    return cursor.block().text().mid(start, cursor.positionInBlock() - start);
}

bool CannedCompleter::expand(const QString &shortcut)
{
    const std::optional<CannedResponse> response = m_responses.byShortcut(shortcut);
    if (!response)
        return false;
    QTextCursor cursor = m_edit->textCursor();
    const int start = shortcutStart(cursor);
    if (start >= 0)
        cursor.setPosition(cursor.block().position() + start, QTextCursor::KeepAnchor);
    cursor.insertText(response->content);
    m_edit->setTextCursor(cursor);
    hideList();
    Q_EMIT expanded(response->trigger());
    return true;
}

QStringList CannedCompleter::suggestions() const
{
    QStringList out;
    if (m_list)
        for (int i = 0; i < m_list->count(); ++i)
            out << m_list->item(i)->data(kTriggerRole).toString();
    return out;
}

bool CannedCompleter::isListVisible() const
{
    return m_list && m_list->isVisible();
}

void CannedCompleter::hideList()
{
    if (m_list)
        m_list->hide();
}

QString CannedCompleter::currentTrigger() const
{
    return m_list && m_list->currentItem() ? m_list->currentItem()->data(kTriggerRole).toString() : QString();
}

void CannedCompleter::updateList()
{
    const QString typed = typedShortcut();
    if (typed.isEmpty() || !m_edit->isVisible() || m_edit->isReadOnly()) {
        hideList();
        return;
    }
    const QString key = CannedResponses::normalized(typed);
    QList<const CannedResponse *> matches;
    for (const CannedResponse &c : m_responses.all())
        if (!c.trigger().isEmpty()
            && (CannedResponses::normalized(c.shortcut).startsWith(key) || (!key.isEmpty() && c.title.contains(key, Qt::CaseInsensitive))))
            matches << &c;
    if (matches.isEmpty()) {
        hideList();
        return;
    }
    std::sort(matches.begin(), matches.end(),
              [](const CannedResponse *a, const CannedResponse *b) { return a->trigger() < b->trigger(); });
    QWidget *window = m_edit->window();
    if (!m_list) {
        m_list = new QListWidget(window);
        m_list->setObjectName(QStringLiteral("cannedList"));
        m_list->setFocusPolicy(Qt::NoFocus); // the text keeps the keyboard
        m_list->setStyleSheet(QStringLiteral("QListWidget { border: 1px solid palette(mid); background: palette(base); }"));
        connect(m_list, &QListWidget::itemClicked, this,
                [this](QListWidgetItem *item) { expand(item->data(kTriggerRole).toString()); });
    }
    const QString keep = currentTrigger();
    m_list->clear();
    for (const CannedResponse *c : std::as_const(matches)) {
        auto *item = new QListWidgetItem(tr("%1  —  %2").arg(c->trigger(), c->title), m_list);
        item->setData(kTriggerRole, c->trigger());
        item->setToolTip(c->content.left(300));
        if (c->trigger() == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem())
        m_list->setCurrentRow(0);
    // Just above the line being written (below it when there is no room above).
    const int rows = std::min(6, int(matches.size()));
    const int height = rows * (m_list->sizeHintForRow(0) + 2) + 6;
    const int width = std::min(std::max(320, m_list->sizeHintForColumn(0) + 30), m_edit->width());
    const QRect cursor = m_edit->cursorRect();
    QPoint at = m_edit->viewport()->mapTo(window, QPoint(cursor.left(), cursor.top() - height - 4));
    if (at.y() < 0)
        at = m_edit->viewport()->mapTo(window, QPoint(cursor.left(), cursor.bottom() + 4));
    at.setX(std::min(at.x(), window->width() - width));
    m_list->setGeometry(QRect(at, QSize(width, height)));
    m_list->show();
    m_list->raise();
}

void CannedCompleter::showPicker()
{
    if (!m_edit->isEnabled() || m_edit->isReadOnly())
        return;
    m_edit->setFocus();
    if (typedShortcut().isEmpty()) {
        const QTextCursor cursor = m_edit->textCursor();
        const QString before = cursor.block().text().left(cursor.positionInBlock());
        m_edit->insertPlainText(before.isEmpty() || before.back().isSpace() ? QStringLiteral("/") : QStringLiteral(" /"));
    }
    updateList();
}

bool CannedCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut) {
        hideList();
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    if (key->key() == Qt::Key_K && mods == Qt::ControlModifier) {
        showPicker();
        return true;
    }
    if (mods != Qt::NoModifier)
        return false; // Ctrl+Enter still sends
    if (key->key() == Qt::Key_Tab) {
        // An exact shortcut wins; else the suggestion chosen in the list.
        if (expand(typedShortcut()))
            return true;
        return isListVisible() && expand(currentTrigger());
    }
    if (!isListVisible())
        return false;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        expand(currentTrigger());
        return true;
    case Qt::Key_Escape:
        hideList();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int row = m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1);
        m_list->setCurrentRow(std::clamp(row, 0, m_list->count() - 1));
        return true;
    }
    default:
        return false;
    }
}

} // namespace joxai::ui
