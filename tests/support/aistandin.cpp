#include "tests/support/aistandin.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace joxai::test {

namespace {

constexpr qsizetype kMaxRequestBytes = 4 * 1024 * 1024;

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 529: return "Site Overloaded";
    default: return "Status";
    }
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sse(const QByteArray &event, const QJsonObject &data)
{
    QByteArray out;
    if (!event.isEmpty())
        out += "event: " + event + '\n';
    return out + "data: " + json(data) + "\n\n";
}

// The reply text in small pieces, as a model streams it.
QStringList pieces(const QString &text)
{
    QStringList out;
    for (qsizetype i = 0; i < text.size(); i += 7)
        out << text.mid(i, 7);
    return out;
}

} // namespace

// --- Request ---------------------------------------------------------------------------------

QByteArray AiStandIn::Request::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &[key, value] : headers) {
        if (key == lower)
            return value;
    }
    return {};
}

bool AiStandIn::Request::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return true;
    }
    return false;
}

bool AiStandIn::Request::isAnthropic() const
{
    return path == "/v1/messages";
}

bool AiStandIn::Request::streamed() const
{
    return json.value(QStringLiteral("stream")).toBool();
}

QString AiStandIn::Request::systemPrompt() const
{
    if (isAnthropic())
        return json.value(QStringLiteral("system")).toString();
    for (const QJsonValue &m : json.value(QStringLiteral("messages")).toArray()) {
        if (m.toObject().value(QStringLiteral("role")).toString() == QLatin1String("system"))
            return m.toObject().value(QStringLiteral("content")).toString();
    }
    return {};
}

QString AiStandIn::Request::model() const
{
    return json.value(QStringLiteral("model")).toString();
}

// --- Server ----------------------------------------------------------------------------------

AiStandIn::AiStandIn(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this)),
      m_text(QStringLiteral("You can block your card at once in the app under Cards > Block. "
                            "Our team is also available by phone day and night."))
{
    connect(m_server, &QTcpServer::newConnection, this, &AiStandIn::onNewConnection);
}

AiStandIn::~AiStandIn()
{
    m_server->close();
}

bool AiStandIn::start()
{
    m_clock.start();
    return m_server->isListening() || m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 AiStandIn::port() const
{
    return m_server->serverPort();
}

QString AiStandIn::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

QString AiStandIn::openAiBaseUrl() const
{
    return baseUrl() + QStringLiteral("/v1");
}

void AiStandIn::script(const QList<Reply> &replies)
{
    m_script += replies;
}

void AiStandIn::setReplyText(const QString &text)
{
    m_text = text;
}

void AiStandIn::setUsage(int inputTokens, int outputTokens)
{
    m_tokensIn = inputTokens;
    m_tokensOut = outputTokens;
}

void AiStandIn::setRetryAfter(const QByteArray &value)
{
    m_retryAfter = value;
}

void AiStandIn::setExpectedKey(const QString &key)
{
    m_expectedKey = key;
}

void AiStandIn::setChunkDelayMs(int ms)
{
    m_chunkDelayMs = qMax(0, ms);
}

void AiStandIn::clear()
{
    m_requests.clear();
    m_script.clear();
}

void AiStandIn::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // streamed pieces go out at once
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void AiStandIn::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (buffer.size() > kMaxRequestBytes)
                socket->abort();
            return;
        }
        Request request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
        }
        if (length < 0 || length > kMaxRequestBytes) {
            writeHttp(socket, 413, "application/json", "{}");
            socket->disconnectFromHost();
            return;
        }
        if (buffer.size() < headEnd + 4 + length)
            return; // the body is still on its way
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        request.json = QJsonDocument::fromJson(request.body).object();
        request.receivedAtMs = m_clock.elapsed();
        handle(socket, std::move(request));
        if (!m_buffers.contains(socket))
            return;
    }
}

