#pragma once
// A real joxai-server (ServerRuntime) listening on a free loopback port inside the test process,
// on a fresh TestDatabase. Passwords are hashed at bcrypt cost 4 to keep tests quick, and rate
// limits are off unless a test sets them.

#include "server/config/config.h"
#include "server/runtime/serverruntime.h"
#include "tests/support/testdatabase.h"

#include <functional>
#include <memory>

namespace joxai::test {

class TestServer final
{
public:
    // `adjust` may change the configuration before the server starts.
    explicit TestServer(const std::function<void(Config &)> &adjust = {});
    ~TestServer();
    Q_DISABLE_COPY_MOVE(TestServer)

    static Config defaultConfig(const TestDatabase &db);

    bool started() const { return m_started; }
    QString startError() const { return m_error; }
    QString baseUrl() const { return m_runtime ? m_runtime->baseUrl() : QString(); }
    quint16 port() const { return m_runtime ? m_runtime->port() : 0; }
    ServerRuntime &runtime() { return *m_runtime; }
    TestDatabase &database() { return m_db; }
    const Config &config() const { return m_config; }

private:
    TestDatabase m_db;
    Config m_config;
    std::unique_ptr<ServerRuntime> m_runtime;
    bool m_started = false;
    QString m_error;
};

} // namespace joxai::test
