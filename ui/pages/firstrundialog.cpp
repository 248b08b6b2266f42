#include "ui/pages/firstrundialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace joxai::ui {

FirstRunDialog::FirstRunDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to JoxAI"));
    auto *intro = new QLabel(tr("<h2>Welcome to JoxAI</h2><p>How will this computer be used? You can change "
                                "this later with <b>--embedded-server</b> or <b>--server</b>.</p>"), this);
    intro->setWordWrap(true);
    auto *local = new QCommandLinkButton(tr("This computer is the server"),
                                         tr("For a small branch: the console also runs the JoxAI server here, "
                                            "with its data in this computer's user folder."), this);
    local->setObjectName(QStringLiteral("thisComputerButton"));
    auto *remote = new QCommandLinkButton(tr("Connect to a server"),
                                          tr("The bank runs a JoxAI server; you will enter its address when you "
                                             "sign in."), this);
    remote->setObjectName(QStringLiteral("remoteServerButton"));
    connect(local, &QPushButton::clicked, this, [this] {
        m_choice = Choice::ThisComputer;
        accept();
    });
    connect(remote, &QPushButton::clicked, this, [this] {
        m_choice = Choice::RemoteServer;
        accept();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(local);
    layout->addWidget(remote);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

FirstRunDialog::~FirstRunDialog() = default;

} // namespace joxai::ui
