// One log line a message: the text and JSON formats (LOG_FORMAT), the request id of the current
// RequestScope on every line written inside it (and on no other), per thread, nesting, and the
// fields of structured lines as JSON members.

#include "server/core/logging.h"
#include "server/core/logline.h"
#include "server/core/requestscope.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <thread>

using joxai::LogFormat;
using joxai::RequestScope;

Q_LOGGING_CATEGORY(lcTest, "joxai.test")

namespace {

// Lines as the installed handler would write them, captured instead of going to stderr.
LogFormat g_format = LogFormat::Json;
QList<QByteArray> g_lines;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_lines << joxai::formatLogLine(g_format, type, context.category, message);
}

QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s", line.constData());
    return doc.object();
}

} // namespace

class TestLogLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        g_lines.clear();
        g_format = LogFormat::Json;
        QVERIFY(joxai::applyLogLevel(QStringLiteral("info")));
    }

    void cleanup() { qInstallMessageHandler(nullptr); }

    void jsonLineOutsideARequestHasNoRequestId()
    {
        const QByteArray line = joxai::formatLogLine(
            LogFormat::Json, QtWarningMsg, "joxai.storage", QStringLiteral("disk full"));
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const QJsonObject o = parse(line);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("joxai.storage"));
        QCOMPARE(o.value(QStringLiteral("message")).toString(), QStringLiteral("disk full"));
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(!o.contains(QStringLiteral("request_id")));
        QCOMPARE(o.size(), 4);
    }

    void jsonLineInsideARequestCarriesItsId()
    {
        const RequestScope scope("req-42");
        const QJsonObject o = parse(
            joxai::formatLogLine(LogFormat::Json, QtCriticalMsg, "joxai.api", QStringLiteral("boom")));
        QCOMPARE(o.value(QStringLiteral("request_id")).toString(), QStringLiteral("req-42"));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("error"));
    }

    void jsonEscapesWhatAClientCanSend_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ bye");
        QTest::newRow("newline and tab") << QStringLiteral("one\ntwo\r\n\tthree");
        QTest::newRow("control characters") << QString::fromLatin1("a\x01"
                                                                   "b\x1f"
                                                                   "c\x7f");
        QTest::newRow("non-ASCII") << QStringLiteral("Grüße, 東京, \U0001F600, \u2028");
        QTest::newRow("JSON lookalike") << QStringLiteral("\"},{\"level\":\"fake\"");
    }

    void jsonEscapesWhatAClientCanSend()
    {
        QFETCH(QString, message);
        const QByteArray line = joxai::formatLogLine(LogFormat::Json, QtInfoMsg, "joxai.api", message);
        QCOMPARE(line.count('\n'), 1); // still one line
        const QJsonObject o = parse(line);
        QCOMPARE(o.value(QStringLiteral("message")).toString(), message);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
    }

    void textLineIsReadableAndEndsWithTheRequestId()
    {
        const QByteArray outside
            = joxai::formatLogLine(LogFormat::Text, QtInfoMsg, "joxai.mail", QStringLiteral("mail 3 sent"));
        QVERIFY2(outside.endsWith(" info joxai.mail: mail 3 sent\n"), outside.constData());
        QVERIFY(!outside.contains("request_id"));
        const RequestScope scope("abc-1");
        const QByteArray inside = joxai::formatLogLine(
            LogFormat::Text, QtWarningMsg, "joxai.mail", QStringLiteral("mail 3 failed"));
        QVERIFY2(
            inside.endsWith(" warning joxai.mail: mail 3 failed request_id=abc-1\n"), inside.constData());
    }

    void scopesNestAndRestore()
    {
        QVERIFY(RequestScope::current().isEmpty());
        {
            const RequestScope outer("outer");
            QCOMPARE(RequestScope::current(), QByteArray("outer"));
            {
                const RequestScope inner("inner");
                QCOMPARE(RequestScope::current(), QByteArray("inner"));
            }
            QCOMPARE(RequestScope::current(), QByteArray("outer"));
        }
        QVERIFY(RequestScope::current().isEmpty());
    }

    void scopeBelongsToItsThread()
    {
        const RequestScope mine("main-thread");
        QByteArray seenBefore = "unset";
        QByteArray seenInside;
        std::thread worker([&] {
            seenBefore = RequestScope::current();
            const RequestScope theirs("worker");
            seenInside = joxai::formatLogLine(
                LogFormat::Json, QtInfoMsg, "joxai.test", QStringLiteral("on a worker"));
        });
        worker.join();
        QVERIFY(seenBefore.isEmpty());
        QCOMPARE(parse(seenInside).value(QStringLiteral("request_id")).toString(), QStringLiteral("worker"));
        QCOMPARE(RequestScope::current(), QByteArray("main-thread"));
    }

    void structuredFieldsBecomeJsonMembers()
    {
        qInstallMessageHandler(capture);
        {
            const RequestScope scope("r-7");
            joxai::logStructured(QtInfoMsg, lcTest(), QStringLiteral("GET /x 200"),
                { { "method", QStringLiteral("GET") }, { "status", 200 }, { "duration_ms", 1.25 },
                    { "client", QStringLiteral("10.0.0.1") } });
        }
        qCInfo(lcTest) << "plain line afterwards";
        QCOMPARE(g_lines.size(), 2);
        const QJsonObject o = parse(g_lines.at(0));
        QCOMPARE(o.value(QStringLiteral("message")).toString(), QStringLiteral("GET /x 200"));
        QCOMPARE(o.value(QStringLiteral("request_id")).toString(), QStringLiteral("r-7"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QVERIFY(o.value(QStringLiteral("status")).isDouble());
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("duration_ms")).toDouble(), 1.25);
        QCOMPARE(o.value(QStringLiteral("client")).toString(), QStringLiteral("10.0.0.1"));
        // The fields belong to that one line: the next has only the core members.
        const QJsonObject next = parse(g_lines.at(1));
        QVERIFY(!next.contains(QStringLiteral("method")));
        QVERIFY(!next.contains(QStringLiteral("request_id")));
        QCOMPARE(next.size(), 4);
    }

    void structuredLineInTextFormatIsItsMessage()
    {
        g_format = LogFormat::Text;
        qInstallMessageHandler(capture);
        joxai::logStructured(QtInfoMsg, lcTest(), QStringLiteral("GET /x 200"), { { "status", 200 } });
        QCOMPARE(g_lines.size(), 1);
        QVERIFY2(g_lines.at(0).endsWith(" info joxai.test: GET /x 200\n"), g_lines.at(0).constData());
    }

    void switchedOffLevelWritesNothing()
    {
        qInstallMessageHandler(capture);
        QVERIFY(joxai::applyLogLevel(QStringLiteral("warning")));
        joxai::logStructured(QtInfoMsg, lcTest(), QStringLiteral("quiet"), { { "status", 200 } });
        joxai::logStructured(QtWarningMsg, lcTest(), QStringLiteral("loud"), { { "status", 500 } });
        QCOMPARE(g_lines.size(), 1);
        QCOMPARE(parse(g_lines.at(0)).value(QStringLiteral("message")).toString(), QStringLiteral("loud"));
    }

    void logAccessOffSilencesOnlyTheAccessLogsInfoLines()
    {
        QVERIFY(joxai::applyLogLevel(QStringLiteral("info"), false));
        QVERIFY(!lcAccess().isInfoEnabled());
        QVERIFY(lcAccess().isWarningEnabled()); // 5xx answers are still logged
        QVERIFY(lcApi().isInfoEnabled());
        QVERIFY(joxai::applyLogLevel(QStringLiteral("info"), true));
        QVERIFY(lcAccess().isInfoEnabled());
    }
};

QTEST_GUILESS_MAIN(TestLogLine)
#include "tst_logline.moc"
