// joxai-wsload: holds many staff WebSockets open against joxai-server and measures how fast an
// event written to PostgreSQL reaches every one of them (tests/bench/wsbench.sh drives it).
//
//   joxai-wsload --url ws://127.0.0.1:PORT --token JWT [--token JWT2 ...] --sockets N
//                [--addresses K] [--pg postgresql://user@127.0.0.1:PORT/db --events M --interval-ms I]
//                [--server-pid PID] [--hold-seconds S]
//
// The WebSocket client is hand-rolled on non-blocking sockets and one epoll thread: QWebSocket
// cannot bind a source address (needed to spread 10,000+ sockets over 127.0.0.1..127.0.0.K, the
// loopback port range allows ~28,000 per address pair) and costs far more memory and CPU per
// socket than this benchmark should take from the server it measures. It speaks just what the
// staff socket needs: the upgrade handshake (Sec-WebSocket-Accept checked), unmasked frames from
// the server (text, continuation, ping, close), masked frames from the client (pong, close).
//
// Phases: open N sockets (at most --batch handshakes in flight), wait for every "hello"; read the
// server's RSS (--server-pid) before and after; hold them --hold-seconds (answering the server's
// pings); then insert M events of visibility 'staff' with payload {"sent_us": CLOCK_REALTIME µs},
// each with pg_notify('joxai_events', id) in the same transaction, --interval-ms apart; every socket
// records receive time - sent_us. The result is one JSON object on stdout; progress goes to stderr.
// Exit status: 0 ran, 1 nothing could be opened or the database failed, 2 usage.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif

