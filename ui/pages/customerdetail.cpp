#include "ui/pages/customerdetail.h"

#include "ui/client/apiclient.h"
#include "ui/models/conversationlistmodel.h"
#include "ui/models/pagedtablemodel.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

CustomerDetail::CustomerDetail(ApiClient &api, QWidget *parent)
    : QWidget(parent), m_api(api), m_title(new QLabel(this)), m_profile(new QLabel(this)), m_hold(new QLabel(this)),
      m_error(new QLabel(this)), m_conversations(new QTableWidget(0, 4, this)),
      m_export(new QPushButton(tr("E&xport data…"), this)), m_erase(new QPushButton(tr("E&rase personal data…"), this)),
      m_holdButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("customerDetail"));
    m_title->setObjectName(QStringLiteral("customerTitle"));
    m_profile->setObjectName(QStringLiteral("customerProfile"));
    m_hold->setObjectName(QStringLiteral("legalHoldLabel"));
    m_error->setObjectName(QStringLiteral("customerError"));
    m_conversations->setObjectName(QStringLiteral("customerConversations"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_erase->setObjectName(QStringLiteral("eraseButton"));
    m_holdButton->setObjectName(QStringLiteral("legalHoldButton"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextFormat(Qt::PlainText);
    m_profile->setTextFormat(Qt::PlainText);
    m_profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hold->setTextFormat(Qt::PlainText);
    m_hold->setWordWrap(true);
    m_hold->setStyleSheet(QStringLiteral("background: #fff4d6; color: #6b4500; padding: 6px; border-radius: 4px;"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_conversations->setHorizontalHeaderLabels({tr("Started"), tr("Status"), tr("Language"), tr("Rating")});
    m_conversations->verticalHeader()->hide();
    m_conversations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conversations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conversations->horizontalHeader()->setStretchLastSection(true);
    m_conversations->setColumnWidth(0, 140);
    m_conversations->setColumnWidth(1, 170);
    m_conversations->setToolTip(tr("Double-click a conversation to open it."));
    m_erase->setStyleSheet(QStringLiteral("color: #b3261e;"));
    // Export, erasure and legal hold are for administrators (shared/API.md "customers").
    for (QPushButton *b : {m_export, m_erase, m_holdButton})
        b->setVisible(api.user().isAdmin());

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_export);
    actions->addWidget(m_holdButton);
    actions->addStretch(1);
    actions->addWidget(m_erase);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_profile);
    layout->addWidget(m_hold);
    layout->addWidget(m_error);
    layout->addLayout(actions);
    layout->addWidget(new QLabel(tr("<b>Conversations</b>"), this));
    layout->addWidget(m_conversations, 1);

    connect(m_export, &QPushButton::clicked, this, &CustomerDetail::exportJson);
    connect(m_erase, &QPushButton::clicked, this, &CustomerDetail::erase);
    connect(m_holdButton, &QPushButton::clicked, this, &CustomerDetail::toggleLegalHold);
    connect(m_conversations, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        const QString id = m_conversations->item(row, 0)->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT openConversation(id);
    });
    open(0);
}

CustomerDetail::~CustomerDetail() = default;

QString CustomerDetail::path(const QString &sub) const
{
    return QStringLiteral("/api/v1/customers/%1").arg(m_id) + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
}

int CustomerDetail::conversationCount() const
{
    return m_conversations->rowCount();
}

QString CustomerDetail::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CustomerDetail::open(qint64 customerId)
{
    m_id = customerId;
    m_customer = {};
    m_error->hide();
    m_hold->hide();
    m_conversations->setRowCount(0);
    setEnabled(customerId > 0);
    if (customerId <= 0) {
        m_title->setText(tr("No customer open"));
        m_profile->setText(tr("Search for a customer by name, e-mail, phone or bank reference."));
        m_holdButton->setText(tr("Place on &legal hold…"));
        return;
    }
    reload();
}

void CustomerDetail::reload()
{
    if (m_id <= 0)
        return;
    const int generation = ++m_generation;
    m_api.get(path(), {}, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return;
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        showCustomer(r.object());
        loadConversations();
    });
}

void CustomerDetail::showCustomer(const QJsonObject &c)
{
    m_customer = c;
    const bool erased = !c.value(QStringLiteral("anonymized_at")).isNull();
    m_title->setText(c.value(QStringLiteral("name")).toString());
    QStringList lines;
    const auto add = [&lines, &c](const QString &label, const char *key) {
        const QString v = c.value(QLatin1String(key)).toString();
        lines << tr("%1: %2").arg(label, v.isEmpty() ? tr("–") : v);
    };
    add(tr("E-mail"), "email");
    add(tr("Phone"), "phone");
    add(tr("Bank reference"), "external_ref");
    lines << tr("Customer since %1").arg(formatTimestamp(c.value(QStringLiteral("created_at"))));
    if (erased)
        lines << tr("Personal data erased on %1.").arg(formatTimestamp(c.value(QStringLiteral("anonymized_at"))));
    m_profile->setText(lines.join(QLatin1Char('\n')));
    const bool hold = c.value(QStringLiteral("legal_hold")).toBool();
    m_hold->setText(tr("On legal hold: %1. Their data is kept and cannot be erased until the hold is lifted.")
                        .arg(c.value(QStringLiteral("legal_hold_reason")).toString()));
    m_hold->setVisible(hold);
    m_holdButton->setText(hold ? tr("Lift &legal hold") : tr("Place on &legal hold…"));
    m_erase->setEnabled(!erased);
}

void CustomerDetail::loadConversations()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    const qint64 id = m_id;
    m_api.get(path(QStringLiteral("conversations")), q, this, [this, id](const ApiReply &r) {
        if (id != m_id)
            return;
        if (!r.ok())
            return showError(r.error->message());
        const QJsonArray items = r.items();
        m_conversations->setRowCount(int(items.size()));
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject c = items.at(i).toObject();
            auto *started = new QTableWidgetItem(formatTimestamp(c.value(QStringLiteral("created_at"))));
            started->setData(Qt::UserRole, c.value(QStringLiteral("conversation_id")).toString());
            m_conversations->setItem(i, 0, started);
            m_conversations->setItem(i, 1, new QTableWidgetItem(ConversationListModel::statusName(c.value(QStringLiteral("status")).toString())));
            m_conversations->setItem(i, 2, new QTableWidgetItem(c.value(QStringLiteral("language")).toString()));
            const QJsonValue rating = c.value(QStringLiteral("rating"));
            m_conversations->setItem(i, 3, new QTableWidgetItem(rating.isNull() ? QString() : tr("%1 / 5").arg(rating.toInt())));
        }
    });
}

