#include "ui/pages/knowledgeversionsdialog.h"

#include "ui/client/apiclient.h"
#include "ui/models/knowledgemodel.h"
#include "ui/models/pagedtablemodel.h"
#include "ui/widgets/textdiff.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace joxai::ui {

KnowledgeVersionsDialog::KnowledgeVersionsDialog(ApiClient &api, qint64 articleId, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_diff(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("versionsDialog"));
    setWindowTitle(tr("Versions of article #%1").arg(articleId));
    m_list->setObjectName(QStringLiteral("versionsList"));
    m_diff->setObjectName(QStringLiteral("diffBrowser"));
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setSizes({240, 560});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(840, 520);
    connect(m_list, &QListWidget::currentRowChanged, this, &KnowledgeVersionsDialog::showVersion);

    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    api.get(QStringLiteral("/api/v1/knowledge/%1/versions").arg(articleId), q, this, [this](const ApiReply &r) {
        if (!r.ok()) {
            m_diff->setPlainText(r.error->message());
            return;
        }
        m_versions = r.items();
        for (const QJsonValue &v : std::as_const(m_versions)) {
            const QJsonObject o = v.toObject();
            m_list->addItem(tr("Version %1 · %2\n%3 · by #%4")
                                .arg(QString::number(o.value(QStringLiteral("version")).toInteger()),
                                     KnowledgeModel::statusName(o.value(QStringLiteral("status")).toString()),
                                     formatTimestamp(o.value(QStringLiteral("created_at"))),
                                     QString::number(o.value(QStringLiteral("author_id")).toInteger())));
        }
        if (m_list->count() > 0)
            m_list->setCurrentRow(0);
    });
}

KnowledgeVersionsDialog::~KnowledgeVersionsDialog() = default;

int KnowledgeVersionsDialog::versionCount() const
{
    return int(m_versions.size());
}

QString KnowledgeVersionsDialog::diffHtml() const
{
    return m_diff->toHtml();
}

void KnowledgeVersionsDialog::showVersion(int row)
{
    if (row < 0 || row >= m_versions.size())
        return;
    const QJsonObject now = m_versions.at(row).toObject();
    // Newest first: the version before this one is the next row.
    const QJsonObject before = row + 1 < m_versions.size() ? m_versions.at(row + 1).toObject() : QJsonObject();
    const auto text = [](const QJsonObject &v) -> QString {
        if (v.isEmpty())
            return QString();
        return QStringLiteral("# ") + v.value(QStringLiteral("title")).toString() + QStringLiteral("\n\n")
            + v.value(QStringLiteral("content")).toString();
    };
    m_diff->setHtml(TextDiff::html(text(before), text(now)));
}

} // namespace joxai::ui
