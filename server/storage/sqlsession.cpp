#include "server/storage/sqlsession.h"

#include "server/core/logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QTimeZone>

#include <libpq-fe.h>

namespace joxai {

namespace {

// "YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH[:MM]]" (SQLite's stored text, PostgreSQL's
// timestamptz cast to text) → milliseconds since the epoch, without QDateTime::fromString (a
// ticket page reads four a row). No zone means UTC. The fraction is rounded to milliseconds as
// Qt rounds it. Anything else → nullopt, and the caller asks Qt.
std::optional<qint64> isoMsecs(QStringView t)
{
    auto digits = [&t](qsizetype at, qsizetype count) -> int {
        if (at + count > t.size())
            return -1;
        int v = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    if (t.size() < 19 || t[4] != u'-' || t[7] != u'-' || (t[10] != u'T' && t[10] != u' ') || t[13] != u':'
        || t[16] != u':')
        return std::nullopt;
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    const int hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    qsizetype at = 19;
    int msec = 0;
    if (at < t.size() && t[at] == u'.') {
        ++at;
        const qsizetype start = at;
        qint64 fraction = 0, scale = 1;
        while (at < t.size() && t[at].isDigit()) {
            if (at - start < 9) {
                fraction = fraction * 10 + (t[at].unicode() - u'0');
                scale *= 10;
            }
            ++at;
        }
        if (at == start)
            return std::nullopt;
        msec = int(qMin<qint64>((fraction * 1000 + scale / 2) / scale, 999));
    }
    int offsetSecs = 0;
    if (at < t.size() && t[at] == u'Z') {
        ++at;
    } else if (at < t.size() && (t[at] == u'+' || t[at] == u'-')) {
        const int sign = t[at] == u'-' ? -1 : 1;
        const int oh = digits(at + 1, 2);
        if (oh < 0 || oh > 23)
            return std::nullopt;
        at += 3;
        int om = 0;
        if (at < t.size() && t[at] == u':') {
            om = digits(at + 1, 2);
            at += 3;
        } else if (at + 2 == t.size()) {
            om = digits(at, 2);
            at += 2;
        }
        if (om < 0 || om > 59)
            return std::nullopt;
        offsetSecs = sign * (oh * 3600 + om * 60);
    }
    if (at != t.size())
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid()) // 2026-02-30
        return std::nullopt;
    const qint64 days = QDate(1970, 1, 1).daysTo(date);
    return ((days * 86400 + hour * 3600 + minute * 60 + second) - offsetSecs) * 1000 + msec;
}

} // namespace

SqlSession::SqlSession(QSqlDatabase db, Dialect dialect, std::optional<Error> openError)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_openError(std::move(openError))
{
}

QString SqlSession::loggable(const QSqlError &error)
{
    QString text = error.databaseText();
    for (const QLatin1String marker :
        { QLatin1String("DETAIL:"), QLatin1String("CONTEXT:"), QLatin1String("HINT:") }) {
        const qsizetype at = text.indexOf(marker);
        if (at >= 0)
            text.truncate(at);
    }
    text = text.simplified();
    const QString driver = error.driverText().simplified();
    QString out = error.nativeErrorCode().isEmpty()
        ? QString()
        : QLatin1Char('[') + error.nativeErrorCode() + QStringLiteral("] ");
    out += text;
    if (!driver.isEmpty() && !text.contains(driver))
        out += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + driver;
    return out;
}

bool SqlSession::connectionLost() const
{
    if (!m_db.isOpen())
        return true;
    if (m_dialect != Dialect::Postgres)
        return false;
    const QVariant handle = m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    auto *conn = *static_cast<PGconn *const *>(handle.data());
    return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

namespace {

// SQLSTATEs with which PostgreSQL itself says it is going away or not there yet: class 08
// (connection exception) and 57P01–57P05 (admin shutdown, crash shutdown, cannot connect now,
// database dropped, idle session timeout). A statement running when the server stops fails
// with 57P01 while libpq still reports the connection as fine (Qt reads forward-only results a
// row at a time and never reaches the end of the stream), so the state alone would make it 500.
bool serverGoingAway(const QString &sqlState)
{
    return sqlState.startsWith(QLatin1String("08"))
        || (sqlState.size() == 5 && sqlState.startsWith(QLatin1String("57P0")) && sqlState.at(4) >= QLatin1Char('1')
            && sqlState.at(4) <= QLatin1Char('5'));
}

} // namespace

bool SqlSession::isConstraintViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_dialect == Dialect::Postgres)
        return code.size() == 5 && code.startsWith(QLatin1String("23")); // class 23: integrity constraint violation
    // SQLite extended codes: UNIQUE, PRIMARY KEY, FOREIGN KEY, CHECK, NOT NULL.
    static const QStringList constraints{QStringLiteral("2067"), QStringLiteral("1555"), QStringLiteral("787"),
                                         QStringLiteral("275"), QStringLiteral("1299")};
    return constraints.contains(code);
}

