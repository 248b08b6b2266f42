#include "server/assistant/sseparser.h"

namespace joxai {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    qsizetype i = 0;
    if (m_afterCr && i < bytes.size()) {
        if (bytes.at(i) == '\n')
            ++i;
        m_afterCr = false;
    }
    while (i < bytes.size()) {
        qsizetype end = i;
        while (end < bytes.size() && bytes.at(end) != '\n' && bytes.at(end) != '\r')
            ++end;
        m_line.append(bytes.constData() + i, end - i);
        if (end == bytes.size())
            break; // the line goes on in the next chunk
        const bool cr = bytes.at(end) == '\r';
        i = end + 1;
        if (cr) {
            if (i == bytes.size())
                m_afterCr = true; // CR LF may be cut between the two bytes
            else if (bytes.at(i) == '\n')
                ++i;
        }
        const QByteArray line = m_line;
        m_line.clear();
        takeLine(line, out);
    }
    return out;
}

void SseParser::takeLine(const QByteArray &rawLine, QList<SseEvent> &out)
{
    QByteArray line = rawLine;
    if (!m_pastFirstLine) { // a UTF-8 byte order mark may start the stream
        m_pastFirstLine = true;
        if (line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
    }
    if (line.isEmpty()) { // a blank line ends the event
        if (m_hasData) {
            if (m_event.data.endsWith('\n'))
                m_event.data.chop(1);
            out.append(m_event);
        }
        m_event = {};
        m_hasData = false;
        m_hasFields = false;
        return;
    }
    if (line.startsWith(':'))
        return; // a comment (keep-alive)
    m_hasFields = true;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_event.event = value;
    } else if (field == "data") {
        m_event.data += value;
        m_event.data += '\n';
        m_hasData = true;
    }
    // "id" and "retry" concern reconnecting clients; the providers' streams are not resumed.
}

bool SseParser::hasPartialEvent() const
{
    return m_hasFields || !m_line.isEmpty();
}

void SseParser::reset()
{
    *this = SseParser();
}

} // namespace joxai