void CustomerDetail::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
}

void CustomerDetail::exportJson()
{
    if (m_id <= 0)
        return;
    const QString suggested = QDir::home().filePath(QStringLiteral("customer-%1.json").arg(m_id));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export customer data"), suggested, tr("JSON files (*.json)"));
    if (file.isEmpty())
        return;
    exportTo(file, [this, file](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export customer data"), error);
        else
            Q_EMIT statusMessage(tr("Customer data saved to %1.").arg(QDir::toNativeSeparators(file)));
    });
}

void CustomerDetail::exportTo(const QString &file, const std::function<void(const QString &)> &done)
{
    if (m_id <= 0)
        return done(tr("No customer open."));
    m_api.get(path(QStringLiteral("export")), {}, this, [file, done](const ApiReply &r) {
        if (!r.ok())
            return done(r.error->message());
        // Saved as the server sent it, indented for a person to read.
        const QByteArray body = QJsonDocument(r.object()).toJson(QJsonDocument::Indented);
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(body) != body.size() || !out.commit())
            return done(tr("The file %1 cannot be written: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        done(QString());
    });
}

void CustomerDetail::erase()
{
    if (m_id <= 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Erase personal data"),
                                tr("Erase the personal data of %1? Their name, e-mail, phone and what they wrote are "
                                   "replaced for good; statistics and the audit log stay. This cannot be undone.")
                                    .arg(m_customer.value(QStringLiteral("name")).toString()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("eraseConfirm"));
    box->button(QMessageBox::Yes)->setText(tr("&Erase"));
    box->button(QMessageBox::Yes)->setObjectName(QStringLiteral("eraseYes"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_id;
    connect(box, &QMessageBox::finished, this, [this, box, id](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes) && id == m_id)
            eraseConfirmed();
    });
    box->open();
}

void CustomerDetail::eraseConfirmed()
{
    if (m_id <= 0)
        return;
    m_api.remove(path(), this, [this](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message()); // on legal hold: the server's sentence
        m_error->hide();
        showCustomer(r.object());
        loadConversations();
        Q_EMIT customerChanged(r.object());
        Q_EMIT statusMessage(tr("The customer's personal data has been erased."));
    });
}

void CustomerDetail::toggleLegalHold()
{
    if (m_id <= 0)
        return;
    if (m_customer.value(QStringLiteral("legal_hold")).toBool())
        return setLegalHold(false, QString());
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("legalHoldDialog"));
    dialog->setWindowTitle(tr("Place on legal hold"));
    dialog->setLabelText(tr("Why is this customer's data held (case, authority)?"));
    dialog->setOkButtonText(tr("Place on &hold"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &reason) {
        if (!reason.trimmed().isEmpty())
            setLegalHold(true, reason.trimmed());
        else
            showError(tr("A legal hold needs a reason."));
    });
    dialog->open();
}

void CustomerDetail::setLegalHold(bool on, const QString &reason)
{
    QJsonObject body{{QStringLiteral("on"), on}};
    if (on)
        body.insert(QStringLiteral("reason"), reason);
    m_api.put(path(QStringLiteral("legal-hold")), body, this, [this, on](const ApiReply &r) {
        if (!r.ok())
            return showError(r.error->message());
        m_error->hide();
        showCustomer(r.object());
        Q_EMIT customerChanged(r.object());
        Q_EMIT statusMessage(on ? tr("The customer is on legal hold.") : tr("The legal hold is lifted."));
    });
}

} // namespace joxai::ui
