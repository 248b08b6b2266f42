// joxai-server backup, restore and migrate-data, run as the operator would: a real server process
// on SQLite is given users, a customer chat, an escalation with its ticket, a knowledge article and
// audit entries through the HTTP API; then the data commands run as processes and another server,
// started on what they produced, must show every acknowledged item through the API.
// JOXAI_TEST_DB=sqlite: online backup while customers write, restore into a fresh folder, refusals.
// JOXAI_TEST_DB=postgresql: migrate-data into a fresh PostgreSQL database (same ids, same passwords,
// sequences moved on, counts equal), refusals, and the pg_dump/pg_restore round trip.

#include "tests/support/chatcustomer.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using joxai::test::ChatCustomer;
using joxai::test::HttpClient;
using joxai::test::HttpResult;
using joxai::test::ServerProcess;
using joxai::test::TestDatabase;

namespace {

const QString kSecret = QStringLiteral("datatools-test-secret-key-0123456789abcdef");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// What the first server acknowledged; every later server must show all of it.
struct World
{
    qint64 staffId = 0;
    QString conversationId;
    QSet<qint64> messageIds;
    qint64 ticketId = 0;
    qint64 articleId = 0;
    QSet<qint64> auditIds;
};

QSet<qint64> ids(const QJsonArray &items)
{
    QSet<qint64> out;
    for (const QJsonValue &v : items)
        out.insert(v.toObject().value(QStringLiteral("id")).toInteger());
    return out;
}

} // namespace

class TestDataTools : public QObject
{
    Q_OBJECT

    QHash<QString, QString> serverEnv(const QString &databaseUrl = {}) const
    {
        QHash<QString, QString> env{{QStringLiteral("SECRET_KEY"), kSecret},
                                    {QStringLiteral("AI_PROVIDER"), QStringLiteral("local")},
                                    // The loop of chat messages and the sign-ins must not meet a rate limit.
                                    {QStringLiteral("JOXAI_RATE_LIMIT_AUTH"), QStringLiteral("0")},
                                    {QStringLiteral("JOXAI_RATE_LIMIT_CHAT"), QStringLiteral("0")},
                                    {QStringLiteral("JOXAI_RATE_LIMIT_CHAT_START"), QStringLiteral("0")},
                                    {QStringLiteral("JOXAI_RATE_LIMIT_API"), QStringLiteral("0")}};
        if (!databaseUrl.isEmpty())
            env.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
        return env;
    }

