// joxai-bare-server: the throughput ceiling for tests/bench/bench.sh.
// A plain QHttpServer with one trivial JSON route, nothing else: whatever joxai-server does on
// /health beyond this (routing, guards, headers, metrics) shows up as the gap between the two.
//
// Usage: joxai-bare-server PORT   (listens on 127.0.0.1:PORT)

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool ok = false;
    const int port = args.size() == 2 ? args.at(1).toInt(&ok) : 0;
    if (!ok || port < 1 || port > 65535) {
        std::fprintf(stderr, "usage: joxai-bare-server PORT\n");
        return 2;
    }

    QHttpServer server;
    server.route(QStringLiteral("/health"), [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    if (server.listen(QHostAddress::LocalHost, static_cast<quint16>(port)) == 0) {
        std::fprintf(stderr, "joxai-bare-server: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::fprintf(stdout, "joxai-bare-server listening on 127.0.0.1:%d\n", port);
    std::fflush(stdout);
    return QCoreApplication::exec();
}
