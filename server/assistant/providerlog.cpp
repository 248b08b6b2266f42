#include "server/assistant/providerlog.h"

Q_LOGGING_CATEGORY(lcAiProvider, "joxai.assistant.provider")
