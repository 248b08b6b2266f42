#include "server/core/requestscope.h"

namespace joxai {

namespace {
// A plain pointer to the innermost scope's id: trivially destructible, so no thread_local
// destructor runs at thread exit (see Database's note on pool threads outliving main()).
thread_local const QByteArray *t_current = nullptr;
} // namespace

RequestScope::RequestScope(QByteArray id)
    : m_id(std::move(id))
    , m_previous(t_current)
{
    t_current = &m_id;
}

RequestScope::~RequestScope()
{
    t_current = m_previous;
}

QByteArray RequestScope::current()
{
    return t_current ? *t_current : QByteArray();
}

} // namespace joxai
