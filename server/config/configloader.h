#pragma once
// Builds a Config from defaults, a joxai.conf file, the environment and command-line values, and
// validates it. Every setting has one name (the guide's environment name, or JOXAI_*), used in
// joxai.conf, in the environment, in error messages and in --check-config output.

#include "server/config/config.h"
#include "server/core/result.h"

#include <QList>
#include <QMap>
#include <QProcessEnvironment>

namespace joxai {

class ConfigLoader final
{
public:
    // Command-line values keyed by setting name (e.g. "JOXAI_PORT" for --port).
    using Overrides = QMap<QString, QString>;

    // Errors are Validation errors whose detail is one line naming the setting.
    static Result<Config> load(const QProcessEnvironment &env, const Overrides &cli);

    // With no SECRET_KEY: production is refused; otherwise a key is generated once and kept in
    // <dataDir>/secret_key (mode 0600). Creates dataDir when missing.
    static Status prepareDataDir(Config &config);

    // "NAME=value" lines of the effective configuration, secrets masked.
    static QStringList describe(const Config &config);

    // The provider rule: AI_PROVIDER when set; otherwise the provider whose key is set (Anthropic
    // first, then OpenAI); otherwise "local".
    static QString chooseAiProvider(const Config &config);

    static Result<DatabaseTarget> parseDatabaseUrl(const QString &url, const QString &dataDir);
    static QStringList settingNames();
};

} // namespace joxai
