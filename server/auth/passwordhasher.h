#pragma once
// bcrypt through libxcrypt. Slow on purpose (cost 12 ≈ 200 ms): call only from the bcrypt pool.

#include <QByteArray>

namespace joxai {

class PasswordHasher final
{
public:
    explicit PasswordHasher(int cost = 12);

    // "$2b$<cost>$..." or an empty array when libxcrypt fails.
    QByteArray hash(const QByteArray &password) const;
    // Accepts $2b$, $2a$ and $2y$ hashes (Python's bcrypt and passlib make them); constant time.
    bool verify(const QByteArray &password, const QByteArray &storedHash) const;
    // Spends the same time as a real verify, for unknown accounts (no user enumeration by timing).
    void burnVerifyTime(const QByteArray &password) const;

    int cost() const { return m_cost; }

private:
    int m_cost;
    QByteArray m_dummyHash;
};

} // namespace joxai
