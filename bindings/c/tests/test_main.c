/* Exercises every export of the walletcare C library with good and bad
 * inputs. Built with -std=c11 -Wall -Wextra -Wpedantic -Werror, linked once
 * statically and once dynamically, and run under valgrind and ASan/UBSan by
 * scripts/c-test.sh. */
#include <stdlib.h>

#include "wc_test.h"

static void test_version_and_status_names(void) {
  CHECK_STR(wc_version(), "0.1.0");
  CHECK(WALLETCARE_VERSION_MAJOR == 0);
  CHECK_STR(wc_status_name(WC_OK), "ok");
  CHECK_STR(wc_status_name(WC_NULL_PARAMETER), "ffi.null_parameter");
  CHECK_STR(wc_status_name(WC_MONEY_CURRENCY_MISMATCH), "money.currency_mismatch");
  CHECK_STR(wc_status_name(99999), "ffi.internal_error");
  CHECK(WC_MONEY_CURRENCY_MISMATCH == 200);
}

static void test_last_error(void) {
  wc_money idr = {100, "IDR"};
  wc_money usd = {100, "USD"};
  wc_money out = {7, "XXX"};
  char small[4];
  char buf[256];
  size_t needed = 0;
  wc_status status = WC_OK;

  CHECK_STATUS(wc_money_add(idr, usd, &out), WC_MONEY_CURRENCY_MISMATCH);
  CHECK(out.minor == 7); /* untouched on failure */
  CHECK_STATUS(wc_last_error(small, sizeof small, &needed, &status), WC_BUFFER_TOO_SMALL);
  CHECK(needed > sizeof small);
  CHECK_STATUS(wc_last_error(buf, sizeof buf, &needed, &status), WC_OK);
  CHECK(status == WC_MONEY_CURRENCY_MISMATCH);
  CHECK(strstr(buf, "IDR") != NULL && strstr(buf, "USD") != NULL);
  CHECK(strlen(buf) + 1 == needed);
  CHECK_STATUS(wc_last_error(NULL, 0, &needed, NULL), WC_NULL_PARAMETER);
}

static void test_money(void) {
  wc_money a = {150000, "IDR"};
  wc_money b = {50, "IDR"};
  wc_money max = {INT64_MAX, "IDR"};
  wc_money bad = {1, "XYZ"};
  wc_money out = {0, ""};
  uint32_t exponent = 99;

  CHECK_STATUS(wc_money_add(a, b, &out), WC_OK);
  CHECK(out.minor == 150050);
  CHECK_STR((const char *)out.currency, "IDR");
  CHECK_STATUS(wc_money_add(max, b, &out), WC_MONEY_OVERFLOW);
  CHECK_STATUS(wc_money_add(bad, b, &out), WC_MONEY_UNKNOWN_CURRENCY);
  CHECK_STATUS(wc_money_add(a, b, NULL), WC_NULL_PARAMETER);

  CHECK_STATUS(wc_currency_exponent("IDR", &exponent), WC_OK);
  CHECK(exponent == 2);
  CHECK_STATUS(wc_currency_exponent("JPY", &exponent), WC_OK);
  CHECK(exponent == 0);
  CHECK_STATUS(wc_currency_exponent(NULL, &exponent), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_currency_exponent("\xff\xfe", &exponent), WC_INVALID_UTF8);
  CHECK_STATUS(wc_currency_exponent("IDR", NULL), WC_NULL_PARAMETER);
  wc_string_free(NULL);
}

int main(void) {
  test_version_and_status_names();
  test_last_error();
  test_money();
  return wc_test_finish();
}
