#include "server/mail/smtpsender.h"

#include <QHostAddress>

#include <QUrl>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace joxai {

namespace {

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *u = static_cast<Upload *>(userdata);
    const size_t left = size_t(u->data->size() - u->offset);
    const size_t n = qMin(left, size * count);
    std::memcpy(buffer, u->data->constData() + u->offset, n);
    u->offset += qsizetype(n);
    return n;
}

int progress(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *abort = static_cast<const std::function<bool()> *>(userdata);
    return (*abort && (*abort)()) ? 1 : 0;
}

bool isSessionFailure(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_USE_SSL_FAILED:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_LOGIN_DENIED:
        return true;
    default:
        return false;
    }
}

// libcurl's global set-up is not thread-safe on every build: once, before any transfer.
void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

SmtpSender::SmtpSender(SmtpSettings settings) : m_settings(std::move(settings))
{
    initCurl();
}

QByteArray SmtpSender::url(const QString &ehloDomain) const
{
    const bool tls = m_settings.security == QLatin1String("tls");
    QString host = m_settings.host;
    if (host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('[')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    // The path is the name curl gives in EHLO.
    return (tls ? QByteArrayLiteral("smtps://") : QByteArrayLiteral("smtp://")) + host.toUtf8() + ':'
           + QByteArray::number(m_settings.port) + '/' + QUrl::toPercentEncoding(ehloDomain);
}

SmtpSender::Attempt SmtpSender::send(const QString &from, const QString &to, const QByteArray &message,
                                     const std::function<bool()> &abort) const
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return {Outcome::ServerDown, QStringLiteral("libcurl could not start a transfer")};
    const QByteArray domain = from.section(QLatin1Char('@'), 1).toUtf8();
    const QByteArray address = url(QString::fromUtf8(domain));
    const QByteArray mailFrom = '<' + from.toUtf8() + '>';
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    const QByteArray rcptTo = '<' + to.toUtf8() + '>';
    curl_slist *recipients = curl_slist_append(nullptr, rcptTo.constData());
    Upload upload{&message, 0};
    char reason[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // we are not on the main thread: no SIGALRM
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_settings.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(qMin(m_settings.timeoutSeconds, 15)));
    if (m_settings.security == QLatin1String("starttls"))
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL)); // never fall back to plain text
    const QByteArray caFile = m_settings.caFile.toLocal8Bit();
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &abort);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, reason);

    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);

    if (code == CURLE_OK)
        return {Outcome::Sent, QString()};
    QString error = QString::fromUtf8(curl_easy_strerror(code));
    if (reason[0] != '\0')
        error += QStringLiteral(": ") + QString::fromUtf8(reason);
    if (reply > 0)
        error += QStringLiteral(" (SMTP %1)").arg(reply);
    if (code == CURLE_PEER_FAILED_VERIFICATION) // curl's wording alone does not say what to do
        error += QStringLiteral("; the SMTP server's certificate was refused: not signed by a CA in %1, "
                                "expired, or not made for %2")
                     .arg(m_settings.caFile.isEmpty() ? QStringLiteral("the system's trust store (see SMTP_CA_FILE)")
                                                      : m_settings.caFile,
                          m_settings.host);
    if (code == CURLE_ABORTED_BY_CALLBACK)
        return {Outcome::Aborted, error};
    return {isSessionFailure(code) ? Outcome::ServerDown : Outcome::Failed, error};
}

bool sendsPasswordInClear(const SmtpSettings &settings)
{
    if (settings.security != QLatin1String("none") || settings.user.isEmpty())
        return false;
    const QString host = settings.host.trimmed().toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return false;
    const QHostAddress address(host.startsWith(QLatin1Char('[')) ? host.mid(1, host.size() - 2) : host);
    return address.isNull() || !address.isLoopback();
}

} // namespace joxai
