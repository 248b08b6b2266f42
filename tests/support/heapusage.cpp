#include "tests/support/heapusage.h"

#if defined(__SANITIZE_ADDRESS__)
#include <cstddef>
// libasan exports it; GCC ships no allocator_interface.h to declare it.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

namespace joxai::test {

qint64 heapBytesInUse()
{
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    // In-use bytes of every arena plus the blocks malloc gave its own mapping (large buffers).
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
#endif
}

} // namespace joxai::test