Error SqlSession::failure(const QSqlError &error, const QString &sql)
{
    // QSQLITE labels every failed statement a ConnectionError (a UNIQUE violation included), so
    // only PostgreSQL's label is believed; a closed SQLite handle is caught by connectionLost().
    if (connectionLost()
        || (m_dialect == Dialect::Postgres
            && (error.type() == QSqlError::ConnectionError || serverGoingAway(error.nativeErrorCode())))) {
        qCWarning(lcStorage).noquote() << "database connection lost:" << loggable(error);
        m_db.close(); // the next session on this thread reconnects
        return Error::unavailable();
    }
    const QString code = error.nativeErrorCode();
    // PostgreSQL SQLSTATE 23505; SQLite extended codes 2067 (UNIQUE) and 1555 (PRIMARY KEY).
    if (code == QLatin1String("23505") || code == QLatin1String("2067") || code == QLatin1String("1555"))
        return Error::make(ErrorKind::Conflict, QStringLiteral("conflict"),
            QStringLiteral("A record with the same unique value already exists."));
    // SQLite busy/locked after the busy timeout: the database is overloaded, not broken.
    if (m_dialect == Dialect::Sqlite && (code == QLatin1String("5") || code == QLatin1String("6"))) {
        qCWarning(lcStorage).noquote() << "database busy:" << loggable(error);
        return Error::unavailable();
    }
    qCWarning(lcStorage).noquote() << "SQL failed:" << loggable(error) << "in:" << sql.simplified().left(200);
    return Error::internal();
}

Result<QSqlQuery> SqlSession::exec(const QString &sql, const QVariantList &values)
{
    if (m_openError)
        return *m_openError;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return failure(q.lastError(), sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return failure(q.lastError(), sql);
    return q;
}

Status SqlSession::execRaw(const QString &sql)
{
    if (m_openError)
        return *m_openError;
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return failure(q.lastError(), sql);
    return success();
}

Result<std::optional<QVariant>> SqlSession::scalar(const QString &sql, const QVariantList &values)
{
    auto q = exec(sql, values);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QVariant>();
    return std::optional<QVariant>(q->value(0));
}

Result<qint64> SqlSession::insert(const QString &sql, const QVariantList &values)
{
    auto id = scalar(sql, values);
    if (!id)
        return id.error();
    if (!id->has_value())
        return Error::internal();
    return id->value().toLongLong();
}

Status SqlSession::begin()
{
    return execRaw(
        m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
}

Status SqlSession::commit()
{
    return execRaw(QStringLiteral("COMMIT"));
}

void SqlSession::rollback()
{
    if (m_db.isOpen()) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

QVariant SqlSession::time(const QDateTime &t) const
{
    if (!t.isValid())
        return QVariant(
            m_dialect == Dialect::Sqlite ? QMetaType::fromType<QString>() : QMetaType::fromType<QDateTime>());
    const QDateTime utc = t.toUTC();
    if (m_dialect == Dialect::Sqlite)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return utc;
}

QDateTime SqlSession::readTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.metaType() == QMetaType::fromType<QDateTime>()) {
        // QPSQL hands out zoned times; QDateTime::toUTC() goes through the general time-spec
        // conversion, which showed in profiles of list pages (4 times a row).
        const QDateTime d = v.toDateTime();
        if (d.timeSpec() == Qt::UTC)
            return d;
        if (d.timeSpec() == Qt::OffsetFromUTC)
            return QDateTime::fromMSecsSinceEpoch(d.toMSecsSinceEpoch(), Qt::UTC);
        return d.toUTC();
    }
    const QString text = v.toString();
    if (const auto ms = isoMsecs(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

QString SqlSession::isoTime(const QDateTime &t)
{
    if (!t.isValid())
        return QString();
    // Written by hand: QDateTime::toString(Qt::ISODate) (a time-spec conversion and printf-style
    // formatting) was the largest single cost of a 50-ticket page. Same text, years 1970–9999;
    // anything else goes through Qt.
    const qint64 ms = t.toMSecsSinceEpoch();
    constexpr qint64 kYear10000 = 253402300800000; // 10000-01-01T00:00:00Z
    if (ms < 0 || ms >= kYear10000)
        return t.toUTC().toString(Qt::ISODate);
    const qint64 secs = ms / 1000;
    qint64 days = secs / 86400;
    const int daySecs = int(secs % 86400);
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, proleptic Gregorian).
    days += 719468;
    const qint64 era = days / 146097;
    const int doe = int(days - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    const int year = int(yoe + era * 400) + (month <= 2 ? 1 : 0);
    char out[20];
    auto two = [&out](int at, int v) {
        out[at] = char('0' + v / 10);
        out[at + 1] = char('0' + v % 10);
    };
    two(0, year / 100);
    two(2, year % 100);
    out[4] = '-';
    two(5, month);
    out[7] = '-';
    two(8, day);
    out[10] = 'T';
    two(11, daySecs / 3600);
    out[13] = ':';
    two(14, daySecs / 60 % 60);
    out[16] = ':';
    two(17, daySecs % 60);
    QString text(20, Qt::Uninitialized);
    QChar *dst = text.data();
    for (int i = 0; i < 19; ++i)
        dst[i] = QLatin1Char(out[i]);
    dst[19] = QLatin1Char('Z');
    return text;
}

QVariant SqlSession::text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString SqlSession::nowSql() const
{
    return m_dialect == Dialect::Postgres ? QStringLiteral("now()")
                                          : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
}

QString SqlSession::bindMarkers(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

QString SqlSession::containsPattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace joxai
