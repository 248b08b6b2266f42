#include "tests/api/adminapifixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace joxai::test {

bool AdminApiFixture::setUpServer(QString *why)
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->started()) {
        *why = m_server->startError();
        return false;
    }
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    m_admin = m_http->adminToken();
    const HttpResult me = m_http->get(QStringLiteral("/api/v1/auth/me"), m_admin);
    m_adminId = me.json().value(QStringLiteral("id")).toInteger();
    if (m_admin.isEmpty() || me.status != 200 || m_adminId <= 0) {
        *why = QStringLiteral("the admin cannot sign in: ") + describe(me);
        return false;
    }
    return true;
}

void AdminApiFixture::tearDownServer()
{
    m_http.reset();
    m_server.reset();
}

QString AdminApiFixture::describe(const HttpResult &r)
{
    return QStringLiteral("%1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(500)));
}

qint64 m_adminId = 0;

QString AdminApiFixture::usersPath(qint64 id, const QString &tail) const
{
    return QStringLiteral("/api/v1/users/%1").arg(id) + tail;
}

HttpResult AdminApiFixture::login(const QString &email, const QString &password)
{
    return m_http->post(QStringLiteral("/api/v1/auth/login"),
        { { QStringLiteral("email"), email }, { QStringLiteral("password"), password } });
}

QStringList AdminApiFixture::rawRows(const QString &sql, QString *error)
{
    const DatabaseTarget &t = m_server->database().target();
    const QString name
        = QStringLiteral("tst-api-admin-raw-") + QUuid::createUuid().toString(QUuid::Id128);
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            t.isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (t.isPostgres()) {
            db.setHostName(t.host);
            db.setPort(t.port);
            db.setUserName(t.user);
            db.setPassword(t.password);
            db.setDatabaseName(t.name);
        } else {
            db.setDatabaseName(t.sqlitePath);
        }
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                if (error)
                    *error = q.lastError().text();
            } else {
                while (q.next()) {
                    QStringList cols;
                    for (int i = 0; i < q.record().count(); ++i)
                        cols << q.value(i).toString();
                    rows << cols.join(QLatin1Char('|'));
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QJsonObject AdminApiFixture::systemSettings(const QString &token)
{
    return m_http->get(QStringLiteral("/api/v1/settings"), token)
        .json()
        .value(QStringLiteral("system"))
        .toObject();
}

qint64 AdminApiFixture::auditTotal(const QString &query)
{
    const HttpResult r = m_http->get(QStringLiteral("/api/v1/audit?") + query, m_admin);
    return r.status == 200 ? r.json().value(QStringLiteral("total")).toInteger() : -1;
}

} // namespace joxai::test
