#include "tests/support/testserver.h"

namespace joxai::test {

Config TestServer::defaultConfig(const TestDatabase &db)
{
    Config c;
    c.bindAddress = QStringLiteral("127.0.0.1");
    c.port = 0;
    c.dataDir = db.dataDir();
    c.database = db.target();
    c.secretKey = QStringLiteral("test-secret-key-0123456789-abcdefghijklmnop");
    c.bcryptCost = 4;
    c.workerThreads = 4;
    c.bcryptThreads = 2;
    c.rateLimitAuth = 0;
    c.rateLimitChat = 0;
    c.rateLimitChatStart = 0;
    c.rateLimitApi = 0;
    return c;
}

TestServer::TestServer(const std::function<void(Config &)> &adjust) : m_config(defaultConfig(m_db))
{
    if (adjust)
        adjust(m_config);
    m_runtime = std::make_unique<ServerRuntime>(m_config);
    auto started = m_runtime->start();
    m_started = started.ok();
    if (!m_started)
        m_error = started.error().detail;
}

TestServer::~TestServer()
{
    m_runtime.reset(); // before the database it uses is dropped
}

} // namespace joxai::test
