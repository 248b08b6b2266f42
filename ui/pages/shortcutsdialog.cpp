#include "ui/pages/shortcutsdialog.h"

#include "ui/pages/conversationspage.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace joxai::ui {

ShortcutsDialog::ShortcutsDialog(const QList<PageId> &pages, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<QPair<QKeySequence, QString>> rows;
    for (int i = 0; i < pages.size() && i < 9; ++i)
        rows.append({QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), tr("Go to %1").arg(Navigation::title(pages.at(i)))});
    if (pages.contains(PageId::Conversations))
        rows.append(ConversationsPage::shortcuts());
    rows.append({QKeySequence(Qt::CTRL | Qt::Key_F), tr("Search or filter on the current page")});
    rows.append({QKeySequence(Qt::Key_F5), tr("Refresh the current page")});
    rows.append({QKeySequence(Qt::Key_F1), tr("Show this list")});
    rows.append({QKeySequence(Qt::CTRL | Qt::Key_Slash), tr("Show this list")});
    rows.append({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q), tr("Sign out")});
    rows.append({QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit")});

    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first.toString(QKeySequence::NativeText)));
        table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    table->resizeColumnToContents(0);
    table->setColumnWidth(0, table->columnWidth(0) + 24);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(580, 620);
}

ShortcutsDialog::~ShortcutsDialog() = default;

} // namespace joxai::ui
