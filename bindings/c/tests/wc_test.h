/* A tiny test harness for the walletcare C tests: no dependencies, prints
 * "N passed, N failed" as its last line and exits non-zero on any failure. */
#ifndef WC_TEST_H
#define WC_TEST_H

#include <stdio.h>
#include <string.h>

#include "walletcare.h"

static int wc_test_passed = 0;
static int wc_test_failed = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (cond) {                                                                \
      wc_test_passed++;                                                        \
    } else {                                                                   \
      wc_test_failed++;                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

/* Checks a status and, on mismatch, prints both names and the last error. */
#define CHECK_STATUS(call, expected)                                           \
  do {                                                                         \
    wc_status got_ = (call);                                                   \
    if (got_ == (expected)) {                                                  \
      wc_test_passed++;                                                        \
    } else {                                                                   \
      char msg_[512];                                                          \
      size_t len_ = 0;                                                         \
      msg_[0] = '\0';                                                          \
      wc_last_error(msg_, sizeof msg_, &len_, NULL);                           \
      wc_test_failed++;                                                        \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n", __FILE__,   \
              __LINE__, #call, wc_status_name((uint32_t)got_),                 \
              wc_status_name((uint32_t)(expected)), msg_);                     \
    }                                                                          \
  } while (0)

#define CHECK_STR(actual, expected) CHECK(strcmp((actual), (expected)) == 0)

/* Checks that a (possibly NULL) string contains a substring. */
#define CHECK_CONTAINS(haystack, needle)                                       \
  do {                                                                         \
    const char *h_ = (haystack);                                               \
    if (h_ != NULL && strstr(h_, (needle)) != NULL) {                          \
      wc_test_passed++;                                                        \
    } else {                                                                   \
      wc_test_failed++;                                                        \
      fprintf(stderr, "%s:%d: \"%s\" not found in %s\n", __FILE__, __LINE__,   \
              (needle), h_ != NULL ? h_ : "(null)");                           \
    }                                                                          \
  } while (0)

/* Text arguments are pointer + length; this passes a string literal. */
#define S(literal) (literal), (sizeof(literal) - 1)

static int wc_test_finish(void) {
  printf("%d passed, %d failed\n", wc_test_passed, wc_test_failed);
  return wc_test_failed == 0 ? 0 : 1;
}

#endif