QString AiStandIn::check(const Request &r) const
{
    if (r.header("content-type").split(';').value(0).trimmed().toLower() != "application/json")
        return QStringLiteral("content-type must be application/json");
    if (!QJsonDocument::fromJson(r.body).isObject())
        return QStringLiteral("the body is not a JSON object");
    if (!r.json.value(QStringLiteral("model")).isString() || r.model().isEmpty())
        return QStringLiteral("model: field required");
    const QJsonValue messages = r.json.value(QStringLiteral("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return QStringLiteral("messages: at least one message is required");
    if (r.isAnthropic()) {
        if (!r.json.value(QStringLiteral("max_tokens")).isDouble() || r.json.value(QStringLiteral("max_tokens")).toInt() < 1)
            return QStringLiteral("max_tokens: field required");
        if (r.json.contains(QStringLiteral("system")) && !r.json.value(QStringLiteral("system")).isString())
            return QStringLiteral("system: must be a string");
    }
    QString previous;
    for (const QJsonValue &value : messages.toArray()) {
        const QJsonObject m = value.toObject();
        const QString role = m.value(QStringLiteral("role")).toString();
        const QStringList roles = r.isAnthropic() ? QStringList{QStringLiteral("user"), QStringLiteral("assistant")}
                                                  : QStringList{QStringLiteral("system"), QStringLiteral("developer"),
                                                                QStringLiteral("user"), QStringLiteral("assistant")};
        if (!roles.contains(role))
            return QStringLiteral("messages: unexpected role '%1'").arg(role);
        if (!m.value(QStringLiteral("content")).isString() || m.value(QStringLiteral("content")).toString().isEmpty())
            return QStringLiteral("messages: content must be a non-empty string");
        if (r.isAnthropic() && previous.isEmpty() && role != QLatin1String("user"))
            return QStringLiteral("messages: the first message must use the user role");
        if (role == previous && role != QLatin1String("system"))
            return QStringLiteral("messages: roles must alternate between user and assistant");
        previous = role;
    }
    return {};
}

void AiStandIn::handle(QTcpSocket *socket, Request request)
{
    const int index = int(m_requests.size());
    const bool anthropic = request.isAnthropic();
    const bool openAi = request.path.endsWith("/chat/completions");
    auto record = [&] {
        m_requests.append(request);
        Q_EMIT requestReceived(index);
    };
    if (!anthropic && !openAi) {
        answerError(socket, request, 404, "not_found_error", QStringLiteral("no such route"));
        return record();
    }
    if (request.method != "POST") {
        answerError(socket, request, 405, "invalid_request_error", QStringLiteral("use POST"));
        return record();
    }
    // Authentication first, as the vendors do.
    if (anthropic) {
        const QByteArray key = request.header("x-api-key");
        if (key.isEmpty() || (!m_expectedKey.isEmpty() && key != m_expectedKey.toUtf8())) {
            request.problem = QStringLiteral("x-api-key missing or wrong");
            answerError(socket, request, 401, "authentication_error", QStringLiteral("invalid x-api-key"));
            return record();
        }
        if (request.header("anthropic-version").isEmpty()) {
            request.problem = QStringLiteral("anthropic-version missing");
            answerError(socket, request, 400, "invalid_request_error",
                        QStringLiteral("anthropic-version: header is required"));
            return record();
        }
    } else if (!m_expectedKey.isEmpty() && request.header("authorization") != "Bearer " + m_expectedKey.toUtf8()) {
        request.problem = QStringLiteral("Authorization: Bearer missing or wrong");
        answerError(socket, request, 401, "invalid_request_error", QStringLiteral("Incorrect API key provided"));
        return record();
    }
    const QString problem = check(request);
    if (!problem.isEmpty()) {
        request.problem = problem;
        answerError(socket, request, 400, "invalid_request_error", problem);
        return record();
    }

    const Reply reply = m_script.isEmpty() ? Reply::Success : m_script.takeFirst();
    switch (reply) {
    case Reply::Status400:
        answerError(socket, request, 400, "invalid_request_error", QStringLiteral("scripted bad request"));
        break;
    case Reply::Status401:
        answerError(socket, request, 401, "authentication_error", QStringLiteral("scripted bad key"));
        break;
    case Reply::Status429:
        answerError(socket, request, 429, "rate_limit_error", QStringLiteral("scripted rate limit"));
        break;
    case Reply::Status500:
        answerError(socket, request, 500, "api_error", QStringLiteral("scripted internal error"));
        break;
    case Reply::Status529:
        answerError(socket, request, 529, "overloaded_error", QStringLiteral("Overloaded"));
        break;
    case Reply::Timeout:
        break; // the request is read and left unanswered; the client has to give up
    case Reply::StreamError:
        if (!request.streamed()) {
            answerError(socket, request, 529, "overloaded_error", QStringLiteral("Overloaded"));
            break;
        }
        answerStream(socket, request, reply);
        break;
    default:
        if (request.streamed())
            answerStream(socket, request, reply);
        else
            answerComplete(socket, request, reply);
    }
    record();
}

void AiStandIn::answerError(QTcpSocket *socket, Request &request, int status, const QByteArray &type,
                            const QString &message)
{
    request.status = status;
    QByteArray body;
    if (request.isAnthropic() || !request.path.endsWith("/chat/completions")) {
        body = json({{QStringLiteral("type"), QStringLiteral("error")},
                     {QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)},
                                  {QStringLiteral("message"), message}}}});
    } else {
        QString openAiType = QString::fromLatin1(type);
        QJsonValue code = QJsonValue::Null;
        if (status == 401) {
            openAiType = QStringLiteral("invalid_request_error");
            code = QStringLiteral("invalid_api_key");
        } else if (status == 429) {
            openAiType = QStringLiteral("requests");
            code = QStringLiteral("rate_limit_exceeded");
        } else if (status >= 500) {
            openAiType = QStringLiteral("server_error");
        }
        body = json({{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("message"), message},
                                  {QStringLiteral("type"), openAiType},
                                  {QStringLiteral("param"), QJsonValue::Null},
                                  {QStringLiteral("code"), code}}}});
    }
    QList<QByteArray> extra;
    if (status == 429 && !m_retryAfter.isEmpty())
        extra << "retry-after: " + m_retryAfter;
    writeHttp(socket, status, "application/json", body, extra);
}

