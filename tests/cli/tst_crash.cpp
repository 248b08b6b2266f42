// joxai-server killed with SIGKILL while customers are chatting, then started again on the same
// database: it starts cleanly (SQLite passes its integrity check), and every message the server
// acknowledged with a 2xx before the kill is in the conversation. Requests cut by the kill may or
// may not be stored; none of them may break the database. Runs on SQLite and PostgreSQL.

#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace joxai::test;

class TestCrash : public QObject
{
    Q_OBJECT

    struct Customer
    {
        QString conversationId;
        QString sessionToken;
        int sent = 0;
    };

    TestDatabase m_db;
    QTemporaryDir m_dir;

    QString start(ServerProcess &server)
    {
        return server.start(QStringLiteral(JOXAI_SERVER_BIN), m_dir.path(),
                            {{QStringLiteral("DATABASE_URL"), m_db.url()},
                             {QStringLiteral("JOXAI_RATE_LIMIT_CHAT"), QStringLiteral("0")},
                             {QStringLiteral("JOXAI_RATE_LIMIT_CHAT_START"), QStringLiteral("0")},
                             {QStringLiteral("JOXAI_AI_CACHE_SECONDS"), QStringLiteral("0")},
                             {QStringLiteral("LOG_LEVEL"), QStringLiteral("warning")}});
    }

private Q_SLOTS:
    void acknowledgedMessagesSurviveAKillMidLoad()
    {
        QVERIFY(m_dir.isValid());
        ServerProcess server;
        QString why = start(server);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        HttpClient http(server.baseUrl());
        QList<Customer> customers;
        for (int i = 0; i < 8; ++i) {
            const HttpResult started = http.post(QStringLiteral("/api/v1/chat/start"),
                                                 {{QStringLiteral("language"), i % 2 ? QStringLiteral("fr") : QStringLiteral("en")}});
            QCOMPARE(started.status, 201);
            customers.append({started.json().value(QStringLiteral("conversation_id")).toString(),
                              started.json().value(QStringLiteral("session_token")).toString()});
        }

        // Each customer sends its next message as soon as the last one is answered.
        QNetworkAccessManager nam;
        QSet<QString> acknowledged; // "conversation|text"
        int inFlight = 0;
        bool killed = false;
        std::function<void(int)> sendNext = [&](int who) {
            if (killed)
                return;
            Customer &c = customers[who];
            const QString text = QStringLiteral("kill-test %1-%2: how do I order a new card?").arg(who).arg(++c.sent);
            QNetworkRequest request(QUrl(server.baseUrl() + QStringLiteral("/api/v1/chat/message")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            request.setRawHeader("X-Session-Token", c.sessionToken.toUtf8());
            const QJsonObject body{{QStringLiteral("conversation_id"), c.conversationId}, {QStringLiteral("message"), text}};
            QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            ++inFlight;
            connect(reply, &QNetworkReply::finished, this, [&, reply, who, text] {
                --inFlight;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status >= 200 && status < 300)
                    acknowledged.insert(customers[who].conversationId + QLatin1Char('|') + text);
                reply->deleteLater();
                sendNext(who);
            });
        };
        for (int i = 0; i < customers.size(); ++i)
            sendNext(i);
        QVERIFY2(QTest::qWaitFor([&] { return acknowledged.size() >= 60; }, 30000),
                 qPrintable(QStringLiteral("only %1 messages answered").arg(acknowledged.size())));
        QVERIFY(inFlight > 0); // the kill lands mid-load
        server.signal(SIGKILL);
        killed = true;
        QVERIFY(server.waitForExit(10000));
        QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
        QVERIFY(QTest::qWaitFor([&] { return inFlight == 0; }, 10000));

        if (!m_db.isPostgres()) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
            db.setDatabaseName(m_db.target().sqlitePath);
            QVERIFY(db.open());
            QSqlQuery check(db);
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            check.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));

        ServerProcess again;
        why = start(again);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http2(again.baseUrl());
        QCOMPARE(http2.get(QStringLiteral("/health")).status, 200);
        QSet<QString> stored;
        for (const Customer &c : std::as_const(customers)) {
            const HttpResult messages = http2.request(
                "GET", QStringLiteral("/api/v1/chat/%1/messages?after=0&limit=1000").arg(c.conversationId), {},
                {{"X-Session-Token", c.sessionToken.toUtf8()}});
            QCOMPARE(messages.status, 200);
            for (const QJsonValue &m : messages.items())
                if (m.toObject().value(QStringLiteral("sender")).toString() == QLatin1String("customer"))
                    stored.insert(c.conversationId + QLatin1Char('|') + m.toObject().value(QStringLiteral("body")).toString());
        }
        for (const QString &item : std::as_const(acknowledged))
            QVERIFY2(stored.contains(item), qPrintable(QStringLiteral("acknowledged but lost: ") + item));
        // The conversations go on after the restart.
        const HttpResult more = http2.request(
            "POST", QStringLiteral("/api/v1/chat/message"),
            QJsonDocument(QJsonObject{{QStringLiteral("conversation_id"), customers.first().conversationId},
                                      {QStringLiteral("message"), QStringLiteral("Are you back?")}})
                .toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"X-Session-Token", customers.first().sessionToken.toUtf8()}});
        QCOMPARE(more.status, 200);
        qInfo("%lld messages acknowledged before the kill, all present after the restart", qlonglong(acknowledged.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
