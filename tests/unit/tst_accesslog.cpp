// The access log line of an answered request: its fields as JSON members, one readable text line,
// the path encoded and cut so a client cannot break the line, no query string, 5xx answers at
// warning level (logged even when LOG_ACCESS=0 switches the info lines off).

#include "server/api/accesslog.h"
#include "server/core/logging.h"
#include "server/core/logline.h"
#include "server/core/requestscope.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using joxai::ApiReply;
using joxai::LogFormat;

namespace {

LogFormat g_format = LogFormat::Json;
QList<QByteArray> g_lines;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_lines << joxai::formatLogLine(g_format, type, context.category, message);
}

ApiReply::Meta ticketsMeta()
{
    ApiReply::Meta meta;
    meta.requestId = "rid-1";
    meta.method = "GET";
    meta.path = QStringLiteral("/api/v1/tickets");
    meta.client = QStringLiteral("203.0.113.9");
    meta.routeLabel = "GET /api/v1/tickets";
    return meta;
}

QJsonObject onlyLine()
{
    if (g_lines.size() != 1)
        qWarning("expected one line, got %d", int(g_lines.size()));
    return g_lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(g_lines.first()).object();
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        g_lines.clear();
        g_format = LogFormat::Json;
        QVERIFY(joxai::applyLogLevel(QStringLiteral("info")));
        qInstallMessageHandler(capture);
    }

    void cleanup() { qInstallMessageHandler(nullptr); }

    void answeredRequestIsOneLineWithItsFields()
    {
        joxai::logAccess(ticketsMeta(), 200, 1'234'567);
        const QJsonObject o = onlyLine();
        QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("joxai.access"));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("info"));
        QCOMPARE(o.value(QStringLiteral("request_id")).toString(), QStringLiteral("rid-1"));
        QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/tickets"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("duration_ms")).toDouble(), 1.235);
        QCOMPARE(o.value(QStringLiteral("client")).toString(), QStringLiteral("203.0.113.9"));
        QCOMPARE(o.value(QStringLiteral("route")).toString(), QStringLiteral("GET /api/v1/tickets"));
        // The id comes from the reply, not from whatever scope the sender happens to be in.
        QVERIFY(joxai::RequestScope::current().isEmpty());
    }

    void textLineReadsOnItsOwn()
    {
        g_format = LogFormat::Text;
        joxai::logAccess(ticketsMeta(), 404, 250'000);
        QCOMPARE(g_lines.size(), 1);
        QVERIFY2(g_lines.first().endsWith(" info joxai.access: GET /api/v1/tickets 404 0.250 ms route=GET "
                                          "/api/v1/tickets client=203.0.113.9 request_id=rid-1\n"),
            g_lines.first().constData());
    }

    void pathIsEncodedAndCut()
    {
        ApiReply::Meta meta = ticketsMeta();
        meta.path = QStringLiteral("/api/v1/a b\nc\"d/é");
        joxai::logAccess(meta, 404, 1000);
        QCOMPARE(onlyLine().value(QStringLiteral("path")).toString(),
            QStringLiteral("/api/v1/a%20b%0Ac%22d/%C3%A9"));

        g_lines.clear();
        meta.path = QStringLiteral("/") + QString(5000, QLatin1Char('x'));
        joxai::logAccess(meta, 404, 1000);
        QCOMPARE(onlyLine().value(QStringLiteral("path")).toString().size(), 256);
    }

    void serverErrorsAreWarningsEvenWithTheAccessLogOff()
    {
        QVERIFY(joxai::applyLogLevel(QStringLiteral("info"), false));
        joxai::logAccess(ticketsMeta(), 200, 1000);
        QVERIFY(g_lines.isEmpty());
        joxai::logAccess(ticketsMeta(), 500, 1000);
        const QJsonObject o = onlyLine();
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 500);
    }

    void levelAboveInfoKeepsOnlyServerErrors()
    {
        QVERIFY(joxai::applyLogLevel(QStringLiteral("warning")));
        joxai::logAccess(ticketsMeta(), 201, 1000);
        joxai::logAccess(ticketsMeta(), 429, 1000);
        QVERIFY(g_lines.isEmpty());
        joxai::logAccess(ticketsMeta(), 503, 1000);
        QCOMPARE(onlyLine().value(QStringLiteral("status")).toInt(), 503);
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
