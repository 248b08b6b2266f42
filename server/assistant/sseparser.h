#pragma once
// Server-Sent Events (text/event-stream), the framing of the Anthropic and OpenAI streams. Bytes
// arrive in chunks cut anywhere (inside a line, between CR and LF); feed() returns the events that
// are complete so far and keeps the rest for the next chunk.

#include <QByteArray>
#include <QList>

namespace joxai {

struct SseEvent
{
    QByteArray event; // the "event:" field; empty when the stream names none (OpenAI)
    QByteArray data;  // the "data:" lines, joined with '\n'
};

class SseParser final
{
public:
    QList<SseEvent> feed(const QByteArray &bytes);
    // True while bytes of an event that is not finished yet are held (a stream ending then was cut).
    bool hasPartialEvent() const;
    void reset();

private:
    void takeLine(const QByteArray &rawLine, QList<SseEvent> &out);

    QByteArray m_line;        // the current line, not yet ended
    bool m_afterCr = false;   // the last chunk ended with CR: an LF starting the next one ends nothing
    bool m_pastFirstLine = false;
    SseEvent m_event;         // fields of the event being read
    bool m_hasData = false;
    bool m_hasFields = false;
};

} // namespace joxai
