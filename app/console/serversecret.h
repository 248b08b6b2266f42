#pragma once
// Embedded mode keeps the server's SECRET_KEY in the system keychain (through CredentialStore).
// With no keychain the server's own rule applies: a generated key in <data>/secret_key, mode 0600,
// and the console says so. A key set in the environment or joxai.conf always wins.

#include "server/config/config.h"

#include <functional>

namespace joxai::ui {
class CredentialStore;
}

namespace joxai::console {

// Fills config.secretKey from the keychain (generating a key there the first time; an existing
// <data>/secret_key file from a run without keychain stays in use). `done` gets an empty string, or a note for the person at the
// console when the keychain could not be used.
void resolveServerSecret(ui::CredentialStore &store, Config &config, const std::function<void(const QString &note)> &done);

} // namespace joxai::console