QByteArray AiStandIn::completeBody(const Request &request, Reply reply, int sequence) const
{
    const QString text = reply == Reply::EmptyText ? QString() : m_text;
    QJsonObject body;
    if (request.isAnthropic()) {
        QJsonArray content;
        if (reply != Reply::EmptyText)
            content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}});
        body = {{QStringLiteral("id"), QStringLiteral("msg_standin_%1").arg(sequence)},
                {QStringLiteral("type"), QStringLiteral("message")},
                {QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("model"), request.model()},
                {QStringLiteral("content"), content},
                {QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                {QStringLiteral("stop_sequence"), QJsonValue::Null},
                {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), m_tokensIn},
                                                      {QStringLiteral("output_tokens"), m_tokensOut}}}};
    } else {
        body = {{QStringLiteral("id"), QStringLiteral("chatcmpl-standin-%1").arg(sequence)},
                {QStringLiteral("object"), QStringLiteral("chat.completion")},
                {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                {QStringLiteral("model"), request.model()},
                {QStringLiteral("choices"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("index"), 0},
                     {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                             {QStringLiteral("content"), text}}},
                     {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
                {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), m_tokensIn},
                                                      {QStringLiteral("completion_tokens"), m_tokensOut},
                                                      {QStringLiteral("total_tokens"), m_tokensIn + m_tokensOut}}}};
    }
    return json(body);
}

