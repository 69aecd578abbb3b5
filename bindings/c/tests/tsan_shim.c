/* ThreadSanitizer run only (scripts/c-test.sh): the Rust library is built
 * with nightly's -Zsanitizer=thread, whose LLVM instruments block copies as
 * calls to __tsan_memcpy/__tsan_memmove/__tsan_memset. GCC's older libtsan
 * does not export these three, but it intercepts memcpy, memmove and memset
 * with the same checks, which is what newer libtsan versions alias them to.
 * Compiled with -fsanitize=thread, these forward to the intercepted calls. */
#include <string.h>

void *__tsan_memcpy(void *dst, const void *src, size_t n);
void *__tsan_memmove(void *dst, const void *src, size_t n);
void *__tsan_memset(void *dst, int c, size_t n);

void *__tsan_memcpy(void *dst, const void *src, size_t n) { return memcpy(dst, src, n); }
void *__tsan_memmove(void *dst, const void *src, size_t n) { return memmove(dst, src, n); }
void *__tsan_memset(void *dst, int c, size_t n) { return memset(dst, c, n); }
