// The joxai-server program itself, run as a process: flags, configuration errors (exit 2 before
// any port opens), start-up on the embedded defaults, first-run admin, clean stop on SIGTERM.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class TestCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static QProcessEnvironment cleanEnv(const QString &dataDir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys())
            if (key.startsWith(QLatin1String("JOXAI_")) || key == QLatin1String("DATABASE_URL")
                || key == QLatin1String("SECRET_KEY") || key.endsWith(QLatin1String("_API_KEY")))
                env.remove(key);
        env.insert(QStringLiteral("JOXAI_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("JOXAI_BCRYPT_COST"), QStringLiteral("4"));
        return env;
    }

    Run run(const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(JOXAI_SERVER_BIN), args);
        if (!p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished();
            return {-2, {}, QStringLiteral("did not finish")};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

    static int httpStatus(const QString &url, QByteArray *body = nullptr)
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        if (body)
            *body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")}, cleanEnv(m_dir.path()));
        QCOMPARE(help.exitCode, 0);
        for (const char *flag : {"--check-config", "--bind", "--port", "--data-dir", "--version"})
            QVERIFY2(help.out.contains(QLatin1String(flag)), flag);
        const Run version = run({QStringLiteral("--version")}, cleanEnv(m_dir.path()));
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("joxai-server 0.")));
    }

    void checkConfigPrintsSettingsWithSecretsMasked()
    {
        QProcessEnvironment env = cleanEnv(m_dir.path());
        env.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("s").repeated(40));
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-very-secret"));
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://joxai:dbsecret@127.0.0.1:5432/joxai"));
        const Run r = run({QStringLiteral("--check-config"), QStringLiteral("--port"), QStringLiteral("5123")}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("JOXAI_PORT=5123")));
        QVERIFY(r.out.contains(QStringLiteral("AI_PROVIDER=openai")));
        QVERIFY(!r.out.contains(QStringLiteral("sk-very-secret")));
        QVERIFY(!r.out.contains(QStringLiteral("ssssssssss")));
        QVERIFY(!r.out.contains(QStringLiteral("dbsecret")));
    }

    void badConfigurationExitsWithCode2_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port 99999 flag") << QString() << QString() << QStringList{QStringLiteral("--port"), QStringLiteral("99999")};
        QTest::newRow("port 99999 env") << "JOXAI_PORT" << "99999" << QStringList();
        QTest::newRow("unknown provider") << "AI_PROVIDER" << "magic" << QStringList();
        QTest::newRow("malformed DATABASE_URL") << "DATABASE_URL" << "postgresql:/nohost" << QStringList();
        QTest::newRow("short SECRET_KEY") << "SECRET_KEY" << "short" << QStringList();
        QTest::newRow("production without SECRET_KEY") << "JOXAI_ENV" << "production" << QStringList();
    }

    void badConfigurationExitsWithCode2()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QProcessEnvironment env = cleanEnv(dir.path());
        if (!name.isEmpty())
            env.insert(name, value);
        const Run r = run(args, env);
        QCOMPARE(r.exitCode, 2);
        const QString line = r.err.trimmed();
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line)); // one clear line
        QVERIFY2(line.contains(name.isEmpty() ? QStringLiteral("JOXAI_PORT") : name.section(QLatin1Char('='), 0, 0))
                     || line.contains(QStringLiteral("SECRET_KEY")),
                 qPrintable(line));
        // Nothing was created or opened: the data folder holds no database.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("joxai.db"))));
    }

    void postgresDownAtStartUpFailsClearly()
    {
        QProcessEnvironment env = cleanEnv(m_dir.path());
        const quint16 closed = freePort();
        env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://joxai@127.0.0.1:%1/joxai").arg(closed));
        const Run r = run({QStringLiteral("--port"), QString::number(freePort())}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot connect to PostgreSQL at 127.0.0.1:%1").arg(closed)), qPrintable(r.err));
    }

    void startsOnEmbeddedDefaultsAndStopsOnSigterm()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        for (int round = 0; round < 2; ++round) {
            QProcess p;
            p.setProcessEnvironment(cleanEnv(dir.path()));
            p.start(QStringLiteral(JOXAI_SERVER_BIN), {QStringLiteral("--port"), QString::number(port)});
            QVERIFY(p.waitForStarted());
            QString out;
            QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(p.readAllStandardOutput())).contains(QStringLiteral("Press Ctrl+C")), 15000);
            QVERIFY(out.contains(QStringLiteral("http://127.0.0.1:%1/health").arg(port)));
            // The first run creates the admin and says how to sign in; later runs do not.
            QCOMPARE(out.contains(QStringLiteral("admin@joxai.com with password admin123")), round == 0);
            QByteArray body;
            QCOMPARE(httpStatus(QStringLiteral("http://127.0.0.1:%1/health").arg(port), &body), 200);
            QVERIFY(body.contains("\"status\":\"ok\""));
            QVERIFY(body.contains("Banking ChatBot API v1.0"));
            ::kill(pid_t(p.processId()), SIGTERM);
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("joxai.db"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("secret_key"))));
    }

    void jsonLogFormatWritesOneObjectPerLine()
    {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = cleanEnv(dir.path());
        env.insert(QStringLiteral("LOG_FORMAT"), QStringLiteral("json"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(JOXAI_SERVER_BIN), {QStringLiteral("--port"), QString::number(freePort())});
        QVERIFY(p.waitForStarted());
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(p.readAllStandardOutput())).contains(QStringLiteral("Press Ctrl+C")), 15000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(10000));
        const QList<QByteArray> lines = p.readAllStandardError().trimmed().split('\n');
        bool sawMigration = false;
        for (const QByteArray &line : lines) {
            QJsonParseError error{};
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QVERIFY(!o.value(QStringLiteral("ts")).toString().isEmpty());
            QVERIFY(!o.value(QStringLiteral("level")).toString().isEmpty());
            sawMigration = sawMigration || o.value(QStringLiteral("message")).toString().contains(QStringLiteral("applied migration"));
        }
        QVERIFY(sawMigration);
    }

    void databaseNewerThanTheProgramIsRefused()
    {
        QTemporaryDir dir;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(dir.filePath(QStringLiteral("joxai.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const Run r = run({QStringLiteral("--port"), QString::number(freePort())}, cleanEnv(dir.path()));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("version 999, newer than this program")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
