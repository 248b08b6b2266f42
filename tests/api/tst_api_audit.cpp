// The audit log over HTTP against a real server: filters, the list envelope, the CSV export
// (formula cells neutralised) and who may read it.

#include "tests/api/adminapifixture.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace joxai;
using namespace joxai::test;

namespace {

// RFC 4180: quoted cells, "" for a quote inside, CRLF between rows.
QList<QStringList> parseCsv(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

} // namespace

class TestApiAudit : public AdminApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(setUpServer(&why), qPrintable(why));
    }

    void cleanupTestCase() { tearDownServer(); }

    void auditListFiltersByActionAndActor()
    {
        qint64 agentId = 0;
        QVERIFY(!m_http
                     ->createStaff(
                         m_admin, QStringLiteral("audited@bank.test"), QStringLiteral("agent"), &agentId)
                     .isEmpty());

        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?action=user.create&limit=200"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("total")).toInt() >= 1);
        bool sawAudited = false;
        for (const QJsonValue &v : r.items()) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(QStringLiteral("action")).toString(), QStringLiteral("user.create"));
            QCOMPARE(e.value(QStringLiteral("actor_id")).toInteger(), m_adminId);
            sawAudited
                = sawAudited || e.value(QStringLiteral("target_id")).toString() == QString::number(agentId);
        }
        QVERIFY(sawAudited);

        r = m_http->get(QStringLiteral("/api/v1/audit?actor=%1").arg(agentId), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.items().isEmpty());
        QStringList actions;
        for (const QJsonValue &v : r.items()) {
            QCOMPARE(v.toObject().value(QStringLiteral("actor_id")).toInteger(), agentId);
            QCOMPARE(v.toObject().value(QStringLiteral("actor_email")).toString(),
                QStringLiteral("audited@bank.test"));
            actions << v.toObject().value(QStringLiteral("action")).toString();
        }
        QVERIFY2(actions.contains(QStringLiteral("auth.password_changed")),
            qPrintable(actions.join(QLatin1Char(','))));

        r = m_http->get(QStringLiteral("/api/v1/audit?action=user.&actor=%1").arg(m_adminId), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.items().isEmpty());
        for (const QJsonValue &v : r.items())
            QVERIFY(
                v.toObject().value(QStringLiteral("action")).toString().startsWith(QLatin1String("user.")));

        QCOMPARE(m_http->put(QStringLiteral("/api/v1/settings/system"), { { QStringLiteral("retention_days"), 400 } },
                           m_admin).status,
            200);
        r = m_http->get(QStringLiteral("/api/v1/audit?target_type=settings"), m_admin);
        QVERIFY(!r.items().isEmpty());
        for (const QJsonValue &v : r.items())
            QCOMPARE(
                v.toObject().value(QStringLiteral("target_type")).toString(), QStringLiteral("settings"));

        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QVERIFY(auditTotal(QStringLiteral("from=") + today) > 0);
        QCOMPARE(auditTotal(QStringLiteral("from=2000-01-01&to=2000-01-02")), qint64(0));

        for (const QString &bad : { QStringLiteral("actor=abc"), QStringLiteral("actor=-3"),
                 QStringLiteral("from=yesterday"), QStringLiteral("limit=0"), QStringLiteral("offset=-1") }) {
            const HttpResult refused = m_http->get(QStringLiteral("/api/v1/audit?") + bad, m_admin);
            QVERIFY2(refused.status == 422, qPrintable(bad + QStringLiteral(" → ") + describe(refused)));
        }
    }

    void auditListUsesTheListEnvelope()
    {
        const qint64 total = auditTotal(QString());
        QVERIFY(total > 3);
        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?limit=2&offset=1"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("offset")).toInt(), 1);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), total);
        QCOMPARE(r.items().size(), 2);
        // Newest first, and offset 1 starts after the newest.
        const HttpResult top = m_http->get(QStringLiteral("/api/v1/audit?limit=3"), m_admin);
        QCOMPARE(top.items().at(1).toObject().value(QStringLiteral("id")),
            r.items().at(0).toObject().value(QStringLiteral("id")));
        QVERIFY(top.items().at(0).toObject().value(QStringLiteral("id")).toInteger()
            > top.items().at(1).toObject().value(QStringLiteral("id")).toInteger());
        r = m_http->get(QStringLiteral("/api/v1/audit?limit=5000"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("limit")).toInt(), 200);
        r = m_http->get(QStringLiteral("/api/v1/audit?skip=2&limit=1"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("offset")).toInt(), 2);
        QCOMPARE(r.items().at(0).toObject().value(QStringLiteral("id")),
            top.items().at(2).toObject().value(QStringLiteral("id")));
    }

    void auditExportIsCsvWithFormulaCellsNeutralised()
    {
        // A formula in a name lands inside the JSON details of the update…
        qint64 id = 0;
        QVERIFY(
            !m_http->createStaff(m_admin, QStringLiteral("formula@bank.test"), QStringLiteral("agent"), &id)
                 .isEmpty());
        const QString formulaName = QStringLiteral("=HYPERLINK(\"x\")");
        QCOMPARE(
            m_http->patch(usersPath(id), { { QStringLiteral("full_name"), formulaName } }, m_admin).status,
            200);
        // …and one typed as an e-mail at the sign-in form becomes a cell of its own (actor_email).
        const QStringList typed
            = { QStringLiteral("=hyperlink(\"http://evil.test\",\"x\")"), QStringLiteral("+1+2@evil.test"),
                  QStringLiteral("-1+2@evil.test"), QStringLiteral("@sum(a1)@evil.test") };
        for (const QString &email : typed)
            QCOMPARE(login(email, QStringLiteral("whatever-1")).status, 401);

        const HttpResult r = m_http->get(QStringLiteral("/api/v1/audit/export"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type").constData());
        QVERIFY(r.header("Content-Disposition").startsWith("attachment"));
        const QList<QStringList> rows = parseCsv(r.body);
        QVERIFY(rows.size() > 10);
        QCOMPARE(rows.first().join(QLatin1Char(',')),
            QStringLiteral(
                "id,created_at,actor_id,actor_email,action,target_type,target_id,client_address,details"));
        qint64 lastId = 0;
        bool sawUpdate = false;
        QStringList neutralised;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), 9);
            // Oldest first.
            QVERIFY(row.at(0).toLongLong() > lastId);
            lastId = row.at(0).toLongLong();
            for (const QString &cell : row)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.front()), qPrintable(cell));
            if (row.at(4) == QLatin1String("user.update") && row.at(6) == QString::number(id)) {
                sawUpdate = true;
                const QJsonObject details = QJsonDocument::fromJson(row.at(8).toUtf8()).object();
                QCOMPARE(details.value(QStringLiteral("full_name")).toString(), formulaName);
            }
            if (row.at(4) == QLatin1String("auth.login_failed") && row.at(3).startsWith(QLatin1Char('\'')))
                neutralised << row.at(3);
        }
        QVERIFY(sawUpdate);
        for (const QString &email : typed)
            QVERIFY2(neutralised.contains(QLatin1Char('\'') + email), qPrintable(email));
    }

    void theExportIsItselfAudited()
    {
        const qint64 before = auditTotal(QStringLiteral("action=audit.export"));
        QVERIFY(before >= 0);
        const HttpResult csv = m_http->get(QStringLiteral("/api/v1/audit/export?action=user."), m_admin);
        QCOMPARE(csv.status, 200);
        const QList<QStringList> rows = parseCsv(csv.body);
        QVERIFY(rows.size() > 1);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i).at(4).startsWith(QLatin1String("user.")));

        QCOMPARE(auditTotal(QStringLiteral("action=audit.export")), before + 1);
        const HttpResult audit
            = m_http->get(QStringLiteral("/api/v1/audit?action=audit.export&limit=1"), m_admin);
        const QJsonObject entry = audit.items().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("actor_id")).toInteger(), m_adminId);
        QCOMPARE(entry.value(QStringLiteral("details")).toObject().value(QStringLiteral("rows")).toInt(),
            int(rows.size() - 1));
    }

    void onlyAdminsReadTheAuditLog()
    {
        const QString supervisor = m_http->createStaff(
            m_admin, QStringLiteral("super-audit@bank.test"), QStringLiteral("supervisor"));
        QVERIFY(!supervisor.isEmpty());
        const qint64 exports = auditTotal(QStringLiteral("action=audit.export"));
        HttpResult r = m_http->get(QStringLiteral("/api/v1/audit"), supervisor);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("forbidden"));
        r = m_http->get(QStringLiteral("/api/v1/audit/export"), supervisor);
        QCOMPARE(r.status, 403);
        QVERIFY(!r.body.contains("actor_email"));
        QCOMPARE(auditTotal(QStringLiteral("action=audit.export")), exports);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/audit")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiAudit)
#include "tst_api_audit.moc"
