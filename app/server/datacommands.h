#pragma once
// The operator's data commands of joxai-server (backup, restore, migrate-data): each prints what
// it did and answers the process exit code (0 done, 1 failed, 2 usage or configuration error).

#include "server/config/config.h"

#include <QString>

namespace joxai::cli {

struct DataCommand
{
    QString name;     // backup | restore | migrate-data
    QString file;     // backup, restore
    QString to;       // migrate-data
    bool force = false;
    bool yes = false;
};

// Checks the arguments a command needs; an empty string when they are complete, else why not.
QString checkArguments(const DataCommand &command);
int runDataCommand(const DataCommand &command, const Config &config);

} // namespace joxai::cli
