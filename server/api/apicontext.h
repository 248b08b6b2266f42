#pragma once
// What routes need: the database, the pools, the services. Built once by ServerRuntime.
// Also the two ways a route runs its work: for the public, or for a signed-in staff member.

#include "server/api/apireply.h"
#include "server/api/apirequest.h"
#include "server/core/roles.h"
#include "server/config/config.h"
#include "server/core/page.h"

#include <QThreadPool>

#include <functional>

namespace joxai {

class Assistant;
class AuthService;
class ChatService;
class ConversationService;
class Database;
class EventBus;
class RateLimiter;
class SettingsService;
class SqlSession;
class UserService;

struct ApiContext
{
    const Config &config;
    Database &db;
    QThreadPool &bcryptPool;
    const AuthService &auth;
    const UserService &users;
    const SettingsService &settings;
    const ChatService &chat;
    const ConversationService &conversations;
    Assistant &assistant;
    EventBus &bus;          // kick() after committing events
    RateLimiter &limiter;   // for limits keyed by more than the address (chat: per conversation)
};

enum class Pool { Database, Bcrypt };

using StaffWork = std::function<Result<HttpResponse>(SqlSession &, const Principal &)>;
using PublicWork = std::function<Result<HttpResponse>(SqlSession &)>;

// Loads the caller behind the request's token (active, not revoked, role at least `minimum`,
// password change and two-factor rules), runs `work` on a worker thread, and answers.
void runStaff(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work,
              Pool pool = Pool::Database);
// The same, then tells the EventBus that the work committed events (state changes).
void runStaffThenKick(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work);
void runStaffOn(const ApiContext &ctx, const ApiRequest &req, const ApiReply &reply, Role minimum, StaffWork work,
                Pool pool, EventBus *kick);
void runPublic(const ApiContext &ctx, const ApiReply &reply, PublicWork work, Pool pool = Pool::Database);

// ?after= (default 0): the id a resync or poll continues after; not a whole number ≥ 0 → 422.
// `what` names the id in the error ("an event id").
Result<qint64> afterFrom(const ApiRequest &req, const QString &what);

// ?limit= (default 50, clamped to 200) and ?offset= (alias skip=); bad values → 422.
Result<PageRequest> pageFrom(const ApiRequest &req);

} // namespace joxai
