#pragma once
// One sidebar entry's page. Pages are plain widgets that ask ApiClient for their data; MainWindow
// activates a page when it is shown (the first time it loads, later it refreshes on request).

#include <QWidget>

namespace joxai::ui {

class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(QWidget *parent = nullptr) : QWidget(parent) {}

    // Called each time the page is shown; loads on the first call.
    void activate();
    // Loads everything again (F5).
    virtual void refresh() = 0;
    // Puts the keyboard focus in the page's search or filter field (Ctrl+F).
    virtual void focusSearch() {}

Q_SIGNALS:
    // A short message for the status bar.
    void statusMessage(const QString &text);

private:
    bool m_loaded = false;
};

} // namespace joxai::ui
