#pragma once
// Times carried in signed tokens (JWT NumericDate, RFC 7519 §2; the widget identity token's
// expiry), in seconds since 1970.

#include <QtGlobal>

namespace joxai {

// A time QDateTime can hold and print: 1970 up to the end of year 9999. Further out, seconds to
// milliseconds overflows, and a token "valid until" such a date would be accepted with an expiry
// that is not what it says (found by fuzz_tokenservice). A signature proves who made a token,
// not that its maker had no bug.
constexpr bool isPlausibleNumericDate(qint64 seconds)
{
    constexpr qint64 kEndOf9999 = 253402300799;
    return seconds >= 0 && seconds <= kEndOf9999;
}

} // namespace joxai
