#pragma once
// Shared set-up of the administration suites (users, settings, audit): a real server with its
// admin signed in, and small helpers those suites have in common.

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"

#include <QObject>

#include <memory>

namespace joxai::test {

class AdminApiFixture : public QObject
{
    Q_OBJECT

protected:
    // Starts the server and signs the admin in; false (with a message) when that fails.
    bool setUpServer(QString *why);
    void tearDownServer();

    QString usersPath(qint64 id, const QString &tail = QString()) const;
    HttpResult login(const QString &email, const QString &password);
    // Every row of a query (columns joined with '|'), read through the test's own connection.
    QStringList rawRows(const QString &sql, QString *error = nullptr);
    QJsonObject systemSettings(const QString &token);
    qint64 auditTotal(const QString &query);
    static QString describe(const HttpResult &r);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_admin;
    qint64 m_adminId = 0;
};

} // namespace joxai::test