    // joxai-server with `args`, in the same clean environment as ServerProcess, to its end.
    QProcessEnvironment commandEnv(const QString &dataDir, const QString &databaseUrl = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &key : e.keys())
            if (key.startsWith(QLatin1String("JOXAI_")) || key == QLatin1String("DATABASE_URL")
                || key == QLatin1String("SECRET_KEY") || key.startsWith(QLatin1String("PG")))
                e.remove(key);
        e.insert(QStringLiteral("JOXAI_DATA_DIR"), dataDir);
        const auto extra = serverEnv(databaseUrl);
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            e.insert(it.key(), it.value());
        return e;
    }

    Run run(const QStringList &args, const QString &dataDir, const QString &databaseUrl = {})
    {
        QProcess p;
        p.setProcessEnvironment(commandEnv(dataDir, databaseUrl));
        p.start(QStringLiteral(JOXAI_SERVER_BIN), args);
        if (!p.waitForFinished(120000))
            p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    static QString describe(const Run &r)
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
    }

    // Users, a chat with messages, an escalation (→ ticket), a knowledge article; logins and the
    // staff change leave audit entries.
    static World makeWorld(HttpClient &http)
    {
        World w;
        const QString admin = http.adminToken();
        const QString agent = http.createStaff(admin, QStringLiteral("agent@bank.test"), QStringLiteral("agent"), &w.staffId);
        if (agent.isEmpty() || w.staffId == 0)
            return {};
        ChatCustomer customer(http);
        if (customer.start().status != 201)
            return {};
        w.conversationId = customer.conversationId();
        for (const QString &text : {QStringLiteral("How do I block my card?"), QStringLiteral("And my PIN?")}) {
            const HttpResult said = customer.say(text);
            if (said.status != 200)
                return {};
            w.messageIds.insert(said.json().value(QStringLiteral("message_id")).toInteger());
        }
        if (customer.escalate(QStringLiteral("I want a person")).status != 200)
            return {};
        const QJsonArray tickets = http.get(QStringLiteral("/api/v1/tickets?limit=200"), admin).items();
        for (const QJsonValue &t : tickets)
            if (t.toObject().value(QStringLiteral("conversation_id")).toVariant().toString() == w.conversationId)
                w.ticketId = t.toObject().value(QStringLiteral("id")).toInteger();
        const HttpResult article = http.post(
            QStringLiteral("/api/v1/knowledge"),
            {{QStringLiteral("title"), QStringLiteral("Blocking a card")},
             {QStringLiteral("content"), QStringLiteral("Call the card hotline or use the app.")},
             {QStringLiteral("category"), QStringLiteral("cards")},
             {QStringLiteral("tags"), QJsonArray{QStringLiteral("card")}},
             {QStringLiteral("language"), QStringLiteral("en")}},
            admin);
        w.articleId = article.json().value(QStringLiteral("id")).toInteger();
        w.auditIds = ids(http.get(QStringLiteral("/api/v1/audit?limit=200"), admin).items());
        return w;
    }

    // Everything in `w` is visible through the API of the server at `http`; the staff member
    // signs in with the password they had.
    static void verifyWorld(HttpClient &http, const World &w)
    {
        const QString admin = http.login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        QVERIFY(!admin.isEmpty());
        QVERIFY(!http.login(QStringLiteral("agent@bank.test"), QLatin1String(HttpClient::kStaffPassword)).isEmpty());
        const HttpResult staff = http.get(QStringLiteral("/api/v1/users/%1").arg(w.staffId), admin);
        QCOMPARE(staff.status, 200);
        QCOMPARE(staff.json().value(QStringLiteral("email")).toString(), QStringLiteral("agent@bank.test"));

        const HttpResult chat = http.get(QStringLiteral("/api/v1/conversations/%1").arg(w.conversationId), admin);
        QCOMPARE(chat.status, 200);
        const QSet<qint64> messages = ids(chat.json().value(QStringLiteral("messages")).toArray());
        for (qint64 id : w.messageIds)
            QVERIFY2(messages.contains(id), qPrintable(QStringLiteral("message %1 is missing").arg(id)));
        QCOMPARE(chat.json().value(QStringLiteral("status")).toString(), QStringLiteral("waiting"));

        const HttpResult ticket = http.get(QStringLiteral("/api/v1/tickets/%1").arg(w.ticketId), admin);
        QCOMPARE(ticket.status, 200);
        const HttpResult article = http.get(QStringLiteral("/api/v1/knowledge/%1").arg(w.articleId), admin);
        QCOMPARE(article.status, 200);
        QCOMPARE(article.json().value(QStringLiteral("title")).toString(), QStringLiteral("Blocking a card"));
        QCOMPARE(article.json().value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("card")});

        const QSet<qint64> audit = ids(http.get(QStringLiteral("/api/v1/audit?limit=200"), admin).items());
        for (qint64 id : w.auditIds)
            QVERIFY2(audit.contains(id), qPrintable(QStringLiteral("audit entry %1 is missing").arg(id)));
    }

    // New rows get new ids on the moved database (sequences moved past the copied ids).
    static void verifyNewRowsWork(HttpClient &http, const World &w, const QString &email)
    {
        const QString admin = http.login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        qint64 newStaff = 0;
        QVERIFY(!http.createStaff(admin, email, QStringLiteral("agent"), &newStaff).isEmpty());
        QVERIFY2(newStaff > w.staffId, qPrintable(QString::number(newStaff)));
        ChatCustomer customer(http);
        QCOMPARE(customer.start().status, 201);
        const HttpResult said = customer.say(QStringLiteral("Hello again"));
        QCOMPARE(said.status, 200);
        for (qint64 id : w.messageIds)
            QVERIFY(said.json().value(QStringLiteral("message_id")).toInteger() > id);
    }

    // Counts per table from the printed table ("  name  sqlite  postgresql").
    static QMap<QString, QPair<qint64, qint64>> countTable(const QString &out)
    {
        QMap<QString, QPair<qint64, qint64>> counts;
        static const QRegularExpression row(QStringLiteral("^  ([a-z_]+)\\s+(\\d+)\\s+(\\d+)\\s*$"),
                                            QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(out); it.hasNext();) {
            const auto m = it.next();
            counts.insert(m.captured(1), {m.captured(2).toLongLong(), m.captured(3).toLongLong()});
        }
        return counts;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Rows of `table` in the source SQLite file or the PostgreSQL target, read directly.
    qint64 count(const QString &driver, const QString &table) const
    {
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(driver, QStringLiteral("count"));
            if (driver == QLatin1String("QPSQL")) {
                db.setHostName(m_db.target().host);
                db.setPort(m_db.target().port);
                db.setUserName(m_db.target().user);
                db.setPassword(m_db.target().password);
                db.setDatabaseName(m_db.target().name);
            } else {
                db.setDatabaseName(QDir(m_source.path()).filePath(QStringLiteral("joxai.db")));
            }
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next())
                n = q.value(0).toLongLong();
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

    // Runs SQL on a SQLite file directly (to fake a newer schema).
    static bool sqliteExec(const QString &path, const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
            db.setDatabaseName(path);
            ok = db.open() && QSqlQuery(db).exec(sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("direct"));
        return ok;
    }

    QTemporaryDir m_source;   // the SQLite deployment the data starts in
    QTemporaryDir m_files;    // backups
    TestDatabase m_db;        // PostgreSQL target on the postgresql run
    World m_world;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_source.isValid() && m_files.isValid());
        ServerProcess server;
        const QString why = server.start(QStringLiteral(JOXAI_SERVER_BIN), m_source.path(), serverEnv());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http(server.baseUrl());
        m_world = makeWorld(http);
        QVERIFY(m_world.staffId > 0 && m_world.ticketId > 0 && m_world.articleId > 0);
        QVERIFY(m_world.messageIds.size() == 2 && m_world.auditIds.size() >= 3);
    }

    void helpListsTheCommands()
    {
        const Run help = run({QStringLiteral("--help")}, m_source.path());
        QCOMPARE(help.exitCode, 0);
        for (const char *word : {"backup FILE", "restore FILE", "migrate-data --to", "--force", "--yes"})
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
    }

    void usageErrorsExitWith2()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("backup")}, QStringList{QStringLiteral("frobnicate")},
                                        QStringList{QStringLiteral("restore"), QStringLiteral("x.db")},
                                        QStringList{QStringLiteral("migrate-data")}}) {
            const Run r = run(args, m_source.path());
            QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
            QVERIFY2(r.err.trimmed().count(QLatin1Char('\n')) == 0 && !r.err.trimmed().isEmpty(), qPrintable(r.err));
        }
    }

    // SQLite: a backup taken while a customer keeps writing holds every message acknowledged
    // before it started, and a server on the restored copy shows everything.
    void sqliteBackupWhileWritingAndRestore()
    {
        QVERIFY2(!m_db.isPostgres(), "a SQLite case: run by the tst_datatools_sqlite entry");
        ServerProcess server;
        QString why = server.start(QStringLiteral(JOXAI_SERVER_BIN), m_source.path(), serverEnv());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http(server.baseUrl());
        ChatCustomer writer(http);
        QCOMPARE(writer.start().status, 201);
        QSet<qint64> beforeBackup;
        for (int i = 0; i < 3; ++i)
            beforeBackup.insert(writer.say(QStringLiteral("before %1").arg(i)).json().value(QStringLiteral("message_id")).toInteger());

        // The backup runs as its own process while the writer goes on.
        const QString file = m_files.filePath(QStringLiteral("online.db"));
        QProcess backup;
        backup.setProcessEnvironment(commandEnv(m_source.path()));
        backup.start(QStringLiteral(JOXAI_SERVER_BIN), {QStringLiteral("backup"), file});
        int during = 0;
        while (backup.state() != QProcess::NotRunning || during < 3) {
            QCOMPARE(writer.say(QStringLiteral("during %1").arg(during)).status, 200);
            ++during;
            backup.waitForFinished(1);
        }
        QCOMPARE(backup.exitCode(), 0);
        const QString printed = QString::fromUtf8(backup.readAllStandardOutput());
        QVERIFY2(printed.contains(QStringLiteral("Backup of the SQLite database")) && printed.contains(QStringLiteral(" rows.")),
                 qPrintable(printed));
        QVERIFY(QRegularExpression(QStringLiteral("messages\\s+\\d+")).match(printed).hasMatch());

        // Restoring while the server holds the database is refused and changes nothing.
        const Run busy = run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, m_source.path());
        QVERIFY2(busy.exitCode == 1 && busy.err.contains(QStringLiteral("stop joxai-server")), qPrintable(describe(busy)));
        QVERIFY(!QFile::exists(m_source.filePath(QStringLiteral("joxai.db.before-restore"))));
        QCOMPARE(writer.say(QStringLiteral("still running")).status, 200);
        server.signal(SIGTERM);
        QVERIFY(server.waitForExit(30000));

        // Restore into a fresh folder; a server there shows the world and the pre-backup messages.
        QTemporaryDir fresh;
        const Run restored = run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, fresh.path());
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        QVERIFY(restored.out.contains(QStringLiteral("Restored")));
        ServerProcess second;
        why = second.start(QStringLiteral(JOXAI_SERVER_BIN), fresh.path(), serverEnv());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http2(second.baseUrl());
        verifyWorld(http2, m_world);
        const QString admin = http2.login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        const QSet<qint64> kept = ids(http2.get(QStringLiteral("/api/v1/conversations/%1").arg(writer.conversationId()), admin)
                                          .json().value(QStringLiteral("messages")).toArray());
        for (qint64 id : beforeBackup)
            QVERIFY2(kept.contains(id), qPrintable(QStringLiteral("message %1 acknowledged before the backup is missing").arg(id)));
        second.signal(SIGTERM);
        QVERIFY(second.waitForExit(30000));

        // Restoring over an existing database keeps the old one beside it.
        const Run again = run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, fresh.path());
        QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
        QVERIFY(QFile::exists(fresh.filePath(QStringLiteral("joxai.db.before-restore"))));
        QVERIFY(again.out.contains(QStringLiteral("joxai.db.before-restore")));
    }

    void sqliteRefusals()
    {
        QVERIFY2(!m_db.isPostgres(), "a SQLite case: run by the tst_datatools_sqlite entry");
        const QString file = m_files.filePath(QStringLiteral("refusals.db"));
        QCOMPARE(run({QStringLiteral("backup"), file}, m_source.path()).exitCode, 0);
        const QByteArray original = readAll(file);

        // An existing FILE is kept unless --force.
        const Run exists = run({QStringLiteral("backup"), file}, m_source.path());
        QVERIFY2(exists.exitCode == 1 && exists.err.contains(QStringLiteral("--force")), qPrintable(describe(exists)));
        QCOMPARE(readAll(file), original);
        QCOMPARE(run({QStringLiteral("backup"), file, QStringLiteral("--force")}, m_source.path()).exitCode, 0);

        QTemporaryDir target;
        QCOMPARE(run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, target.path()).exitCode, 0);
        const QByteArray live = readAll(target.filePath(QStringLiteral("joxai.db")));

        // Not a database at all; a SQLite database that is not JoxAI's; a newer schema.
        const QString text = m_files.filePath(QStringLiteral("notes.txt"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(QByteArray("these are not the rows you are looking for\n").repeated(200));
        t.close();
        const QString other = m_files.filePath(QStringLiteral("other.db"));
        QVERIFY(sqliteExec(other, QStringLiteral("CREATE TABLE things (id integer)")));
        const QString newer = m_files.filePath(QStringLiteral("newer.db"));
        QVERIFY(QFile::copy(file, newer));
        QVERIFY(sqliteExec(newer, QStringLiteral("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")));
        const QList<QPair<QString, QString>> cases{{text, QStringLiteral("not a SQLite database")},
                                                   {other, QStringLiteral("not a JoxAI one")},
                                                   {newer, QStringLiteral("schema version 9999, newer than this program")},
                                                   {m_files.filePath(QStringLiteral("missing.db")), QStringLiteral("does not exist")}};
        for (const auto &[path, message] : cases) {
            const Run r = run({QStringLiteral("restore"), path, QStringLiteral("--yes")}, target.path());
            QVERIFY2(r.exitCode != 0 && r.err.contains(message), qPrintable(describe(r)));
            QVERIFY2(!r.err.trimmed().contains(QLatin1Char('\n')), qPrintable(r.err));
            QCOMPARE(readAll(target.filePath(QStringLiteral("joxai.db"))), live);
            QVERIFY(!QFile::exists(target.filePath(QStringLiteral("joxai.db.before-restore"))));
        }
    }

    // PostgreSQL: the SQLite deployment moves into an empty database with every row.
    void migrateDataToPostgres()
    {
        QVERIFY2(m_db.isPostgres(), "a PostgreSQL case: run by the tst_datatools_postgresql entry");
        const Run moved = run({QStringLiteral("migrate-data"), QStringLiteral("--to"), m_db.url()}, m_source.path());
        QVERIFY2(moved.exitCode == 0, qPrintable(describe(moved)));
        QVERIFY(moved.out.contains(QStringLiteral("All row counts match")));
        const auto counts = countTable(moved.out);
        for (const char *table : {"users", "conversations", "messages", "tickets", "knowledge_articles", "audit_log", "events"}) {
            QVERIFY2(counts.contains(QLatin1String(table)), table);
            QVERIFY2(counts.value(QLatin1String(table)).first > 0, table);
            QCOMPARE(counts.value(QLatin1String(table)).first, counts.value(QLatin1String(table)).second);
        }
        // Counted again here, independently of the program, on both databases.
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            QCOMPARE(count(QStringLiteral("QSQLITE"), it.key()), it.value().first);
            QCOMPARE(count(QStringLiteral("QPSQL"), it.key()), it.value().second);
        }
    }

    void postgresServerShowsTheMovedData()
    {
        QVERIFY2(m_db.isPostgres(), "a PostgreSQL case: run by the tst_datatools_postgresql entry");
        QTemporaryDir dir;
        ServerProcess server;
        const QString why = server.start(QStringLiteral(JOXAI_SERVER_BIN), dir.path(), serverEnv(m_db.url()));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http(server.baseUrl());
        verifyWorld(http, m_world);
        verifyNewRowsWork(http, m_world, QStringLiteral("second@bank.test"));
    }

    void migrateIntoNonEmptyTargetIsRefused()
    {
        QVERIFY2(m_db.isPostgres(), "a PostgreSQL case: run by the tst_datatools_postgresql entry");
        const Run again = run({QStringLiteral("migrate-data"), QStringLiteral("--to"), m_db.url()}, m_source.path());
        QVERIFY2(again.exitCode == 1 && again.err.contains(QStringLiteral("already has data in")), qPrintable(describe(again)));
        QVERIFY(again.err.contains(QStringLiteral("users (")));
        const Run notPg = run({QStringLiteral("migrate-data"), QStringLiteral("--to"), QStringLiteral("sqlite:///tmp/x.db")},
                              m_source.path());
        QVERIFY2(notPg.exitCode == 2, qPrintable(describe(notPg)));
    }

    // pg_dump while the server runs; a change made after it is gone once the dump is restored.
    void postgresBackupAndRestore()
    {
        QVERIFY2(m_db.isPostgres(), "a PostgreSQL case: run by the tst_datatools_postgresql entry");
        QTemporaryDir dir;
        const QString file = m_files.filePath(QStringLiteral("pg.dump"));
        qint64 laterArticle = 0;
        {
            ServerProcess server;
            const QString why = server.start(QStringLiteral(JOXAI_SERVER_BIN), dir.path(), serverEnv(m_db.url()));
            QVERIFY2(why.isEmpty(), qPrintable(why));
            HttpClient http(server.baseUrl());
            const Run backup = run({QStringLiteral("backup"), file}, dir.path(), m_db.url());
            QVERIFY2(backup.exitCode == 0, qPrintable(describe(backup)));
            QVERIFY(backup.out.contains(QStringLiteral("Backup of the PostgreSQL database")));
            QVERIFY(QFile(file).size() > 1000);
            const QString admin = http.login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
            laterArticle = http.post(QStringLiteral("/api/v1/knowledge"),
                                     {{QStringLiteral("title"), QStringLiteral("After the backup")},
                                      {QStringLiteral("content"), QStringLiteral("Gone after the restore.")},
                                      {QStringLiteral("category"), QStringLiteral("cards")},
                                      {QStringLiteral("language"), QStringLiteral("en")}},
                                     admin).json().value(QStringLiteral("id")).toInteger();
            QVERIFY(laterArticle > 0);
            // The server is connected: restore refuses.
            const Run busy = run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, dir.path(), m_db.url());
            QVERIFY2(busy.exitCode == 1 && busy.err.contains(QStringLiteral("stop joxai-server")), qPrintable(describe(busy)));
        }
        const Run exists = run({QStringLiteral("backup"), file}, dir.path(), m_db.url());
        QVERIFY2(exists.exitCode == 1 && exists.err.contains(QStringLiteral("already exists")), qPrintable(describe(exists)));

        const QString text = m_files.filePath(QStringLiteral("not-a-dump"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("PGDMP? no.");
        t.close();
        const Run wrong = run({QStringLiteral("restore"), text, QStringLiteral("--yes")}, dir.path(), m_db.url());
        QVERIFY2(wrong.exitCode == 2 && wrong.err.contains(QStringLiteral("not a pg_dump archive")), qPrintable(describe(wrong)));

        const Run restored = run({QStringLiteral("restore"), file, QStringLiteral("--yes")}, dir.path(), m_db.url());
        QVERIFY2(restored.exitCode == 0, qPrintable(describe(restored)));
        ServerProcess server;
        const QString why = server.start(QStringLiteral(JOXAI_SERVER_BIN), dir.path(), serverEnv(m_db.url()));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        HttpClient http(server.baseUrl());
        verifyWorld(http, m_world);
        const QString admin = http.login(QStringLiteral("admin@joxai.com"), QLatin1String(HttpClient::kAdminPassword));
        QCOMPARE(http.get(QStringLiteral("/api/v1/knowledge/%1").arg(laterArticle), admin).status, 404);
        verifyNewRowsWork(http, m_world, QStringLiteral("third@bank.test"));
    }
};

QTEST_GUILESS_MAIN(TestDataTools)
#include "tst_datatools.moc"
