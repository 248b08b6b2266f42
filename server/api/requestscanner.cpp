#include "server/api/requestscanner.h"

#include <algorithm>

namespace joxai {

namespace {

constexpr qsizetype kMaxChunkLine = 1024;

bool parseLength(const QByteArray &text, qint64 &out)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty() || t.size() > 18)
        return false;
    for (char c : t)
        if (c < '0' || c > '9')
            return false;
    out = t.toLongLong();
    return true;
}

} // namespace

RequestScanner::RequestScanner(Limits limits)
    : m_limits(limits)
{
}

bool RequestScanner::parseHead(Head &head) const
{
    const QList<QByteArray> lines = m_head.split('\n');
    const QByteArray requestLine = lines.first().trimmed();
    const qsizetype space = requestLine.lastIndexOf(' ');
    if (space <= 0)
        return false;
    const QByteArray version = requestLine.mid(space + 1);
    if (!version.startsWith("HTTP/1."))
        return false;
    head.http10 = version == "HTTP/1.0";

    bool close = false;
    bool keepAlive = false;
    bool connectionUpgrade = false;
    bool hasUpgrade = false;
    bool hasLength = false;
    bool hasTransferEncoding = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // the empty end line; anything odd is left to QHttpServer's parser
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "connection") {
            for (const QByteArray &token : value.split(',')) {
                const QByteArray t = token.trimmed().toLower();
                close = close || t == "close";
                keepAlive = keepAlive || t == "keep-alive";
                connectionUpgrade = connectionUpgrade || t == "upgrade";
            }
        } else if (name == "upgrade") {
            hasUpgrade = !value.isEmpty();
        } else if (name == "expect") {
            head.expectContinue = value.toLower() == "100-continue";
        } else if (name == "content-length") {
            qint64 length = 0;
            if (!parseLength(value, length) || (hasLength && length != head.contentLength))
                return false; // unreadable or conflicting lengths: refuse rather than guess
            hasLength = true;
            head.contentLength = length;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            head.chunked = value.toLower().split(',').last().trimmed() == "chunked";
        }
    }
    // Both framings at once is how requests are smuggled; a coding other than chunked cannot be
    // delimited. Neither has a use in this API.
    if (hasTransferEncoding && (hasLength || !head.chunked))
        return false;
    head.upgrade = connectionUpgrade && hasUpgrade;
    head.closeAfter = head.http10 ? !keepAlive : close;
    head.keepAlive10 = head.http10 && keepAlive;
    return true;
}

RequestScanner::RequestLine RequestScanner::currentRequest() const
{
    RequestLine out;
    if (m_state == State::Idle)
        return out;
    const QList<QByteArray> lines = m_head.split('\n');
    if (lines.size() < 2)
        return out; // the request line itself is not complete
    const QList<QByteArray> parts = lines.first().trimmed().split(' ');
    if (parts.size() != 3)
        return out;
    // The method goes into the access line as it is (the path is percent-encoded there): only a
    // plain one, so a client cannot write control bytes or 16 KiB of text into the log.
    const QByteArray &method = parts.at(0);
    const bool plainMethod = !method.isEmpty() && method.size() <= 16
        && std::all_of(method.cbegin(), method.cend(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (plainMethod)
        out.method = method;
    const qsizetype query = parts.at(1).indexOf('?');
    out.path = query < 0 ? parts.at(1) : parts.at(1).left(query);
    // Only complete lines: the last piece may be cut anywhere.
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "x-request-id")
            out.requestId = line.mid(colon + 1).trimmed();
    }
    return out;
}

RequestScanner::Outcome RequestScanner::feed(QByteArrayView bytes)
{
    Outcome out;
    const auto stop = [&](Verdict v) {
        m_state = State::Stopped;
        m_stopVerdict = v;
        out.verdict = v;
        return out;
    };
    if (m_state == State::Stopped) {
        out.verdict = m_stopVerdict;
        return out;
    }
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        switch (m_state) {
        case State::Idle:
            // Empty lines before a request line are ignored (RFC 9112 §2.2).
            while (i < n && (bytes[i] == '\r' || bytes[i] == '\n'))
                ++i;
            if (i < n) {
                m_state = State::Head;
                m_head.clear();
            }
            break;
        case State::Head: {
            const qsizetype before = m_head.size();
            const qsizetype take = std::min<qsizetype>(n - i, m_limits.maxHeaderBytes - before);
            m_head.append(bytes.data() + i, take);
            const qsizetype from = std::max<qsizetype>(0, before - 2);
            qsizetype end = -1;
            for (qsizetype p = m_head.indexOf('\n', from); p >= 0; p = m_head.indexOf('\n', p + 1)) {
                if (p + 1 < m_head.size() && m_head.at(p + 1) == '\n') {
                    end = p + 2;
                    break;
                }
                if (p + 2 < m_head.size() && m_head.at(p + 1) == '\r' && m_head.at(p + 2) == '\n') {
                    end = p + 3;
                    break;
                }
            }
            if (end < 0) {
                if (m_head.size() >= m_limits.maxHeaderBytes)
                    return stop(Verdict::HeaderTooLarge);
                i += take;
                break;
            }
            i += end - before;
            m_head.truncate(end);
            Head head;
            const bool readable = parseHead(head);
            out.heads.append(head);
            if (!readable)
                return stop(Verdict::BadRequest);
            if (head.upgrade)
                return stop(Verdict::Upgrade);
            if (head.chunked) {
                m_state = State::ChunkSize;
                m_bodySeen = 0;
                m_line.clear();
            } else if (head.contentLength > m_limits.maxBodyBytes) {
                return stop(Verdict::BodyTooLarge);
            } else if (head.contentLength > 0) {
                m_state = State::Body;
                m_bodyLeft = head.contentLength;
            } else {
                m_state = State::Idle;
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(n - i, m_bodyLeft);
            i += take;
            m_bodyLeft -= take;
            if (m_bodyLeft == 0)
                m_state = m_state == State::Body ? State::Idle : State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            const char c = bytes[i++];
            if (c == '\n')
                m_state = State::ChunkSize;
            else if (c != '\r')
                return stop(Verdict::BadRequest);
            break;
        }
        case State::ChunkSize:
        case State::Trailer: {
            const char c = bytes[i++];
            if (c != '\n') {
                m_line.append(c);
                if (m_state == State::ChunkSize && m_line.size() > kMaxChunkLine)
                    return stop(Verdict::BadRequest);
                if (m_state == State::Trailer && m_line.size() > m_limits.maxHeaderBytes)
                    return stop(Verdict::HeaderTooLarge);
                break;
            }
            const QByteArray line = m_line.trimmed();
            m_line.clear();
            if (m_state == State::Trailer) {
                if (line.isEmpty())
                    m_state = State::Idle; // end of the chunked request
                break;
            }
            bool ok = false;
            const QByteArray hex = line.split(';').first().trimmed();
            const qint64 size = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0)
                return stop(Verdict::BadRequest);
            if (m_bodySeen + size > m_limits.maxBodyBytes)
                return stop(Verdict::BodyTooLarge);
            m_bodySeen += size;
            if (size == 0) {
                m_state = State::Trailer;
            } else {
                m_bodyLeft = size;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::Stopped:
            return out;
        }
    }
    return out;
}

} // namespace joxai
