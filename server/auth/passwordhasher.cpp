#include "server/auth/passwordhasher.h"

#include <QStringBuilder>

#include <crypt.h>
#include <openssl/crypto.h>

#include <cstring>
#include <memory>

namespace joxai {

namespace {

constexpr int MinCost = 4;   // the bounds libxcrypt accepts for bcrypt
constexpr int MaxCost = 31;
constexpr int BcryptHashLength = 60;  // "$2b$" + "12" + "$" + 22 salt + 31 hash characters
constexpr int BcryptSettingLength = 29;

bool isBcryptBase64(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
        || c == '/';
}

// "$2a$", "$2b$" or "$2y$", a two-digit cost in libxcrypt's range, then 53 bcrypt-base64 chars.
bool isWellFormedBcryptHash(const QByteArray &h)
{
    if (h.size() != BcryptHashLength)
        return false;
    if (h[0] != '$' || h[1] != '2' || (h[2] != 'a' && h[2] != 'b' && h[2] != 'y') || h[3] != '$')
        return false;
    if (h[4] < '0' || h[4] > '9' || h[5] < '0' || h[5] > '9' || h[6] != '$')
        return false;
    const int cost = (h[4] - '0') * 10 + (h[5] - '0');
    if (cost < MinCost || cost > MaxCost)
        return false;
    for (int i = 7; i < BcryptHashLength; ++i) {
        if (!isBcryptBase64(h[i]))
            return false;
    }
    return true;
}

// crypt_rn reads a C string: a password with a NUL inside would be cut short silently, so such
// passwords are refused instead of being hashed as their prefix.
bool isUsablePassword(const QByteArray &password)
{
    return !password.contains('\0');
}

// Runs bcrypt with the given setting (a salt or a full hash). Empty on failure.
QByteArray runCrypt(const QByteArray &password, const QByteArray &setting)
{
    // struct crypt_data is ~32 KB: keep it off the stack of pool threads.
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *out = crypt_rn(password.constData(), setting.constData(), data.get(),
                               int(sizeof(crypt_data)));
    QByteArray result;
    if (out && out[0] != '*')
        result = QByteArray(out);
    // The output area holds the hash and intermediate state of the password: wipe it.
    OPENSSL_cleanse(data.get(), sizeof(crypt_data));
    return result;
}

QByteArray makeSetting(int cost)
{
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // A null rbytes lets libxcrypt take the salt from the operating system's CSPRNG.
    const char *out = crypt_gensalt_rn("$2b$", cost, nullptr, 0, setting, int(sizeof setting));
    if (!out || out[0] == '*')
        return {};
    return QByteArray(out);
}

} // namespace

PasswordHasher::PasswordHasher(int cost)
    : m_cost(cost)
{
    // The dummy hash for burnVerifyTime: a fresh salt at the same cost, padded to the full length
    // with a hash part that no password produces (a 2^-184 chance). Verifying against it costs
    // exactly as much as a real verify, yet building it costs no bcrypt run at start-up.
    QByteArray setting = makeSetting(qBound(MinCost, cost, MaxCost));
    if (setting.size() == BcryptSettingLength)
        m_dummyHash = setting + QByteArray(BcryptHashLength - BcryptSettingLength, '.');
}

QByteArray PasswordHasher::hash(const QByteArray &password) const
{
    if (m_cost < MinCost || m_cost > MaxCost || !isUsablePassword(password))
        return {};
    const QByteArray setting = makeSetting(m_cost);
    if (setting.isEmpty())
        return {};
    const QByteArray result = runCrypt(password, setting);
    if (!isWellFormedBcryptHash(result))
        return {};
    return result;
}

bool PasswordHasher::verify(const QByteArray &password, const QByteArray &storedHash) const
{
    // Checking the form first keeps other crypt methods (DES "ab…", "$1$", "$6$") out and means
    // libxcrypt only ever sees a well-formed bcrypt setting.
    if (!isWellFormedBcryptHash(storedHash) || !isUsablePassword(password))
        return false;
    const QByteArray computed = runCrypt(password, storedHash);
    if (computed.size() != storedHash.size())
        return false;
    return CRYPTO_memcmp(computed.constData(), storedHash.constData(), size_t(computed.size()))
        == 0;
}

void PasswordHasher::burnVerifyTime(const QByteArray &password) const
{
    if (m_dummyHash.isEmpty()) {
        // libxcrypt could not make a salt at construction; still spend a bcrypt run.
        (void)hash(password);
        return;
    }
    (void)verify(password, m_dummyHash);
}

} // namespace joxai
