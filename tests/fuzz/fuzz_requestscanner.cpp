// libFuzzer target: RequestScanner, the framing check of the HTTP connection guard, which sees
// every byte a client sends before QHttpServer does. The first two bytes pick small limits and
// where the connection's bytes are cut into reads. Properties:
//  - how the bytes arrive does not matter: read at once or cut anywhere, the same requests and
//    the same verdict come out;
//  - a request reported complete (one followed by another) never claims more body than the input
//    holds, and no head reported as accepted exceeds the body limit;
//  - after a verdict other than Ok the scanner answers it again and reports nothing more.
// AddressSanitizer checks it never reads outside what it was given.
#include "server/api/requestscanner.h"

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace joxai;

namespace {

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

bool sameHead(const RequestScanner::Head &a, const RequestScanner::Head &b)
{
    return a.http10 == b.http10 && a.closeAfter == b.closeAfter && a.keepAlive10 == b.keepAlive10
           && a.expectContinue == b.expectContinue && a.upgrade == b.upgrade
           && a.contentLength == b.contentLength && a.chunked == b.chunked;
}

struct Run
{
    RequestScanner::Verdict verdict = RequestScanner::Verdict::Ok;
    QList<RequestScanner::Head> heads;
    RequestScanner::RequestLine current; // what a refusal's access line would say
};

Run scan(RequestScanner::Limits limits, QByteArrayView bytes, size_t cut)
{
    RequestScanner scanner(limits);
    Run run;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        // cut 0: everything in one read; otherwise reads of 1..cut bytes, varying so every
        // boundary gets tried somewhere.
        const qsizetype length = cut == 0 ? bytes.size() - pos
                                          : std::min<qsizetype>(bytes.size() - pos, qsizetype(1 + (size_t(pos) * 7 + cut) % cut));
        // A copy of exactly the read, so ASan sees any access past it.
        const std::vector<char> read(bytes.data() + pos, bytes.data() + pos + length);
        const RequestScanner::Outcome out = scanner.feed(QByteArrayView(read.data(), length));
        if (run.verdict != RequestScanner::Verdict::Ok) {
            check(out.verdict == run.verdict && out.heads.isEmpty());
        } else {
            run.heads += out.heads;
            run.verdict = out.verdict;
        }
        pos += length;
    }
    if (run.verdict != RequestScanner::Verdict::Ok) {
        const RequestScanner::Outcome again = scanner.feed(QByteArrayView("GET / HTTP/1.1\r\n\r\n"));
        check(again.verdict == run.verdict && again.heads.isEmpty());
    }
    run.current = scanner.currentRequest();
    check(!run.current.path.contains('?') && !run.current.path.contains(' ') && !run.current.method.contains(' '));
    check(run.current.requestId.size() <= limits.maxHeaderBytes);
    check(run.current.method.size() <= 16
        && std::all_of(run.current.method.cbegin(), run.current.method.cend(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    return run;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    RequestScanner::Limits limits;
    limits.maxHeaderBytes = 32 + data[0] * 4; // 32..1052: small enough to be reached
    limits.maxBodyBytes = data[1] * 16;       // 0..4080
    const size_t cut = 1 + data[1] % 64;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));

    const Run whole = scan(limits, bytes, 0);
    const Run pieces = scan(limits, bytes, cut);
    check(whole.verdict == pieces.verdict && whole.heads.size() == pieces.heads.size());
    check(whole.current.method == pieces.current.method && whole.current.path == pieces.current.path
        && whole.current.requestId == pieces.current.requestId);
    for (qsizetype k = 0; k < whole.heads.size(); ++k)
        check(sameHead(whole.heads[k], pieces.heads[k]));

    // Every request before the last one is complete: its head (at least a request line and the
    // blank line) and its declared body were all in the input.
    qint64 consumed = 0;
    for (qsizetype k = 0; k < whole.heads.size(); ++k) {
        const RequestScanner::Head &h = whole.heads[k];
        check(h.contentLength >= 0);
        // The last head may be the refused one (smuggling, too large a body): no promise there.
        const bool last = k == whole.heads.size() - 1;
        if (!last || whole.verdict == RequestScanner::Verdict::Ok)
            check(!(h.chunked && h.contentLength > 0) && (h.chunked || h.contentLength <= limits.maxBodyBytes));
        consumed += 2 + (last || h.chunked ? 0 : h.contentLength);
    }
    check(consumed <= bytes.size());
    return 0;
}
