#pragma once
// Canned responses: global ones, written by supervisors and admins, and a staff member's own
// personal ones (any role). Everyone reads the global ones and their own; someone else's personal
// response is 404. Shortcuts ("/hours") are unique among what one person sees. Changes are audited.

#include "server/core/roles.h"
#include "server/storage/cannedresponsestore.h"

namespace joxai {

class CannedResponseService final
{
public:
    Result<Page<CannedResponse>> list(SqlSession &s, const Principal &who, const QString &search,
                                      const PageRequest &page) const;
    Result<CannedResponse> create(SqlSession &s, const Principal &who, CannedResponse c, bool personal) const;
    Result<CannedResponse> update(SqlSession &s, const Principal &who, qint64 id, const std::optional<QString> &title,
                                  const std::optional<QString> &content, const std::optional<QString> &shortcut) const;
    Status remove(SqlSession &s, const Principal &who, qint64 id) const;

private:
    static Result<CannedResponse> writable(SqlSession &s, const Principal &who, qint64 id);
    static Status checkShortcut(SqlSession &s, const Principal &who, const CannedResponse &c);
};

} // namespace joxai
