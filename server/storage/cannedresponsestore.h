#pragma once
// SQL for canned responses: global ones (no owner) and a staff member's personal ones.

#include "server/core/page.h"
#include "server/core/result.h"
#include "server/storage/sqlsession.h"

#include <QDateTime>

namespace joxai {

struct CannedResponse
{
    qint64 id = 0;
    QString title;
    QString content;
    QString shortcut; // e.g. "/hours"; empty: none
    qint64 ownerId = 0; // 0: global
    QDateTime createdAt;
    QDateTime updatedAt;
};

class CannedResponseStore final
{
public:
    // Global ones and those of `userId`, by shortcut then title; `search` matches title or content.
    static Result<Page<CannedResponse>> listFor(SqlSession &s, qint64 userId, const QString &search,
                                                const PageRequest &page);
    static Result<std::optional<CannedResponse>> byId(SqlSession &s, qint64 id);
    static Result<CannedResponse> create(SqlSession &s, const CannedResponse &c);
    static Status update(SqlSession &s, const CannedResponse &c);
    static Status remove(SqlSession &s, qint64 id);
    // Another response the user sees with this shortcut (0: none).
    static Result<qint64> shortcutTaken(SqlSession &s, const QString &shortcut, qint64 userId, qint64 exceptId);
};

} // namespace joxai
