#pragma once
// Logging category of the remote providers ("joxai.assistant.provider"; LOG_LEVEL applies).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcAiProvider)