namespace {

qint64 realtimeMicros()
{
    timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

qint64 rssKb(const QString &statusFile)
{
    QFile f(statusFile);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

struct Options
{
    QString host;
    quint16 port = 0;
    QByteArray target; // path?token=...
    QList<QByteArray> tokens;
    int sockets = 0;
    int addresses = 1;
    int batch = 500;
    int openTimeoutSeconds = 180;
};

struct Conn
{
    enum State : quint8 { Idle, Connecting, Handshake, Open, Closed };
    int fd = -1;
    State state = Idle;
    bool hello = false;
    QByteArray accept; // expected Sec-WebSocket-Accept
    std::string in;
    std::string out;
    std::string message; // a fragmented message being assembled
};

// All sockets live on one thread; the main thread reads only the atomics until it joins.
class LoadClient final
{
public:
    explicit LoadClient(Options o)
        : m_opt(std::move(o))
        , m_conns(size_t(m_opt.sockets))
    {
    }

    std::atomic<int> opened { 0 }; // hello received
    std::atomic<int> failed { 0 }; // never got to hello
    std::atomic<int> closedAfterOpen { 0 };
    std::atomic<qint64> deliveries { 0 };
    std::atomic<qint64> pingsAnswered { 0 };
    std::atomic<bool> stop { false };

    int openNow() const { return opened.load() - closedAfterOpen.load(); }
    bool openingDone() const { return opened.load() + failed.load() >= m_opt.sockets; }

    // Only valid after the thread has ended.
    std::vector<qint64> latencies;
    std::map<std::string, int> failures;
    std::map<std::string, int> closes;
    // Per event id: latency of its first and of its last delivery (their gap is the fan-out spread).
    struct FirstLast
    {
        qint64 first = 0;
        qint64 last = 0;
        qint64 count = 0;
    };
    std::unordered_map<qint64, FirstLast> firstLast;

    void run()
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0) {
            std::perror("epoll_create1");
            failed = m_opt.sockets;
            return;
        }
        std::vector<epoll_event> events(1024);
        while (!stop.load(std::memory_order_relaxed)) {
            while (m_next < m_opt.sockets && m_next - (opened.load() + failed.load()) < m_opt.batch)
                start(m_next++);
            const int n = epoll_wait(m_epoll, events.data(), int(events.size()), 20);
            // Stamped per socket, not per batch: a batch can hold hundreds of ready sockets.
            for (int i = 0; i < n; ++i)
                handle(int(events[size_t(i)].data.u32), events[size_t(i)].events, realtimeMicros());
        }
        for (Conn &c : m_conns)
            if (c.fd >= 0)
                ::close(c.fd);
        ::close(m_epoll);
    }

private:
    void fail(Conn &c, const std::string &reason)
    {
        const bool wasOpen = c.hello;
        if (c.fd >= 0)
            ::close(c.fd); // also leaves the epoll set
        c.fd = -1;
        c.state = Conn::Closed;
        c.in.clear();
        c.in.shrink_to_fit();
        c.out.clear();
        c.out.shrink_to_fit();
        if (wasOpen) {
            ++closes[reason];
            ++closedAfterOpen;
        } else {
            ++failures[reason];
            ++failed;
        }
    }

    void start(int i)
    {
        Conn &c = m_conns[size_t(i)];
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c.fd < 0) {
            fail(c, std::string("socket: ") + std::strerror(errno));
            return;
        }
        const int one = 1;
        setsockopt(c.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in local {};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(INADDR_LOOPBACK + quint32(i % m_opt.addresses)); // 127.0.0.1 + k
        if (::bind(c.fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
            fail(c, std::string("bind: ") + std::strerror(errno));
            return;
        }
        sockaddr_in remote {};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(m_opt.port);
        inet_pton(AF_INET, m_opt.host.toLatin1().constData(), &remote.sin_addr);
        if (::connect(c.fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) != 0
            && errno != EINPROGRESS) {
            fail(c, std::string("connect: ") + std::strerror(errno));
            return;
        }
        c.state = Conn::Connecting;
        QByteArray key(16, '\0');
        for (char &ch : key)
            ch = char(m_random() & 0xff);
        key = key.toBase64();
        c.accept = QCryptographicHash::hash(
            QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
                       .toBase64();
        const QByteArray &token = m_opt.tokens.at(i % m_opt.tokens.size());
        const QByteArray request = QByteArray("GET ") + m_opt.target + token
            + " HTTP/1.1\r\nHost: " + m_opt.host.toLatin1() + ':' + QByteArray::number(m_opt.port)
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        c.out.assign(request.constData(), size_t(request.size()));
        epoll_event ev {};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
        ev.data.u32 = quint32(i);
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev) != 0)
            fail(c, std::string("epoll_ctl: ") + std::strerror(errno));
    }

    void handle(int i, quint32 flags, qint64 now)
    {
        Conn &c = m_conns[size_t(i)];
        if (c.fd < 0)
            return;
        if (c.state == Conn::Connecting && (flags & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
            if (err != 0)
                return fail(c, std::string("connect: ") + std::strerror(err));
            c.state = Conn::Handshake;
        }
        if ((flags & EPOLLOUT) && !flush(i, c))
            return;
        if (flags & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            readAll(i, c, now);
    }

    bool flush(int i, Conn &c)
    {
        while (!c.out.empty()) {
            const ssize_t w = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
            if (w < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;
                fail(c, std::string("send: ") + std::strerror(errno));
                return false;
            }
            c.out.erase(0, size_t(w));
        }
        epoll_event ev {};
        ev.events = EPOLLIN | EPOLLRDHUP | (c.out.empty() ? 0u : quint32(EPOLLOUT));
        ev.data.u32 = quint32(i);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        return true;
    }

    void send(int i, Conn &c, int opcode, const std::string &payload)
    {
        // Client frames are masked (RFC 6455 5.3); control payloads are < 126 bytes.
        std::string frame;
        frame.push_back(char(0x80 | opcode));
        frame.push_back(char(0x80 | std::min<size_t>(payload.size(), 125)));
        const quint32 mask = quint32(m_random());
        const char *m = reinterpret_cast<const char *>(&mask);
        frame.append(m, 4);
        for (size_t k = 0; k < std::min<size_t>(payload.size(), 125); ++k)
            frame.push_back(char(payload[k] ^ m[k % 4]));
        c.out += frame;
        flush(i, c);
    }

    void readAll(int i, Conn &c, qint64 now)
    {
        char buf[16384];
        for (;;) {
            const ssize_t r = ::recv(c.fd, buf, sizeof buf, 0);
            if (r > 0) {
                c.in.append(buf, size_t(r));
                continue;
            }
            if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // EOF or error: use what arrived, then the socket is gone.
            parse(i, c, now);
            if (c.fd >= 0)
                fail(c, r == 0 ? "eof" : std::string("recv: ") + std::strerror(errno));
            return;
        }
        parse(i, c, now);
    }

    void parse(int i, Conn &c, qint64 now)
    {
        if (c.state == Conn::Handshake) {
            const size_t end = c.in.find("\r\n\r\n");
            if (end == std::string::npos)
                return;
            const QByteArray head = QByteArray::fromStdString(c.in.substr(0, end)).toLower();
            if (!head.startsWith("http/1.1 101"))
                return fail(c, "http " + head.mid(9, 3).toStdString());
            if (!head.contains(QByteArray("sec-websocket-accept: " + c.accept.toLower())))
                return fail(c, "bad Sec-WebSocket-Accept");
            c.in.erase(0, end + 4);
            c.state = Conn::Open;
        }
        if (c.state != Conn::Open)
            return;
        size_t pos = 0;
        while (c.fd >= 0) {
            const size_t avail = c.in.size() - pos;
            if (avail < 2)
                break;
            const auto *p = reinterpret_cast<const unsigned char *>(c.in.data() + pos);
            const bool fin = p[0] & 0x80;
            const int opcode = p[0] & 0x0f;
            const bool masked = p[1] & 0x80;
            quint64 len = p[1] & 0x7f;
            size_t header = 2;
            if (len == 126) {
                if (avail < 4)
                    break;
                len = (quint64(p[2]) << 8) | p[3];
                header = 4;
            } else if (len == 127) {
                if (avail < 10)
                    break;
                len = 0;
                for (int k = 0; k < 8; ++k)
                    len = (len << 8) | p[2 + k];
                header = 10;
            }
            if (masked)
                return fail(c, "masked frame from server");
            if (avail < header + len)
                break;
            const std::string payload(c.in.data() + pos + header, size_t(len));
            pos += header + size_t(len);
            frame(i, c, fin, opcode, payload, now);
        }
        if (c.fd >= 0)
            c.in.erase(0, pos);
    }

    void frame(int i, Conn &c, bool fin, int opcode, const std::string &payload, qint64 now)
    {
        switch (opcode) {
        case 0x0: // continuation
            c.message += payload;
            if (fin) {
                message(c, c.message, now);
                c.message.clear();
            }
            return;
        case 0x1:
        case 0x2:
            if (fin)
                message(c, payload, now);
            else
                c.message = payload;
            return;
        case 0x8: {
            const int code = payload.size() >= 2 ? (quint8(payload[0]) << 8) | quint8(payload[1]) : 1005;
            send(i, c, 0x8, payload.substr(0, 2));
            std::string reason = "close ";
            reason += std::to_string(code);
            if (payload.size() > 2)
                reason.append(" ").append(payload, 2);
            return fail(c, reason);
        }
        case 0x9:
            send(i, c, 0xA, payload);
            ++pingsAnswered;
            return;
        default:
            return; // pong or reserved: ignored
        }
    }

    void message(Conn &c, const std::string &text, qint64 now)
    {
        if (!c.hello) {
            if (text.find("\"type\":\"hello\"") == std::string::npos)
                return fail(c, "first message was not hello");
            c.hello = true;
            ++opened;
            return;
        }
        constexpr std::string_view sentKey = "\"sent_us\":";
        const size_t at = text.find(sentKey);
        if (at == std::string::npos)
            return; // pong, or an event that is not ours
        // QJsonDocument may print a large integer in exponent form: parse as a double (exact < 2^53).
        const double sent = std::strtod(text.c_str() + at + sentKey.size(), nullptr);
        const qint64 latency = now - qint64(sent);
        latencies.push_back(latency);
        constexpr std::string_view idKey = "\"id\":";
        const size_t idAt = text.find(idKey);
        if (idAt != std::string::npos) {
            const qint64 id = std::strtoll(text.c_str() + idAt + idKey.size(), nullptr, 10);
            FirstLast &fl = firstLast[id];
            if (fl.count++ == 0) {
                fl.first = latency;
                fl.last = latency;
            } else if (latency < fl.first) {
                fl.first = latency;
            } else if (latency > fl.last) {
                fl.last = latency;
            }
        }
        ++deliveries;
    }

    Options m_opt;
    std::vector<Conn> m_conns;
    int m_epoll = -1;
    int m_next = 0;
    std::mt19937 m_random { std::random_device {}() };
};

double percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return -1;
    const size_t rank = size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return double(sorted[std::min(sorted.size() - 1, rank > 0 ? rank - 1 : 0)]) / 1000.0;
}

bool openDatabase(const QString &url, QString *error)
{
    const QUrl u(url);
    if (!u.isValid()
        || (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres"))) {
        *error = QStringLiteral("--pg must be a postgresql:// URL");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("wsload"));
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    db.setDatabaseName(u.path().mid(1));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Staff WebSocket load and fan-out latency for joxai-server."));
    parser.addHelpOption();
    const QCommandLineOption urlOpt(
        QStringLiteral("url"), QStringLiteral("ws://127.0.0.1:PORT[/api/v1/ws]"), QStringLiteral("url"));
    const QCommandLineOption tokenOpt(QStringLiteral("token"),
        QStringLiteral("Staff JWT; repeat to spread sockets over users."), QStringLiteral("jwt"));
    const QCommandLineOption tokensFileOpt(
        QStringLiteral("tokens-file"), QStringLiteral("File with one JWT a line."), QStringLiteral("file"));
    const QCommandLineOption socketsOpt(QStringLiteral("sockets"), QStringLiteral("Sockets to open."),
        QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption addressesOpt(QStringLiteral("addresses"),
        QStringLiteral("Source addresses 127.0.0.1..127.0.0.K."), QStringLiteral("k"), QStringLiteral("1"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"),
        QStringLiteral("Handshakes in flight at most."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption openTimeoutOpt(QStringLiteral("open-timeout"),
        QStringLiteral("Seconds allowed for opening."), QStringLiteral("s"), QStringLiteral("180"));
    const QCommandLineOption holdOpt(QStringLiteral("hold-seconds"),
        QStringLiteral("Keep the sockets open this long before the events."), QStringLiteral("s"),
        QStringLiteral("0"));
    const QCommandLineOption pgOpt(QStringLiteral("pg"),
        QStringLiteral("postgresql:// URL of the server's database."), QStringLiteral("url"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Events to insert."),
        QStringLiteral("m"), QStringLiteral("0"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval-ms"),
        QStringLiteral("Pause between events."), QStringLiteral("ms"), QStringLiteral("20"));
    const QCommandLineOption drainOpt(QStringLiteral("drain-ms"),
        QStringLiteral("Wait this long after the last event for deliveries."), QStringLiteral("ms"),
        QStringLiteral("5000"));
    const QCommandLineOption pidOpt(QStringLiteral("server-pid"),
        QStringLiteral("Read this process's VmRSS before and after opening."), QStringLiteral("pid"));
    parser.addOptions({ urlOpt, tokenOpt, tokensFileOpt, socketsOpt, addressesOpt, batchOpt, openTimeoutOpt,
        holdOpt, pgOpt, eventsOpt, intervalOpt, drainOpt, pidOpt });
    parser.process(app);

    auto usage = [](const char *why) {
        std::fprintf(stderr, "joxai-wsload: %s (see --help)\n", why);
        return 2;
    };
    Options opt;
    const QUrl url(parser.value(urlOpt));
    if (!url.isValid() || url.scheme() != QLatin1String("ws") || url.port() <= 0)
        return usage("--url must be ws://IPV4:PORT[/path]");
    opt.host = url.host();
    in_addr probe {};
    if (inet_pton(AF_INET, opt.host.toLatin1().constData(), &probe) != 1)
        return usage("--url host must be an IPv4 address");
    opt.port = quint16(url.port());
    const QString path = url.path().isEmpty() ? QStringLiteral("/api/v1/ws") : url.path();
    opt.target = path.toUtf8() + "?token=";
    for (const QString &t : parser.values(tokenOpt))
        opt.tokens << QUrl::toPercentEncoding(t.trimmed());
    if (parser.isSet(tokensFileOpt)) {
        QFile f(parser.value(tokensFileOpt));
        if (!f.open(QIODevice::ReadOnly))
            return usage("cannot read --tokens-file");
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                opt.tokens << QUrl::toPercentEncoding(QString::fromUtf8(line.trimmed()));
    }
    if (opt.tokens.isEmpty())
        return usage("give at least one --token or --tokens-file");
    opt.sockets = parser.value(socketsOpt).toInt();
    opt.addresses = parser.value(addressesOpt).toInt();
    opt.batch = parser.value(batchOpt).toInt();
    opt.openTimeoutSeconds = parser.value(openTimeoutOpt).toInt();
    const int holdSeconds = parser.value(holdOpt).toInt();
    const int events = parser.value(eventsOpt).toInt();
    const int intervalMs = parser.value(intervalOpt).toInt();
    const int drainMs = parser.value(drainOpt).toInt();
    if (opt.sockets < 1 || opt.addresses < 1 || opt.addresses > 254 || opt.batch < 1 || events < 0
        || intervalMs < 0)
        return usage("bad --sockets/--addresses/--batch/--events/--interval-ms");
    if (events > 0 && !parser.isSet(pgOpt))
        return usage("--events needs --pg");
    const QString statusFile
        = parser.isSet(pidOpt) ? QStringLiteral("/proc/%1/status").arg(parser.value(pidOpt)) : QString();

    // 10,000 sockets need more descriptors than a typical session's 1,024.
    rlimit nofile {};
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < nofile.rlim_max) {
        nofile.rlim_cur = nofile.rlim_max;
        setrlimit(RLIMIT_NOFILE, &nofile);
    }
    getrlimit(RLIMIT_NOFILE, &nofile);
    if (nofile.rlim_cur < rlim_t(opt.sockets) + 64)
        std::fprintf(stderr, "joxai-wsload: warning: RLIMIT_NOFILE is %llu, fewer than %d sockets need\n",
            static_cast<unsigned long long>(nofile.rlim_cur), opt.sockets + 64);

    QString dbError;
    if (events > 0 && !openDatabase(parser.value(pgOpt), &dbError)) {
        std::fprintf(stderr, "joxai-wsload: database: %s\n", qPrintable(dbError));
        return 1;
    }

    using Clock = std::chrono::steady_clock;
    const qint64 rssBefore = statusFile.isEmpty() ? -1 : rssKb(statusFile);
    LoadClient client(opt);
    const auto t0 = Clock::now();
    std::thread loop([&client] { client.run(); });
    auto finish = [&] {
        client.stop = true;
        loop.join();
    };

    // --- open -------------------------------------------------------------------------------------
    const auto openDeadline = t0 + std::chrono::seconds(opt.openTimeoutSeconds);
    auto lastReport = t0;
    while (!client.openingDone() && Clock::now() < openDeadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (Clock::now() - lastReport > std::chrono::seconds(2)) {
            lastReport = Clock::now();
            std::fprintf(stderr, "  opening: %d open, %d failed of %d\n", client.openNow(),
                client.failed.load(), opt.sockets);
        }
    }
    const double openSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const int openedAll = client.opened.load();
    // Let the server settle (deferred deletes, buffers) before reading its memory.
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const qint64 rssOpen = statusFile.isEmpty() ? -1 : rssKb(statusFile);
    const int openAfterOpening = client.openNow();
    std::fprintf(stderr, "  opened %d of %d in %.1f s (%d failed); %d open now\n", openedAll, opt.sockets,
        openSeconds, client.failed.load(), openAfterOpening);

    if (holdSeconds > 0) {
        std::fprintf(stderr, "  holding %d s\n", holdSeconds);
        std::this_thread::sleep_for(std::chrono::seconds(holdSeconds));
    }
    const int openAfterHold = client.openNow();
    const qint64 rssHeld = statusFile.isEmpty() ? -1 : rssKb(statusFile);

    // --- events -----------------------------------------------------------------------------------
    qint64 expected = 0;
    int sent = 0;
    QString sendError;
    if (events > 0 && client.openNow() > 0) {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("wsload"));
        QSqlQuery q(db);
        // One statement is one transaction: the NOTIFY goes out when the row is committed.
        q.prepare(QStringLiteral(
            "WITH e AS (INSERT INTO events (type, visibility, payload) "
            "VALUES ('bench.fanout', 'staff', jsonb_build_object('sent_us', ?::bigint)) RETURNING id) "
            "SELECT id, pg_notify('joxai_events', id::text) FROM e"));
        const auto start = Clock::now();
        for (int k = 0; k < events; ++k) {
            std::this_thread::sleep_until(start + std::chrono::milliseconds(qint64(k) * intervalMs));
            const int openAtSend = client.openNow();
            q.bindValue(0, realtimeMicros());
            if (!q.exec()) {
                sendError = q.lastError().text();
                break;
            }
            expected += openAtSend;
            ++sent;
        }
        const auto drainDeadline = Clock::now() + std::chrono::milliseconds(drainMs);
        while (client.deliveries.load() < expected && Clock::now() < drainDeadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const int openAtEnd = client.openNow();
    finish();

    // --- report -----------------------------------------------------------------------------------
    std::vector<qint64> lat = std::move(client.latencies);
    std::sort(lat.begin(), lat.end());
    std::vector<qint64> first, spread;
    for (const auto &[id, fl] : client.firstLast) {
        first.push_back(fl.first);
        spread.push_back(fl.last - fl.first);
    }
    std::sort(first.begin(), first.end());
    std::sort(spread.begin(), spread.end());
    rusage self {};
    getrusage(RUSAGE_SELF, &self);
    const double clientCpu = double(self.ru_utime.tv_sec + self.ru_stime.tv_sec)
        + double(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
    auto reasons = [](const std::map<std::string, int> &m) {
        QJsonObject o;
        for (const auto &[reason, count] : m)
            o.insert(QString::fromStdString(reason), count);
        return o;
    };
    QJsonObject out {
        { QStringLiteral("sockets_requested"), opt.sockets },
        { QStringLiteral("addresses"), opt.addresses },
        { QStringLiteral("users"), int(opt.tokens.size()) },
        { QStringLiteral("opened"), openedAll },
        { QStringLiteral("open_seconds"), openSeconds },
        { QStringLiteral("open_after_opening"), openAfterOpening },
        { QStringLiteral("hold_seconds"), holdSeconds },
        { QStringLiteral("open_after_hold"), openAfterHold },
        { QStringLiteral("open_at_end"), openAtEnd },
        { QStringLiteral("pings_answered"), qint64(client.pingsAnswered.load()) },
        { QStringLiteral("failures"), reasons(client.failures) },
        { QStringLiteral("closed_by_server"), reasons(client.closes) },
        { QStringLiteral("server_rss_kb_before"), rssBefore },
        { QStringLiteral("server_rss_kb_open"), rssOpen },
        { QStringLiteral("server_rss_kb_held"), rssHeld },
        { QStringLiteral("server_bytes_per_socket"),
            rssBefore > 0 && rssOpen > 0 && openAfterOpening > 0
                ? double(rssOpen - rssBefore) * 1024.0 / openAfterOpening
                : -1.0 },
        { QStringLiteral("client_rss_kb"), rssKb(QStringLiteral("/proc/self/status")) },
        { QStringLiteral("client_cpu_seconds"), clientCpu },
        { QStringLiteral("events_requested"), events },
        { QStringLiteral("events_sent"), sent },
        { QStringLiteral("interval_ms"), intervalMs },
        { QStringLiteral("deliveries_expected"), expected },
        { QStringLiteral("deliveries_received"), qint64(lat.size()) },
        { QStringLiteral("p50_ms"), percentile(lat, 50) },
        { QStringLiteral("p95_ms"), percentile(lat, 95) },
        { QStringLiteral("p99_ms"), percentile(lat, 99) },
        { QStringLiteral("max_ms"), lat.empty() ? -1.0 : double(lat.back()) / 1000.0 },
        { QStringLiteral("min_ms"), lat.empty() ? -1.0 : double(lat.front()) / 1000.0 },
        // First delivery of each event: the path database → NOTIFY → server fetch → first socket.
        { QStringLiteral("first_p50_ms"), percentile(first, 50) },
        { QStringLiteral("first_p99_ms"), percentile(first, 99) },
        // Last minus first delivery of each event: the fan-out over all sockets.
        { QStringLiteral("spread_p50_ms"), percentile(spread, 50) },
        { QStringLiteral("spread_p99_ms"), percentile(spread, 99) },
    };
    if (!sendError.isEmpty())
        out.insert(QStringLiteral("database_error"), sendError);
    std::fprintf(stdout, "%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fprintf(stderr,
        "  open %d/%d at end; deliveries %lld/%lld; p50 %.2f p95 %.2f p99 %.2f max %.2f ms\n", openAtEnd,
        opt.sockets, static_cast<long long>(lat.size()), static_cast<long long>(expected),
        percentile(lat, 50), percentile(lat, 95), percentile(lat, 99),
        lat.empty() ? -1.0 : double(lat.back()) / 1000.0);
    if (!first.empty())
        std::fprintf(stderr,
            "  per event: first delivery p50 %.2f p99 %.2f ms; first-to-last spread p50 %.2f p99 %.2f ms\n",
            percentile(first, 50), percentile(first, 99), percentile(spread, 50), percentile(spread, 99));
    if (!sendError.isEmpty()) {
        std::fprintf(stderr, "joxai-wsload: database: %s\n", qPrintable(sendError));
        return 1;
    }
    return openedAll > 0 ? 0 : 1;
}
