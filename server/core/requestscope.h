#pragma once
// The request (or WebSocket connection) this thread is working for, so that every log line
// written meanwhile carries its id. Set around dispatch on the main thread, around each worker
// job and its completion (Database::runOn captures the id when the job is queued). Scopes nest:
// the inner one wins until it ends.

#include <QByteArray>

namespace joxai {

class RequestScope final
{
public:
    explicit RequestScope(QByteArray id);
    ~RequestScope();
    RequestScope(const RequestScope &) = delete;
    RequestScope &operator=(const RequestScope &) = delete;

    // The id of the innermost scope on this thread; empty outside any request.
    static QByteArray current();

private:
    QByteArray m_id;
    const QByteArray *m_previous;
};

} // namespace joxai
