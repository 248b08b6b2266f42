#pragma once
// Reads the bytes of an HTTP/1.x connection as they arrive, without keeping them, to find where
// each request starts and ends before QHttpServer's parser sees it. It checks only framing: the
// size of the request head, the declared or chunked body size, and the few headers the
// connection guard acts on (Connection, Expect, Upgrade). Pure (no sockets), so it can be
// fuzzed on its own. Used by GuardedTcpServer.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace joxai {

class RequestScanner
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
    };
    // What the guard needs to know about one request head.
    struct Head
    {
        bool http10 = false;
        bool closeAfter = false; // HTTP/1.0 without keep-alive, or Connection: close
        bool keepAlive10 = false; // HTTP/1.0 with Connection: keep-alive
        bool expectContinue = false; // Expect: 100-continue
        bool upgrade = false; // Connection: upgrade + Upgrade: … (WebSocket handshake)
        qint64 contentLength = 0;
        bool chunked = false;
    };
    enum class Verdict { Ok, HeaderTooLarge, BodyTooLarge, BadRequest, Upgrade };
    struct Outcome
    {
        Verdict verdict = Verdict::Ok;
        QList<Head> heads; // heads completed by this chunk, in order (the last one may be the bad one)
    };

    explicit RequestScanner(Limits limits);

    // Feeds the next bytes of the connection. After a verdict other than Ok the scanner stops:
    // later calls answer the same verdict and look at nothing.
    Outcome feed(QByteArrayView bytes);
    // True between the first byte of a request and the last byte of its body.
    bool inRequest() const { return m_state != State::Idle; }

    // The request being read, or the one that stopped the scanner, for the line a refusal
    // leaves in the access log: method (only a plain one: A–Z, at most 16) and target (query cut) once its request line is
    // complete, the raw X-Request-Id once that header line is. Empty between requests.
    // Computed on demand: refusals are rare, and the hot path keeps no copies.
    struct RequestLine
    {
        QByteArray method;
        QByteArray path;
        QByteArray requestId;
    };
    RequestLine currentRequest() const;

private:
    enum class State { Idle, Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Stopped };

    bool parseHead(Head &head) const;
    qsizetype feedChunked(QByteArrayView bytes, qsizetype i, Outcome &out);

    Limits m_limits;
    State m_state = State::Idle;
    Verdict m_stopVerdict = Verdict::Ok;
    QByteArray m_head; // the current head (at most maxHeaderBytes)
    qint64 m_bodyLeft = 0; // Content-Length bytes still to come, or of the current chunk
    qint64 m_bodySeen = 0; // chunked: decoded bytes so far
    QByteArray m_line; // chunked: the current size or trailer line
};

} // namespace joxai
