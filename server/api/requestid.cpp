#include "server/api/requestid.h"

#include "server/auth/cryptoutil.h"

#include <QStringBuilder>

#include <cctype>

namespace joxai {

QByteArray requestIdFrom(const QByteArray &given)
{
    if (!given.isEmpty() && given.size() <= 64) {
        bool plain = true;
        for (char c : given)
            plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
        if (plain)
            return given;
    }
    // A random prefix per process and a counter: unique across instances, cheap enough for
    // every request.
    static const QByteArray prefix = crypto::randomBytes(4).toHex() + '-';
    static quint64 counter = 0; // main thread only
    return prefix + QByteArray::number(++counter, 16);
}

} // namespace joxai
