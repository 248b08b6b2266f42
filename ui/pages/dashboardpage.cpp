#include "ui/pages/dashboardpage.h"

#include "ui/client/apiclient.h"
#include "ui/widgets/dashboardcharts.h"
#include "ui/widgets/kpitile.h"

#include <iterator>

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTime>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

namespace {
// Preset ranges, in days back from today (today included); 0 is "custom".
const int kPresetDays[] = {1, 7, 30, 90, 0};
constexpr int kDefaultPreset = 2; // the last 30 days, as the server's own default

// The server counts days in UTC: so does the range.
QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}
} // namespace

DashboardPage::DashboardPage(ApiClient &api, QWidget *parent)
    : Page(parent), m_api(api), m_preset(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_error(new QLabel(this)), m_updated(new QLabel(this)), m_charts(new DashboardCharts(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_preset->setObjectName(QStringLiteral("rangeCombo"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    m_error->setObjectName(QStringLiteral("dashboardError"));
    m_updated->setObjectName(QStringLiteral("updatedLabel"));
    m_preset->addItems({tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("Custom range")});
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setMaximumDate(todayUtc());
    }
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_updated->setStyleSheet(QStringLiteral("color: palette(dark);"));

    const QStringList captions{tr("Conversations"), tr("Escalation rate"), tr("Contained by the assistant"),
                               tr("First response"), tr("Resolution time"), tr("Satisfaction"), tr("Assistant cost")};
    const QStringList names{QStringLiteral("conversationsTile"), QStringLiteral("escalationTile"), QStringLiteral("containmentTile"),
                            QStringLiteral("firstResponseTile"), QStringLiteral("resolutionTile"), QStringLiteral("csatTile"),
                            QStringLiteral("aiCostTile")};
    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    for (int i = 0; i < TileCount; ++i) {
        auto *tile = new KpiTile(captions.at(i), this);
        tile->setObjectName(names.at(i));
        tile->setToolTip(i == Containment ? tr("Closed conversations the assistant handled alone, without a person.")
                         : i == FirstResponse ? tr("Average time from the escalation to the first answer of a person.")
                         : i == Resolution ? tr("Average time from the start of a conversation to its close.")
                                            : QString());
        m_tiles << tile;
        tiles->addWidget(tile, 0, i);
        tiles->setColumnStretch(i, 1);
    }

    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("<h2>Dashboard</h2>"), this));
    bar->addSpacing(16);
    bar->addWidget(m_preset);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    bar->addWidget(fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addStretch(1);
    bar->addWidget(m_updated);
    bar->addWidget(refreshButton);
    bar->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addLayout(tiles);
    layout->addWidget(m_charts, 1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &DashboardPage::applyPreset);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, [this] {
            if (m_settingRange)
                return;
            m_settingRange = true;
            m_preset->setCurrentIndex(int(std::size(kPresetDays)) - 1); // custom
            m_settingRange = false;
            refresh();
        });
    connect(exportButton, &QPushButton::clicked, this, &DashboardPage::exportCsv);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    // Sets the dates quietly: the figures load when the page is first shown.
    m_settingRange = true;
    m_preset->setCurrentIndex(kDefaultPreset);
    m_settingRange = false;
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::applyPreset(int index)
{
    const int days = index >= 0 && index < int(std::size(kPresetDays)) ? kPresetDays[index] : 0;
    if (days == 0)
        return; // custom: the dates stay as they are
    const bool quiet = m_settingRange;
    m_settingRange = true;
    m_to->setDate(todayUtc());
    m_from->setDate(todayUtc().addDays(1 - days));
    m_settingRange = quiet;
    if (!quiet)
        refresh();
}

void DashboardPage::setRange(const QDate &from, const QDate &to)
{
    m_settingRange = true;
    m_preset->setCurrentIndex(int(std::size(kPresetDays)) - 1);
    m_from->setDate(from);
    m_to->setDate(to);
    m_settingRange = false;
    refresh();
}

QDate DashboardPage::from() const
{
    return m_from->date();
}

QDate DashboardPage::to() const
{
    return m_to->date();
}

void DashboardPage::focusSearch()
{
    m_preset->setFocus();
}

void DashboardPage::refresh()
{
    if (from() > to()) {
        showError(tr("The start of the range is after its end."));
        return;
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), from().toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to().toString(Qt::ISODate)); // the server counts the whole last day
    const int generation = ++m_generation;
    m_loading = true;
    m_api.get(QStringLiteral("/api/v1/analytics/dashboard"), q, this, [this, generation](const ApiReply &r) {
        if (generation != m_generation)
            return; // a newer range was asked for meanwhile
        m_loading = false;
        if (!r.ok())
            return showError(r.error->message());
        showFigures(DashboardFigures::fromJson(r.object()));
    });
}

void DashboardPage::showFigures(const DashboardFigures &f)
{
    m_figures = f;
    m_hasFigures = true;
    m_error->hide();
    m_tiles.at(Conversations)->setValue(DashboardFigures::count(f.conversations),
                                        tr("%1 escalated · %2 waiting now")
                                            .arg(DashboardFigures::count(f.escalated), DashboardFigures::count(f.waiting)));
    m_tiles.at(EscalationRate)->setValue(DashboardFigures::percent(f.escalationRate),
                                         tr("%n handed to a person", nullptr, int(f.escalated)));
    m_tiles.at(Containment)->setValue(DashboardFigures::percent(f.containmentRate),
                                      tr("of %n closed", nullptr, int(f.closed)));
    m_tiles.at(FirstResponse)->setValue(DashboardFigures::duration(f.firstResponseSeconds), tr("after an escalation"));
    m_tiles.at(Resolution)->setValue(DashboardFigures::duration(f.resolutionSeconds), tr("start to close"));
    m_tiles.at(Satisfaction)->setValue(f.csatAverage ? tr("%1 / 5").arg(QLocale().toString(*f.csatAverage, 'f', 1)) : tr("–"),
                                       tr("%n rating(s)", nullptr, int(f.csatCount)));
    m_tiles.at(AiCost)->setValue(DashboardFigures::money(f.aiCostUsd),
                                 tr("%1 answers · %2 tokens")
                                     .arg(DashboardFigures::count(f.aiRequests), DashboardFigures::count(f.aiTokensIn + f.aiTokensOut)));
    m_charts->draw(f, from(), to());
    m_updated->setText(tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm"))));
    Q_EMIT loaded();
}

void DashboardPage::showError(const QString &text)
{
    m_loading = false;
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
    Q_EMIT loadFailed(text);
}

void DashboardPage::exportCsv()
{
    if (!m_hasFigures) {
        Q_EMIT statusMessage(tr("Nothing to export yet."));
        return;
    }
    const QString suggested = QDir::home().filePath(QStringLiteral("joxai-dashboard-%1-%2.csv")
                                                        .arg(from().toString(Qt::ISODate), to().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export dashboard"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export dashboard"), error);
    else
        Q_EMIT statusMessage(tr("Dashboard saved to %1.").arg(QDir::toNativeSeparators(path)));
}

QString DashboardPage::exportTo(const QString &path) const
{
    if (!m_hasFigures)
        return tr("Nothing to export yet.");
    const QByteArray csv = m_figures.toCsv();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return tr("The file %1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace joxai::ui