void AiStandIn::answerComplete(QTcpSocket *socket, Request &request, Reply reply)
{
    const int sequence = int(m_requests.size());
    if (reply == Reply::Malformed) {
        request.status = 200;
        writeHttp(socket, 200, "application/json", "{\"id\":\"msg_standin\",\"content\":[{\"type\":\"text\",\"te");
        return;
    }
    const QByteArray body = completeBody(request, reply, sequence);
    if (reply == Reply::StreamCut) {
        // Promise the whole body, send half of it, close.
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body.left(body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    request.status = 200;
    writeHttp(socket, 200, "application/json", body);
}

QList<QByteArray> AiStandIn::streamEvents(const Request &request, Reply reply, int sequence) const
{
    QList<QByteArray> events;
    const QStringList parts = reply == Reply::EmptyText ? QStringList() : pieces(m_text);
    // A cut or an error comes after the first two pieces of text.
    const qsizetype sent = (reply == Reply::StreamCut || reply == Reply::StreamError) ? qMin<qsizetype>(2, parts.size())
                                                                                     : parts.size();
    if (request.isAnthropic()) {
        events << sse("message_start",
                      {{QStringLiteral("type"), QStringLiteral("message_start")},
                       {QStringLiteral("message"),
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("msg_standin_%1").arg(sequence)},
                                    {QStringLiteral("type"), QStringLiteral("message")},
                                    {QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("model"), request.model()},
                                    {QStringLiteral("content"), QJsonArray()},
                                    {QStringLiteral("stop_reason"), QJsonValue::Null},
                                    {QStringLiteral("stop_sequence"), QJsonValue::Null},
                                    {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), m_tokensIn},
                                                                          {QStringLiteral("output_tokens"), 1}}}}}});
        if (reply == Reply::Malformed)
            return events << "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\n\n";
        events << sse("content_block_start",
                      {{QStringLiteral("type"), QStringLiteral("content_block_start")},
                       {QStringLiteral("index"), 0},
                       {QStringLiteral("content_block"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), QString()}}}});
        events << sse("ping", {{QStringLiteral("type"), QStringLiteral("ping")}});
        for (qsizetype i = 0; i < sent; ++i)
            events << sse("content_block_delta",
                          {{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                           {QStringLiteral("index"), 0},
                           {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                                                 {QStringLiteral("text"), parts.at(i)}}}});
        if (reply == Reply::StreamCut)
            return events;
        if (reply == Reply::StreamError)
            return events << sse("error", {{QStringLiteral("type"), QStringLiteral("error")},
                                           {QStringLiteral("error"),
                                            QJsonObject{{QStringLiteral("type"), QStringLiteral("overloaded_error")},
                                                        {QStringLiteral("message"), QStringLiteral("Overloaded")}}}});
        events << sse("content_block_stop", {{QStringLiteral("type"), QStringLiteral("content_block_stop")},
                                             {QStringLiteral("index"), 0}});
        events << sse("message_delta",
                      {{QStringLiteral("type"), QStringLiteral("message_delta")},
                       {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), QStringLiteral("end_turn")},
                                                             {QStringLiteral("stop_sequence"), QJsonValue::Null}}},
                       {QStringLiteral("usage"), QJsonObject{{QStringLiteral("output_tokens"), m_tokensOut}}}});
        events << sse("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}});
        return events;
    }

    const bool usage = request.json.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")).toBool();
    auto chunk = [&](const QJsonArray &choices, const QJsonValue &usageValue) {
        QJsonObject c{{QStringLiteral("id"), QStringLiteral("chatcmpl-standin-%1").arg(sequence)},
                      {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                      {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                      {QStringLiteral("model"), request.model()},
                      {QStringLiteral("choices"), choices}};
        if (usage)
            c.insert(QStringLiteral("usage"), usageValue);
        return sse({}, c);
    };
    auto delta = [](const QJsonObject &d, const QJsonValue &finish) {
        return QJsonArray{QJsonObject{{QStringLiteral("index"), 0}, {QStringLiteral("delta"), d},
                                      {QStringLiteral("finish_reason"), finish}}};
    };
    events << chunk(delta({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
                          QJsonValue::Null),
                    QJsonValue::Null);
    if (reply == Reply::Malformed)
        return events << "data: {\"choices\":[{\"delta\":{\"content\n\n";
    for (qsizetype i = 0; i < sent; ++i)
        events << chunk(delta({{QStringLiteral("content"), parts.at(i)}}, QJsonValue::Null), QJsonValue::Null);
    if (reply == Reply::StreamCut)
        return events;
    if (reply == Reply::StreamError)
        return events << sse({}, {{QStringLiteral("error"),
                                   QJsonObject{{QStringLiteral("message"), QStringLiteral("The server is overloaded")},
                                               {QStringLiteral("type"), QStringLiteral("server_error")},
                                               {QStringLiteral("param"), QJsonValue::Null},
                                               {QStringLiteral("code"), QJsonValue::Null}}}});
    events << chunk(delta({}, QStringLiteral("stop")), QJsonValue::Null);
    if (usage)
        events << chunk(QJsonArray(), QJsonObject{{QStringLiteral("prompt_tokens"), m_tokensIn},
                                                  {QStringLiteral("completion_tokens"), m_tokensOut},
                                                  {QStringLiteral("total_tokens"), m_tokensIn + m_tokensOut}});
    events << "data: [DONE]\n\n";
    return events;
}

void AiStandIn::answerStream(QTcpSocket *socket, Request &request, Reply reply)
{
    request.status = reply == Reply::StreamCut ? 0 : 200;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                  "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n");
    // Every event goes out in two chunked pieces cut mid-line, so the client sees events split
    // across reads.
    QList<QByteArray> out;
    for (const QByteArray &event : streamEvents(request, reply, int(m_requests.size()))) {
        const qsizetype half = qMax<qsizetype>(1, event.size() / 2 + 1);
        for (const QByteArray &piece : {event.left(half), event.mid(half)}) {
            if (!piece.isEmpty())
                out << QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        }
    }
    if (reply != Reply::StreamCut)
        out << QByteArray("0\r\n\r\n");
    sendPieces(socket, out, reply == Reply::StreamCut);
}

void AiStandIn::sendPieces(QTcpSocket *socket, QList<QByteArray> pieces, bool cutAtEnd)
{
    // A timer owned by the socket: when the client goes away, the rest of the stream goes too.
    auto *timer = new QTimer(socket);
    timer->setInterval(m_chunkDelayMs);
    timer->setTimerType(Qt::PreciseTimer);
    auto queue = std::make_shared<QList<QByteArray>>(std::move(pieces));
    connect(timer, &QTimer::timeout, socket, [socket, timer, queue, cutAtEnd] {
        if (queue->isEmpty()) {
            timer->stop();
            timer->deleteLater();
            if (cutAtEnd) {
                socket->flush();
                socket->disconnectFromHost(); // no terminating chunk: the stream is cut
            }
            return;
        }
        socket->write(queue->takeFirst());
        socket->flush();
    });
    timer->start();
}

void AiStandIn::writeHttp(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                          const QList<QByteArray> &extraHeaders)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\nContent-Type: "
                      + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &h : extraHeaders)
        head += h + "\r\n";
    socket->write(head + "\r\n" + body);
    socket->flush();
}

} // namespace joxai::test
