#pragma once
// The first start of the console: is this computer the server, or does it connect to one?

#include <QDialog>

namespace joxai::ui {

class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    enum class Choice { None, ThisComputer, RemoteServer };

    explicit FirstRunDialog(QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::None;
};

} // namespace joxai::ui
