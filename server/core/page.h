#pragma once
// One page of a list, as every list endpoint answers it (shared/API.md: items, total, limit, offset).

#include <QList>

namespace joxai {

struct PageRequest
{
    int limit = 50;
    int offset = 0;
};

template<typename T>
struct Page
{
    QList<T> items;
    qint64 total = 0;
    int limit = 50;
    int offset = 0;
};

} // namespace joxai
