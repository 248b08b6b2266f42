#pragma once
// Logging categories of the console (joxai.ui.*).

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcUiClient)
Q_DECLARE_LOGGING_CATEGORY(lcUiEvents)
Q_DECLARE_LOGGING_CATEGORY(lcUiKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcUiPages)
