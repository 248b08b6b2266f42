#include "ui/client/logging.h"

Q_LOGGING_CATEGORY(lcUiClient, "joxai.ui.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiEvents, "joxai.ui.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiKeychain, "joxai.ui.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiPages, "joxai.ui.pages", QtInfoMsg)
