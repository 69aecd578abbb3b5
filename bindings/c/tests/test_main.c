/* Exercises every export of the walletcare C library with good and bad
 * inputs: NULL pointers, invalid UTF-8, malformed JSON, too-small buffers,
 * handles of the wrong type, impossible dates, and checks that a failing
 * call changes nothing. Built with -std=c11 -Wall -Wextra -Wpedantic
 * -Werror, linked once statically and once dynamically, and run under
 * valgrind and ASan/UBSan by scripts/c-test.sh. */
#include <stdlib.h>

#include "wc_test.h"

/* 2026-11-21T08:00:00Z, a Saturday (15:00 in Jakarta). */
static const int64_t NOW = 1795248000;
static const char BAD_UTF8[] = "\xff\xfe";

/* ---------------------------------------------------------------- basics */

static void test_version_and_status_names(void) {
  CHECK_STR(wc_version(), "0.1.0");
  CHECK(WALLETCARE_VERSION_MAJOR == 0);
  CHECK(WALLETCARE_VERSION_MINOR == 1);
  CHECK_STR(wc_status_name(WC_OK), "ok");
  CHECK_STR(wc_status_name(WC_NULL_PARAMETER), "ffi.null_parameter");
  CHECK_STR(wc_status_name(WC_PANIC), "ffi.panic");
  CHECK_STR(wc_status_name(WC_MONEY_CURRENCY_MISMATCH), "money.currency_mismatch");
  CHECK_STR(wc_status_name(WC_CALENDAR_NOT_COVERED), "calendar.not_covered");
  CHECK_STR(wc_status_name(99999), "ffi.internal_error");
  /* Values are the core's error code numbers and never change. */
  CHECK(WC_OK == 0);
  CHECK(WC_NULL_PARAMETER == 1);
  CHECK(WC_INVALID_UTF8 == 2);
  CHECK(WC_BUFFER_TOO_SMALL == 3);
  CHECK(WC_PANIC == 4);
  CHECK(WC_INVALID_HANDLE == 5);
  CHECK(WC_GENERAL_INVALID_JSON == 100);
  CHECK(WC_MONEY_CURRENCY_MISMATCH == 200);
  CHECK(WC_ACCOUNT_WEAK_PIN == 304);
  CHECK(WC_CARD_LUHN_FAILED == 401);
  CHECK(WC_CALENDAR_NOT_COVERED == 600);
  CHECK(WC_REFUND_NOT_ELIGIBLE == 700);
  CHECK(WC_TICKET_INVALID_NUMBER == 800);
  wc_string_free(NULL);
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
  /* Reading the error does not clear it; a success does not either. */
  CHECK_STATUS(wc_money_add(idr, idr, &out), WC_OK);
  CHECK_STATUS(wc_last_error(buf, sizeof buf, NULL, &status), WC_OK);
  CHECK(status == WC_MONEY_CURRENCY_MISMATCH);
}

/* ----------------------------------------------------------------- money */

static void test_money_arithmetic(void) {
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
  CHECK_STATUS(wc_currency_exponent("XYZ", &exponent), WC_MONEY_UNKNOWN_CURRENCY);
  CHECK_STATUS(wc_currency_exponent(NULL, &exponent), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_currency_exponent(BAD_UTF8, &exponent), WC_INVALID_UTF8);
  CHECK_STATUS(wc_currency_exponent("IDR", NULL), WC_NULL_PARAMETER);
}

static void test_money_parse_and_format(void) {
  wc_money out = {-1, "XXX"};
  wc_money amount = {15000050, "IDR"};
  wc_money bad = {1, "ABC"};
  char buf[64];
  char tiny[5];
  size_t len = 0;

  CHECK_STATUS(wc_money_parse(S("Rp150.000"), "id-ID", "IDR", &out), WC_OK);
  CHECK(out.minor == 15000000);
  CHECK_STR((const char *)out.currency, "IDR");
  CHECK_STATUS(wc_money_parse(S("1.5万"), "zh-CN", "CNY", &out), WC_OK);
  CHECK(out.minor == 1500000);
  out.minor = -1;
  CHECK_STATUS(wc_money_parse(S("$1.234"), "en", "USD", &out), WC_MONEY_AMBIGUOUS);
  CHECK(out.minor == -1);
  CHECK_STATUS(wc_money_parse(S("Rp1.50.000"), "id-ID", "IDR", &out), WC_MONEY_PARSE);
  CHECK_STATUS(wc_money_parse(S("Rp150.000"), "fr-FR", "IDR", &out), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_money_parse(S("Rp150.000"), "id-ID", "XYZ", &out), WC_MONEY_UNKNOWN_CURRENCY);
  CHECK_STATUS(wc_money_parse(S(BAD_UTF8), "id-ID", "IDR", &out), WC_INVALID_UTF8);
  CHECK_STATUS(wc_money_parse(NULL, 3, "id-ID", "IDR", &out), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_money_parse(S("Rp1"), NULL, "IDR", &out), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_money_parse(S("Rp1"), "id-ID", NULL, &out), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_money_parse(S("Rp1"), "id-ID", "IDR", NULL), WC_NULL_PARAMETER);
  CHECK(out.minor == -1);

  CHECK_STATUS(wc_money_format(amount, "id-ID", buf, sizeof buf, &len), WC_OK);
  CHECK_STR(buf, "Rp150.000,50");
  CHECK(len == strlen(buf) + 1);
  CHECK_STATUS(wc_money_format(amount, "en", buf, sizeof buf, NULL), WC_OK);
  CHECK_STR(buf, "IDR 150,000.50");
  memcpy(tiny, "keep", 5);
  CHECK_STATUS(wc_money_format(amount, "id-ID", tiny, sizeof tiny, &len), WC_BUFFER_TOO_SMALL);
  CHECK(len == 13);
  CHECK_STR(tiny, "keep"); /* nothing written */
  CHECK_STATUS(wc_money_format(amount, "id-ID", buf, len, &len), WC_OK); /* exactly enough */
  CHECK_STATUS(wc_money_format(amount, "id-ID", NULL, 0, &len), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_money_format(bad, "id-ID", buf, sizeof buf, &len), WC_MONEY_UNKNOWN_CURRENCY);
  CHECK_STATUS(wc_money_format(amount, "xx", buf, sizeof buf, &len), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_money_format(amount, NULL, buf, sizeof buf, &len), WC_NULL_PARAMETER);
}

static void test_money_split(void) {
  wc_money bill = {10000, "IDR"};
  wc_money parts[4];
  wc_money one[1] = {{-5, "XXX"}};
  uint64_t ratios[] = {1, 1, 2};
  uint64_t zeros[] = {0, 0};
  size_t n = 0;

  CHECK_STATUS(wc_money_split(bill, 3, parts, 4, &n), WC_OK);
  CHECK(n == 3);
  CHECK(parts[0].minor == 3334 && parts[1].minor == 3333 && parts[2].minor == 3333);
  CHECK(parts[0].minor + parts[1].minor + parts[2].minor == bill.minor);
  CHECK_STATUS(wc_money_split(bill, 3, one, 1, &n), WC_BUFFER_TOO_SMALL);
  CHECK(n == 3);
  CHECK(one[0].minor == -5);
  CHECK_STATUS(wc_money_split(bill, 0, parts, 4, &n), WC_MONEY_INVALID_SPLIT);
  CHECK_STATUS(wc_money_split(bill, 2, NULL, 4, &n), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_money_split(bill, 2, parts, 4, NULL), WC_NULL_PARAMETER);

  CHECK_STATUS(wc_money_allocate(bill, ratios, 3, parts, 4, &n), WC_OK);
  CHECK(n == 3 && parts[0].minor == 2500 && parts[1].minor == 2500 && parts[2].minor == 5000);
  CHECK_STATUS(wc_money_allocate(bill, ratios, 3, one, 1, &n), WC_BUFFER_TOO_SMALL);
  CHECK(n == 3);
  CHECK_STATUS(wc_money_allocate(bill, zeros, 2, parts, 4, &n), WC_MONEY_INVALID_SPLIT);
  CHECK_STATUS(wc_money_allocate(bill, ratios, 0, parts, 4, &n), WC_MONEY_INVALID_SPLIT);
  CHECK_STATUS(wc_money_allocate(bill, NULL, 3, parts, 4, &n), WC_NULL_PARAMETER);
}

/* --------------------------------------------------------------- account */

static const char ACCOUNT[] =
    "{\"id\":\"acc-1\",\"state\":{\"state\":\"active\"},\"verification\":\"unverified\","
    "\"phone\":\"+6281234567890\"}";

static void test_account(void) {
  char *json = NULL;
  const char ctx[] = "{\"phone\":\"+6281234170890\",\"birth_date\":\"1990-08-17\"}";

  CHECK_STATUS(wc_pin_check(S("582914"), NULL, 0, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"valid\":true");
  wc_string_free(json);
  CHECK_STATUS(wc_pin_check(S("123456"), NULL, 0, "zh-CN", &json), WC_OK);
  CHECK_CONTAINS(json, "\"valid\":false");
  CHECK_CONTAINS(json, "ascending_sequence");
  CHECK_CONTAINS(json, "123456）。"); /* the rendered Chinese sentence */
  wc_string_free(json);
  CHECK_STATUS(wc_pin_check(S("170890"), S(ctx), "id", &json), WC_OK);
  CHECK_CONTAINS(json, "contains_birth_date");
  CHECK_CONTAINS(json, "contains_phone_number");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_pin_check(S("582914"), S("{\"phone\":"), "en", &json), WC_GENERAL_INVALID_JSON);
  CHECK_STATUS(wc_pin_check(S("582914"), S("{\"pet\":\"cat\"}"), "en", &json), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_pin_check(S(BAD_UTF8), NULL, 0, "en", &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_pin_check(NULL, 6, NULL, 0, "en", &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_pin_check(S("582914"), NULL, 0, "de", &json), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_pin_check(S("582914"), NULL, 0, NULL, &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_pin_check(S("582914"), NULL, 0, "en", NULL), WC_NULL_PARAMETER);
  CHECK(json == NULL); /* never written on failure */

  CHECK_STATUS(wc_password_check(S("Kopi tubruk 3 gelas"), NULL, 0, NULL, 0, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"valid\":true");
  CHECK_CONTAINS(json, "\"credential\":\"password\"");
  wc_string_free(json);
  CHECK_STATUS(wc_password_check(S("abc"), S("{\"password_min_length\":10}"), NULL, 0, "id", &json), WC_OK);
  CHECK_CONTAINS(json, "{\"violation\":\"too_short\",\"min\":10}");
  CHECK_CONTAINS(json, "Gunakan minimal 10 karakter.");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_password_check(S("abc"), S("{\"password_min_length\":80}"), NULL, 0, "en", &json),
               WC_ACCOUNT_INVALID_POLICY);
  CHECK_STATUS(wc_password_check(S("abc"), S("{\"password_min_length\":\"ten\"}"), NULL, 0, "en", &json), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_password_check(S("abc"), S(BAD_UTF8), NULL, 0, "en", &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_password_check(NULL, 0, NULL, 0, NULL, 0, "en", &json), WC_NULL_PARAMETER);
  CHECK(json == NULL);

  CHECK_STATUS(wc_password_strength(S("gunung merapi berasap pagi"), NULL, 0, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"score\":4");
  CHECK_CONTAINS(json, "\"label\":\"Very strong\"");
  wc_string_free(json);
  CHECK_STATUS(wc_password_strength(S("budi567890"), S("{\"phone\":\"+6281234567890\"}"), "id", &json), WC_OK);
  CHECK_CONTAINS(json, "\"score\":0");
  CHECK_CONTAINS(json, "avoid_phone_number");
  CHECK_CONTAINS(json, "Hindari nomor ponsel Anda.");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_password_strength(S(BAD_UTF8), NULL, 0, "en", &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_password_strength(S("x"), S("{"), "en", &json), WC_GENERAL_INVALID_JSON);
  CHECK_STATUS(wc_password_strength(S("x"), NULL, 0, "en", NULL), WC_NULL_PARAMETER);

  CHECK_STATUS(wc_account_checkup(S(ACCOUNT), NULL, 0, S("{\"flagged_transaction_ids\":[\"tx-9\"]}"), NOW,
                                  "en", &json),
               WC_OK);
  CHECK_CONTAINS(json, "{\"item\":\"enable_two_factor\"}");
  CHECK_CONTAINS(json, "\"transaction_ids\":[\"tx-9\"]");
  CHECK_CONTAINS(json, "Review 1 unusual transaction");
  CHECK_CONTAINS(json, "verify_identity");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_account_checkup(S("{\"id\":\"acc-1\"}"), NULL, 0, NULL, 0, NOW, "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_account_checkup(S(ACCOUNT), NULL, 0, S("{\"flagged_transaction_ids\":[\"bad id\"]}"), NOW,
                                  "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_account_checkup(S(ACCOUNT), S("{\"code_length\":2}"), NULL, 0, NOW, "en", &json),
               WC_ACCOUNT_INVALID_POLICY);
  CHECK_STATUS(wc_account_checkup(S(ACCOUNT), NULL, 0, NULL, 0, INT64_MAX, "en", &json),
               WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_account_checkup(NULL, 0, NULL, 0, NULL, 0, NOW, "en", &json), WC_NULL_PARAMETER);
  CHECK(json == NULL);
}

/* ------------------------------------------------------------------ card */

static void test_card(void) {
  char *json = NULL;
  wc_card_expiry expiry = {0, 0, true, {0, 0, 0}};

  CHECK_STATUS(wc_card_validate(S("4111 1111 1111 1111"), S("  budi   santoso "), S("12/29"), S("123"), NOW, &json),
               WC_OK);
  CHECK_CONTAINS(json, "\"masked_number\":\"411111******1111\"");
  CHECK_CONTAINS(json, "\"holder_name\":\"BUDI SANTOSO\"");
  CHECK_CONTAINS(json, "\"brand\":\"visa\"");
  CHECK(strstr(json, "4111 1111") == NULL && strstr(json, "123\"") == NULL); /* no number, no CVV */
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_card_validate(S("4111 1111 1111 1112"), S("Siti"), S("12/29"), S("123"), NOW, &json),
               WC_CARD_LUHN_FAILED);
  CHECK_STATUS(wc_card_validate(S("4111 1111 1111 1111"), S("Siti"), S("10/26"), S("123"), NOW, &json),
               WC_CARD_EXPIRED);
  CHECK_STATUS(wc_card_validate(S("3782 822463 10005"), S("Wang Fang"), S("03/28"), S("123"), NOW, &json),
               WC_CARD_INVALID_CVV);
  CHECK_STATUS(wc_card_validate(S("4111 1111 1111 1111"), S("R2D2"), S("12/29"), S("123"), NOW, &json),
               WC_CARD_INVALID_HOLDER_NAME);
  CHECK_STATUS(wc_card_validate(S("4111 1111 1111 1111"), S("Siti"), S("13/29"), S("123"), NOW, &json),
               WC_CARD_INVALID_EXPIRY);
  CHECK_STATUS(wc_card_validate(S(BAD_UTF8), S("Siti"), S("12/29"), S("123"), NOW, &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_card_validate(S("4111111111111111"), NULL, 4, S("12/29"), S("123"), NOW, &json),
               WC_NULL_PARAMETER);
  CHECK_STATUS(wc_card_validate(S("4111111111111111"), S("Siti"), S("12/29"), NULL, 3, NOW, &json),
               WC_NULL_PARAMETER);
  CHECK_STATUS(wc_card_validate(S("4111111111111111"), S("Siti"), S("12/29"), S("123"), NOW, NULL),
               WC_NULL_PARAMETER);
  CHECK(json == NULL);

  CHECK_STATUS(wc_card_problems(S("4111 1111 1111 1112"), S(""), S("13/30"), S("12"), NOW, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"valid\":false");
  CHECK_CONTAINS(json, "luhn_failed");
  CHECK_CONTAINS(json, "This card number isn't valid.");
  CHECK_CONTAINS(json, "The security code (CVV) must be 3 or 4 digits.");
  wc_string_free(json);
  CHECK_STATUS(wc_card_problems(S("5555 5555 5555 4444"), S("Siti"), S("01/2031"), S("321"), NOW, "id", &json),
               WC_OK);
  CHECK_CONTAINS(json, "{\"valid\":true,\"problems\":[],\"messages\":[]}");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_card_problems(S("4111"), S("Siti"), S("12/29"), S("123"), NOW, "xx", &json),
               WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_card_problems(S("4111"), S("Siti"), S(BAD_UTF8), S("123"), NOW, "en", &json), WC_INVALID_UTF8);
  CHECK(json == NULL);

  /* 2028-03-01T00:00:00Z is the first instant after February 2028. */
  CHECK_STATUS(wc_card_expiry_check(S("02/28"), 1835481599, &expiry), WC_OK);
  CHECK(expiry.year == 2028 && expiry.month == 2 && !expiry.expired);
  CHECK(expiry.last_valid_day.year == 2028 && expiry.last_valid_day.month == 2 && expiry.last_valid_day.day == 29);
  CHECK_STATUS(wc_card_expiry_check(S("02/28"), 1835481600, &expiry), WC_OK);
  CHECK(expiry.expired);
  CHECK_STATUS(wc_card_expiry_check(S("2/28"), NOW, &expiry), WC_CARD_INVALID_EXPIRY);
  CHECK_STATUS(wc_card_expiry_check(S("00/28"), NOW, &expiry), WC_CARD_INVALID_EXPIRY);
  CHECK(expiry.year == 2028 && expiry.expired); /* untouched */
  CHECK_STATUS(wc_card_expiry_check(NULL, 5, NOW, &expiry), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_card_expiry_check(S("02/28"), NOW, NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_card_expiry_check(S("02/28"), INT64_MIN, &expiry), WC_GENERAL_DATE_OUT_OF_RANGE);
}

/* -------------------------------------------------------------- calendar */

static int same_date(wc_date a, int year, int month, int day) {
  return a.year == year && a.month == month && a.day == day;
}

static void test_calendar(void) {
  wc_calendar *id = NULL, *cn = NULL, *sg = NULL, *my = NULL, *custom = NULL, *again = NULL;
  wc_calendar *untouched = (wc_calendar *)&NOW; /* any non-NULL marker */
  wc_date out = {1, 1, 1};
  wc_date feb30 = {2024, 2, 30};
  wc_date month13 = {2024, 13, 1};
  wc_date far = {2099, 1, 1};
  bool flag = false;
  int64_t n = 0;
  char *json = NULL;
  const char spec[] =
      "{\"name\":\"Jakarta office\",\"time_zone\":\"Asia/Jakarta\","
      "\"business_hours\":[{\"start\":\"08:00\",\"end\":\"12:00\"},{\"start\":\"13:00\",\"end\":\"17:00\"}],"
      "\"holidays\":[{\"date\":\"2026-12-25\",\"name\":\"Christmas Day\",\"kind\":\"public\"}]}";

  CHECK_STATUS(wc_calendar_builtin("ID", &id), WC_OK);
  CHECK_STATUS(wc_calendar_builtin("cn", &cn), WC_OK);
  CHECK_STATUS(wc_calendar_builtin("SG", &sg), WC_OK);
  CHECK_STATUS(wc_calendar_builtin("MY", &my), WC_OK);
  CHECK(id != NULL && cn != NULL && sg != NULL && my != NULL);
  CHECK_STATUS(wc_calendar_builtin("XX", &untouched), WC_CALENDAR_UNKNOWN_CALENDAR);
  CHECK(untouched == (wc_calendar *)&NOW);
  CHECK_STATUS(wc_calendar_builtin(NULL, &custom), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_calendar_builtin(BAD_UTF8, &custom), WC_INVALID_UTF8);
  CHECK_STATUS(wc_calendar_builtin("ID", NULL), WC_NULL_PARAMETER);

  CHECK_STATUS(wc_calendar_from_json(S(spec), &custom), WC_OK);
  CHECK_STATUS(wc_calendar_from_json(S("{\"time_zone\":"), &again), WC_GENERAL_INVALID_JSON);
  CHECK_STATUS(wc_calendar_from_json(S("{\"time_zone\":\"Mars/Olympus\"}"), &again), WC_CALENDAR_UNKNOWN_TIME_ZONE);
  CHECK_STATUS(wc_calendar_from_json(S("{\"time_zone\":\"UTC\",\"weekmask\":\"0000000\"}"), &again),
               WC_CALENDAR_NO_BUSINESS_DAYS);
  CHECK_STATUS(wc_calendar_from_json(
                   S("{\"time_zone\":\"UTC\",\"business_hours\":[{\"start\":\"09:00\",\"end\":\"12:00\"},"
                     "{\"start\":\"11:00\",\"end\":\"18:00\"}]}"),
                   &again),
               WC_CALENDAR_INVALID_BUSINESS_HOURS);
  CHECK_STATUS(wc_calendar_from_json(S(BAD_UTF8), &again), WC_INVALID_UTF8);
  CHECK_STATUS(wc_calendar_from_json(NULL, 3, &again), WC_NULL_PARAMETER);
  CHECK(again == NULL);

  /* JSON round trip. */
  CHECK_STATUS(wc_calendar_to_json(custom, &json), WC_OK);
  CHECK_CONTAINS(json, "Asia/Jakarta");
  CHECK_STATUS(wc_calendar_from_json(json, strlen(json), &again), WC_OK);
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_calendar_to_json(NULL, &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_calendar_to_json(id, NULL), WC_NULL_PARAMETER);

  /* Business days. */
  CHECK_STATUS(wc_calendar_is_business_day(id, (wc_date){2026, 12, 24}, &flag), WC_OK);
  CHECK(!flag); /* cuti bersama */
  CHECK_STATUS(wc_calendar_is_business_day(cn, (wc_date){2026, 2, 14}, &flag), WC_OK);
  CHECK(flag); /* make-up Saturday */
  CHECK_STATUS(wc_calendar_is_business_day(again, (wc_date){2026, 12, 24}, &flag), WC_OK);
  CHECK(flag); /* the custom calendar has no cuti bersama */
  flag = true;
  CHECK_STATUS(wc_calendar_is_business_day(id, feb30, &flag), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_calendar_is_business_day(id, month13, &flag), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_calendar_is_business_day(id, far, &flag), WC_CALENDAR_NOT_COVERED);
  CHECK(flag); /* untouched */
  CHECK_STATUS(wc_calendar_is_business_day(NULL, far, &flag), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_calendar_is_business_day(id, far, NULL), WC_NULL_PARAMETER);

  CHECK_STATUS(wc_calendar_add_business_days(id, (wc_date){2026, 12, 23}, 1, &out), WC_OK);
  CHECK(same_date(out, 2026, 12, 28));
  CHECK_STATUS(wc_calendar_add_business_days(id, (wc_date){2026, 12, 28}, -1, &out), WC_OK);
  CHECK(same_date(out, 2026, 12, 23));
  CHECK_STATUS(wc_calendar_add_business_days(id, (wc_date){2030, 12, 2}, 100, &out), WC_CALENDAR_NOT_COVERED);
  CHECK_STATUS(wc_calendar_add_business_days(again, (wc_date){2026, 1, 1}, INT64_MAX, &out),
               WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK(same_date(out, 2026, 12, 23));
  CHECK_STATUS(wc_calendar_add_business_days(id, feb30, 1, &out), WC_GENERAL_DATE_OUT_OF_RANGE);

  CHECK_STATUS(wc_calendar_business_days_between(id, (wc_date){2026, 12, 21}, (wc_date){2026, 12, 28}, &n), WC_OK);
  CHECK(n == 3);
  CHECK_STATUS(wc_calendar_business_days_between(id, (wc_date){2026, 12, 28}, (wc_date){2026, 12, 21}, &n), WC_OK);
  CHECK(n == -3);
  CHECK_STATUS(wc_calendar_business_days_between(id, month13, (wc_date){2026, 12, 21}, &n),
               WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK(n == -3);

  CHECK_STATUS(wc_calendar_next_business_day(sg, (wc_date){2026, 8, 7}, &out), WC_OK);
  CHECK(same_date(out, 2026, 8, 11)); /* National Day observed on Monday 10 August */
  CHECK_STATUS(wc_calendar_previous_business_day(sg, (wc_date){2026, 8, 11}, &out), WC_OK);
  CHECK(same_date(out, 2026, 8, 7));
  CHECK_STATUS(wc_calendar_next_business_day(my, (wc_date){2026, 8, 28}, &out), WC_OK);
  CHECK(same_date(out, 2026, 9, 1)); /* Merdeka on Monday 31 August */
  CHECK_STATUS(wc_calendar_next_business_day(id, feb30, &out), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_calendar_previous_business_day(id, (wc_date){2020, 1, 1}, &out), WC_CALENDAR_NOT_COVERED);
  CHECK_STATUS(wc_calendar_previous_business_day(id, (wc_date){2026, 1, 5}, NULL), WC_NULL_PARAMETER);

  /* Roll: Monday 16 February 2026 is in the Spring Festival holiday. */
  CHECK_STATUS(wc_calendar_roll(cn, (wc_date){2026, 2, 16}, WC_ROLL_FOLLOWING, &out), WC_OK);
  CHECK(same_date(out, 2026, 2, 24));
  CHECK_STATUS(wc_calendar_roll(cn, (wc_date){2026, 2, 16}, WC_ROLL_PRECEDING, &out), WC_OK);
  CHECK(same_date(out, 2026, 2, 14));
  /* Saturday 31 October 2026: following would leave the month. */
  CHECK_STATUS(wc_calendar_roll(id, (wc_date){2026, 10, 31}, WC_ROLL_MODIFIED_FOLLOWING, &out), WC_OK);
  CHECK(same_date(out, 2026, 10, 30));
  /* Sunday 1 November 2026: preceding would leave the month. */
  CHECK_STATUS(wc_calendar_roll(id, (wc_date){2026, 11, 1}, WC_ROLL_MODIFIED_PRECEDING, &out), WC_OK);
  CHECK(same_date(out, 2026, 11, 2));
  CHECK_STATUS(wc_calendar_roll(id, (wc_date){2026, 11, 1}, 4, &out), WC_GENERAL_UNKNOWN_VALUE);
  CHECK(same_date(out, 2026, 11, 2));

  /* Business hours: Friday 2026-12-18 17:00 WIB + 3 business hours: the
   * 18:00 close, then Monday 09:00-11:00 WIB. */
  CHECK_STATUS(wc_calendar_add_business_seconds(id, 1797588000, 3 * 3600, &n), WC_OK);
  CHECK(n == 1797825600); /* 2026-12-21T04:00:00Z = 11:00 WIB */
  CHECK_STATUS(wc_calendar_add_business_seconds(id, 1797825600, -3 * 3600, &n), WC_OK);
  CHECK(n == 1797588000); /* back to 17:00 WIB Friday */
  CHECK_STATUS(wc_calendar_add_business_seconds(id, INT64_MAX, 1, &n), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_calendar_add_business_seconds(id, NOW, INT64_MAX, &n), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_calendar_business_seconds_between(id, 1797588000, 1797825600, &n), WC_OK);
  CHECK(n == 3 * 3600);
  CHECK_STATUS(wc_calendar_business_seconds_between(id, 1797825600, 1797588000, &n), WC_OK);
  CHECK(n == 0);
  CHECK_STATUS(wc_calendar_business_seconds_between(id, INT64_MIN, 0, &n), WC_GENERAL_DATE_OUT_OF_RANGE);

  /* Start date: 18:00 WIB Friday is after the 17:00 cut-off. */
  CHECK_STATUS(wc_calendar_start_date(id, 1797591600, &out), WC_OK);
  CHECK(same_date(out, 2026, 12, 21));
  CHECK_STATUS(wc_calendar_start_date(id, INT64_MAX, &out), WC_GENERAL_DATE_OUT_OF_RANGE);

  CHECK_STATUS(wc_calendar_is_estimated(id, (wc_date){2026, 1, 1}, (wc_date){2026, 12, 31}, &flag), WC_OK);
  CHECK(!flag);
  CHECK_STATUS(wc_calendar_is_estimated(id, (wc_date){2026, 12, 1}, (wc_date){2027, 1, 31}, &flag), WC_OK);
  CHECK(!flag); /* 2027 is decreed (SKB 3 Menteri) */
  CHECK_STATUS(wc_calendar_is_estimated(id, (wc_date){2027, 12, 1}, (wc_date){2028, 1, 31}, &flag), WC_OK);
  CHECK(flag);
  CHECK_STATUS(wc_calendar_is_estimated(id, feb30, (wc_date){2027, 1, 31}, &flag), WC_GENERAL_DATE_OUT_OF_RANGE);

  CHECK_STATUS(wc_calendar_non_business_days(id, (wc_date){2026, 12, 24}, (wc_date){2026, 12, 27}, "id", &json),
               WC_OK);
  CHECK_CONTAINS(json, "\"type\":\"holiday\"");
  CHECK_CONTAINS(json, "\"kind\":\"collective_leave\"");
  CHECK_CONTAINS(json, "cuti bersama");
  CHECK_CONTAINS(json, "\"type\":\"weekend\"");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_calendar_non_business_days(id, (wc_date){2026, 12, 24}, (wc_date){2026, 12, 27}, "x", &json),
               WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_calendar_non_business_days(id, (wc_date){1900, 1, 1}, (wc_date){2026, 12, 27}, "en", &json),
               WC_CALENDAR_NOT_COVERED);
  CHECK(json == NULL);

  wc_calendar_free(id);
  wc_calendar_free(cn);
  wc_calendar_free(sg);
  wc_calendar_free(my);
  wc_calendar_free(custom);
  wc_calendar_free(again);
  wc_calendar_free(NULL);
}

/* ---------------------------------------------------------------- refund */

static const char PAYMENT[] =
    "{\"transaction_id\":\"TX-1\",\"order_number\":\"ORD-1\",\"amount\":{\"minor\":20000000,\"currency\":\"IDR\"},"
    "\"paid_at\":\"2026-12-01T03:00:00Z\",\"method\":{\"type\":\"card\",\"bank\":\"BCA\",\"last4\":\"1234\"}}";
static const char FULL_REQUEST[] =
    "{\"order_number\":\"ORD-1\",\"transaction_id\":\"TX-1\",\"paid_at\":\"2026-12-01T03:00:00Z\","
    "\"amount\":{\"type\":\"full\"},\"reason\":\"not_received\"}";
static const char PART_REQUEST[] =
    "{\"order_number\":\"ORD-1\",\"transaction_id\":\"TX-1\",\"paid_at\":\"2026-12-01T03:00:00Z\","
    "\"amount\":{\"type\":\"partial\",\"amount\":{\"minor\":5000000,\"currency\":\"IDR\"}},\"reason\":\"cancelled\"}";
/* 2026-12-17T03:00:00Z: Thursday 10:00 WIB. */
static const int64_t REFUND_NOW = 1797476400;

static void apply_ok(wc_refund_book *book, uint32_t id, const char *action, int64_t at, const char *want) {
  char *json = NULL;
  CHECK_STATUS(wc_refund_book_apply(book, id, action, strlen(action), at, "en", &json), WC_OK);
  CHECK_CONTAINS(json, want);
  wc_string_free(json);
}

static void test_refund(void) {
  wc_refund_book *book = NULL, *copy = NULL, *none = NULL;
  wc_calendar *id = NULL;
  char *json = NULL, *before = NULL, *after = NULL;
  const int64_t completed = REFUND_NOW + 3600;

  CHECK_STATUS(wc_calendar_builtin("ID", &id), WC_OK);
  CHECK_STATUS(wc_refund_book_new(S(PAYMENT), NULL, 0, &book), WC_OK);
  CHECK_STATUS(wc_refund_book_new(S(PAYMENT), S("{\"window_days\":0}"), &none), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_refund_book_new(S(PAYMENT), S("{\"window_dayz\":3}"), &none), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_refund_book_new(S("{\"transaction_id\":\"TX-1\",\"order_number\":\"ORD-1\",\"amount\":{\"minor\":0,"
                                    "\"currency\":\"IDR\"},\"paid_at\":\"2026-12-01T03:00:00Z\","
                                    "\"method\":{\"type\":\"wallet_balance\"}}"),
                                  NULL, 0, &none),
               WC_MONEY_NON_POSITIVE_AMOUNT);
  CHECK_STATUS(wc_refund_book_new(S(BAD_UTF8), NULL, 0, &none), WC_INVALID_UTF8);
  CHECK_STATUS(wc_refund_book_new(NULL, 0, NULL, 0, &none), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_refund_book_new(S(PAYMENT), NULL, 0, NULL), WC_NULL_PARAMETER);
  CHECK(none == NULL);

  /* Eligibility: a full refund 60 days late is out of the 30-day window. */
  CHECK_STATUS(wc_refund_book_check(book, S(FULL_REQUEST), REFUND_NOW + 60 * 86400, "id", &json), WC_OK);
  CHECK_CONTAINS(json, "\"eligible\":false");
  CHECK_CONTAINS(json, "window_closed");
  CHECK_CONTAINS(json, "\"messages\":[\"");
  wc_string_free(json);
  CHECK_STATUS(wc_refund_book_check(book, S(PART_REQUEST), REFUND_NOW, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"eligible\":true");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_book_check(book, S("{\"order_number\":\"ORD-1\"}"), REFUND_NOW, "en", &json),
               WC_GENERAL_INVALID_ARGUMENT); /* request.transaction_id is required */
  CHECK(json == NULL);

  /* Submit, replay, conflict. */
  CHECK_STATUS(wc_refund_book_submit(book, S("app-1"), S(PART_REQUEST), REFUND_NOW, &json), WC_OK);
  CHECK_CONTAINS(json, "\"id\":1");
  CHECK_CONTAINS(json, "\"replayed\":false");
  wc_string_free(json);
  CHECK_STATUS(wc_refund_book_submit(book, S("app-1"), S(PART_REQUEST), REFUND_NOW, &json), WC_OK);
  CHECK_CONTAINS(json, "\"replayed\":true");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_book_to_json(book, &before), WC_OK);
  CHECK_STATUS(wc_refund_book_submit(book, S("app-1"), S(FULL_REQUEST), REFUND_NOW, &json),
               WC_REFUND_IDEMPOTENCY_CONFLICT);
  /* A full refund while a partial one holds money exceeds the payment. */
  CHECK_STATUS(wc_refund_book_submit(book, S("app-2"), S(FULL_REQUEST), REFUND_NOW, &json), WC_REFUND_NOT_ELIGIBLE);
  CHECK_STATUS(wc_refund_book_submit(book, S("bad key!"), S(PART_REQUEST), REFUND_NOW, &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_refund_book_submit(book, S("app-3"), S(PART_REQUEST), REFUND_NOW, NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_refund_book_submit(book, NULL, 5, S(PART_REQUEST), REFUND_NOW, &json), WC_NULL_PARAMETER);
  CHECK(json == NULL);

  /* Lifecycle moves; a refused move changes nothing. */
  apply_ok(book, 1, "{\"action\":\"start_review\"}", REFUND_NOW, "\"status\":\"under_review\"");
  CHECK_STATUS(wc_refund_book_apply(book, 1, S("{\"action\":\"complete\"}"), REFUND_NOW, "en", &json),
               WC_REFUND_INVALID_TRANSITION);
  CHECK_STATUS(wc_refund_book_apply(book, 1, S("{\"action\":\"approve\"}"), REFUND_NOW - 1, "en", &json),
               WC_REFUND_CLOCK_WENT_BACKWARDS);
  CHECK_STATUS(wc_refund_book_apply(book, 9, S("{\"action\":\"approve\"}"), REFUND_NOW, "en", &json),
               WC_REFUND_NOT_FOUND);
  CHECK_STATUS(wc_refund_book_apply(book, 1, S("{\"action\":\"teleport\"}"), REFUND_NOW, "en", &json),
               WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_refund_book_apply(book, 1, S("{\"action\":\"approve\"}"), REFUND_NOW, "xx", &json),
               WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_refund_book_apply(book, 1, S("{\"action\":\"approve\"}"), REFUND_NOW, "en", NULL),
               WC_NULL_PARAMETER);
  CHECK(json == NULL);
  apply_ok(book, 1, "{\"action\":\"approve\"}", REFUND_NOW, "\"text\":\"Approved\"");

  /* The due date of an approved refund to a BCA card: 7 business days
   * from Thursday 17 December 2026, over the Christmas cuti bersama. */
  CHECK_STATUS(wc_refund_book_due(book, 1, id, NULL, 0, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"due_date\":\"2026-12-30\"");
  CHECK_CONTAINS(json, "Christmas");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_book_due(book, 2, id, NULL, 0, "en", &json), WC_REFUND_NOT_FOUND);
  CHECK_STATUS(wc_refund_book_due(book, 1, id, S("{\"card_days\":{\"B C A\":5}}"), "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_refund_book_due(book, 1, (const wc_calendar *)book, NULL, 0, "en", &json), WC_INVALID_HANDLE);
  CHECK_STATUS(wc_refund_book_due((const wc_refund_book *)id, 1, id, NULL, 0, "en", &json), WC_INVALID_HANDLE);
  CHECK(json == NULL);

  apply_ok(book, 1, "{\"action\":\"start_processing\"}", REFUND_NOW, "processing");
  apply_ok(book, 1, "{\"action\":\"complete\"}", completed, "\"status\":\"completed\"");
  CHECK_STATUS(wc_refund_book_get(book, 1, "zh-CN", &json), WC_OK);
  CHECK_CONTAINS(json, "\"status_text\":\"退款已完成\"");
  CHECK_CONTAINS(json, "\"history\":[");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_book_get(book, 0, "en", &json), WC_REFUND_NOT_FOUND);
  CHECK_STATUS(wc_refund_book_get(NULL, 1, "en", &json), WC_NULL_PARAMETER);
  CHECK(json == NULL);

  /* A second refund never approved has no due date. */
  CHECK_STATUS(wc_refund_book_submit(book, S("app-4"), S(PART_REQUEST), REFUND_NOW, &json), WC_OK);
  CHECK_CONTAINS(json, "\"id\":2");
  wc_string_free(json);
  CHECK_STATUS(wc_refund_book_due(book, 2, id, NULL, 0, "en", &json), WC_OK);
  CHECK_STR(json, "{\"due\":null,\"explanation\":null}");
  wc_string_free(json);
  json = NULL;

  /* Persist and reload. */
  CHECK_STATUS(wc_refund_book_to_json(book, &after), WC_OK);
  CHECK(strcmp(before, after) != 0);
  CHECK_STATUS(wc_refund_book_from_json(after, strlen(after), &copy), WC_OK);
  wc_string_free(after);
  after = NULL;
  CHECK_STATUS(wc_refund_book_to_json(copy, &after), WC_OK);
  CHECK_STATUS(wc_refund_book_to_json(book, &json), WC_OK);
  CHECK_STR(after, json);
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_book_from_json(S("{\"payment\":{}}"), &none), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_refund_book_from_json(S(BAD_UTF8), &none), WC_INVALID_UTF8);
  CHECK_STATUS(wc_refund_book_to_json((const wc_refund_book *)id, &json), WC_INVALID_HANDLE);
  CHECK(none == NULL && json == NULL);

  /* The SLA without a book; its status with and without completion. */
  CHECK_STATUS(wc_refund_sla_due(id, NULL, 0, 1797591600, S("{\"type\":\"wallet_balance\"}"), "id", &json), WC_OK);
  CHECK_CONTAINS(json, "\"start\":\"after_cutoff\"");
  CHECK_CONTAINS(json, "\"due_date\":\"2026-12-21\"");
  {
    /* Feed the "due" object back to wc_refund_sla_status. */
    const char *due = strstr(json, "\"due\":") + 6;
    const char *end = strstr(json, ",\"explanation\"");
    char *status = NULL;
    /* 2026-12-21T17:00:00Z is the end of Monday 21 December in Jakarta. */
    CHECK_STATUS(wc_refund_sla_status(due, (size_t)(end - due), 1797872400 - 3600, NULL, "en", &status), WC_OK);
    CHECK_CONTAINS(status, "\"state\":\"due_soon\"");
    CHECK_CONTAINS(status, "Due soon: 1 hour left");
    wc_string_free(status);
    CHECK_STATUS(wc_refund_sla_status(due, (size_t)(end - due), 1797872400 + 300, NULL, "en", &status), WC_OK);
    CHECK_CONTAINS(status, "{\"state\":\"breached\",\"overdue_seconds\":300}");
    wc_string_free(status);
    CHECK_STATUS(wc_refund_sla_status(due, (size_t)(end - due), 1797872400 + 300, &completed, "en", &status), WC_OK);
    CHECK_CONTAINS(status, "completed_on_time");
    wc_string_free(status);
    status = NULL;
    CHECK_STATUS(wc_refund_sla_status(S("{\"due_at\":1}"), NOW, NULL, "en", &status), WC_GENERAL_INVALID_ARGUMENT);
    CHECK_STATUS(wc_refund_sla_status(due, (size_t)(end - due), INT64_MAX, NULL, "en", &status),
                 WC_GENERAL_DATE_OUT_OF_RANGE);
    CHECK(status == NULL);
  }
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_refund_sla_due(id, NULL, 0, NOW, S("{\"type\":\"cash\"}"), "en", &json), WC_GENERAL_UNKNOWN_VALUE);
  /* A card without its bank names the field, as JavaScript does (issue 11). */
  CHECK_STATUS(wc_refund_sla_due(id, NULL, 0, NOW, S("{\"type\":\"card\",\"last4\":\"1234\"}"), "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  {
    char message[256];
    CHECK_STATUS(wc_last_error(message, sizeof message, NULL, NULL), WC_OK);
    CHECK_STR(message, "destination.bank is required");
  }
  CHECK_STATUS(wc_refund_sla_due(id, S("{\"other_card_days\":1000}"), NOW, S("{\"type\":\"wallet_balance\"}"), "en",
                                 &json),
               WC_GENERAL_INVALID_ARGUMENT);
  /* 2031 is beyond the built-in data. */
  CHECK_STATUS(wc_refund_sla_due(id, NULL, 0, 1924992000, S("{\"type\":\"wallet_balance\"}"), "en", &json),
               WC_CALENDAR_NOT_COVERED);
  CHECK_STATUS(wc_refund_sla_due((const wc_calendar *)book, NULL, 0, NOW, S("{\"type\":\"wallet_balance\"}"), "en",
                                 &json),
               WC_INVALID_HANDLE);
  CHECK(json == NULL);

  wc_string_free(before);
  wc_string_free(after);
  wc_refund_book_free(book);
  wc_refund_book_free(copy);
  wc_refund_book_free(NULL);
  wc_calendar_free(id);
}

/* ---------------------------------------------------------------- ticket */

/* Monday 2026-11-23 09:00 WIB. */
static const int64_t T0 = 1795399200;

static void test_ticket_numbers(void) {
  char buf[32];
  char tiny[8];
  size_t len = 0;
  wc_ticket_number parts = {"", {0, 0, 0}, 0, 0};
  wc_calendar *id = NULL;

  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 123, NULL, buf, sizeof buf, &len), WC_OK);
  CHECK_STR(buf, "WC-20261121-000123-7");
  CHECK(len == 21);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 123, "gpx", buf, sizeof buf, &len), WC_OK);
  CHECK_STR(buf, "GPX-20261121-000123-7");
  memcpy(tiny, "unused", 7);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 123, NULL, tiny, sizeof tiny, &len), WC_BUFFER_TOO_SMALL);
  CHECK(len == 21);
  CHECK_STR(tiny, "unused");
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 1000000000, NULL, buf, sizeof buf, &len),
               WC_TICKET_INVALID_NUMBER);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 1, "W1", buf, sizeof buf, &len),
               WC_TICKET_INVALID_NUMBER);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 31}, 1, NULL, buf, sizeof buf, &len),
               WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 1, BAD_UTF8, buf, sizeof buf, &len), WC_INVALID_UTF8);
  CHECK_STATUS(wc_ticket_number_new((wc_date){2026, 11, 21}, 1, NULL, NULL, 32, &len), WC_NULL_PARAMETER);
  CHECK_STR(buf, "GPX-20261121-000123-7");

  CHECK_STATUS(wc_calendar_builtin("ID", &id), WC_OK);
  /* 2026-11-20T20:00:00Z is already 21 November in Jakarta. */
  CHECK_STATUS(wc_ticket_number_for_instant(id, 1795204800, 123, buf, sizeof buf, NULL), WC_OK);
  CHECK_STR(buf, "WC-20261121-000123-7");
  CHECK_STATUS(wc_ticket_number_for_instant(id, 1795204800, 123, tiny, sizeof tiny, &len), WC_BUFFER_TOO_SMALL);
  CHECK_STATUS(wc_ticket_number_for_instant(NULL, 1795204800, 123, buf, sizeof buf, NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_number_for_instant(id, INT64_MAX, 123, buf, sizeof buf, NULL), WC_GENERAL_DATE_OUT_OF_RANGE);
  wc_calendar_free(id);

  CHECK_STATUS(wc_ticket_number_check(S(" wc-20261121-000123-7 "), &parts), WC_OK);
  CHECK_STR((const char *)parts.prefix, "WC");
  CHECK(parts.date.year == 2026 && parts.date.month == 11 && parts.date.day == 21);
  CHECK(parts.sequence == 123 && parts.check_digit == 7);
  CHECK_STATUS(wc_ticket_number_check(S("WC-20261121-000132-7"), &parts), WC_TICKET_INVALID_NUMBER);
  CHECK_STATUS(wc_ticket_number_check(S("WC-20261121-000123-1"), &parts), WC_TICKET_INVALID_NUMBER);
  CHECK_STATUS(wc_ticket_number_check(S(""), &parts), WC_TICKET_INVALID_NUMBER);
  CHECK(parts.sequence == 123); /* untouched */
  CHECK_STATUS(wc_ticket_number_check(S(BAD_UTF8), &parts), WC_INVALID_UTF8);
  CHECK_STATUS(wc_ticket_number_check(NULL, 3, &parts), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_number_check(S("WC-20261121-000123-7"), NULL), WC_NULL_PARAMETER);
}

static void test_ticket_lifecycle(void) {
  wc_ticket *ticket = NULL, *copy = NULL, *none = NULL;
  wc_calendar *id = NULL;
  char *json = NULL, *saved = NULL;
  const char number[] = "WC-20261123-000001-3";

  CHECK_STATUS(wc_calendar_builtin("ID", &id), WC_OK);
  CHECK_STATUS(wc_ticket_new(S(number), "email", "refund", NULL, T0, &ticket), WC_OK);
  CHECK_STATUS(wc_ticket_new(S(number), "fax", "refund", NULL, T0, &none), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_ticket_new(S(number), "email", "billing", NULL, T0, &none), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_ticket_new(S(number), "email", "refund", "asap", T0, &none), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_ticket_new(S("WC-20261123-000001-4"), "email", "refund", NULL, T0, &none),
               WC_TICKET_INVALID_NUMBER);
  CHECK_STATUS(wc_ticket_new(S(number), NULL, "refund", NULL, T0, &none), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_new(S(number), "email", "refund", NULL, T0, NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_new(S(number), "email", "refund", "urgent", INT64_MIN, &none), WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK(none == NULL);

  /* SLA: an email about a refund, 30 minutes in, on Monday morning. */
  CHECK_STATUS(wc_ticket_sla(ticket, T0 + 1800, NULL, 0, id, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"first_response\":{\"clock\":\"first_response\"");
  CHECK_CONTAINS(json, "\"state\":\"on_track\"");
  CHECK_CONTAINS(json, "First response: on track");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_ticket_sla(ticket, T0 - 1, NULL, 0, id, "en", &json), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_ticket_sla(ticket, T0, S("{\"fallback\":{},\"extra\":1}"), id, "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_ticket_sla(ticket, T0,
                             S("{\"fallback\":{\"first_response\":{\"kind\":\"live\"},"
                               "\"next_response\":{\"kind\":\"within\",\"seconds\":60,\"basis\":\"wall\"},"
                               "\"resolution\":{\"kind\":\"within\",\"seconds\":60,\"basis\":\"wall\"}},"
                               "\"due_soon_percent\":0}"),
                             id, "en", &json),
               WC_TICKET_INVALID_SLA_POLICY);
  CHECK_STATUS(wc_ticket_sla(ticket, T0, NULL, 0, (const wc_calendar *)ticket, "en", &json), WC_INVALID_HANDLE);
  CHECK_STATUS(wc_ticket_sla((const wc_ticket *)id, T0, NULL, 0, id, "en", &json), WC_INVALID_HANDLE);
  CHECK_STATUS(wc_ticket_sla(ticket, T0, NULL, 0, id, "en", NULL), WC_NULL_PARAMETER);
  CHECK(json == NULL);

  /* Moves. */
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 600, S("{\"kind\":\"respond\"}"), "id", &json), WC_OK);
  CHECK_CONTAINS(json, "\"status\":\"open\"");
  CHECK_CONTAINS(json, "\"text\":\"Sedang diproses\"");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_ticket_to_json(ticket, &saved), WC_OK);
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 700, S("{\"kind\":\"close\"}"), "en", &json), WC_TICKET_INVALID_TRANSITION);
  CHECK_STATUS(wc_ticket_apply(ticket, T0, S("{\"kind\":\"resolve\"}"), "en", &json), WC_TICKET_EVENT_OUT_OF_ORDER);
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 700, S("{\"kind\":\"open\",\"x\":1}"), "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  /* A ticket is created once: the core refuses a second create, as in JavaScript (issue 11). */
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 700,
                               S("{\"kind\":\"create\",\"channel\":\"chat\",\"category\":\"refund\",\"priority\":\"normal\"}"),
                               "en", &json),
               WC_TICKET_INVALID_TRANSITION);
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 700, S("{\"kind\":\"resolve\"}"), "en", NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_apply((wc_ticket *)id, T0 + 700, S("{\"kind\":\"resolve\"}"), "en", &json), WC_INVALID_HANDLE);
  CHECK(json == NULL);
  CHECK_STATUS(wc_ticket_to_json(ticket, &json), WC_OK);
  CHECK_STR(json, saved); /* the refused moves changed nothing */
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 700, S("{\"kind\":\"resolve\"}"), "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"status\":\"resolved\"");
  wc_string_free(json);
  CHECK_STATUS(wc_ticket_apply(ticket, T0 + 800, S("{\"kind\":\"rate_satisfaction\",\"score\":9}"), "en", &json),
               WC_TICKET_INVALID_SATISFACTION_SCORE);

  /* Persist and reload. */
  wc_string_free(saved);
  saved = NULL;
  CHECK_STATUS(wc_ticket_to_json(ticket, &saved), WC_OK);
  CHECK_STATUS(wc_ticket_from_json(saved, strlen(saved), &copy), WC_OK);
  CHECK_STATUS(wc_ticket_to_json(copy, &json), WC_OK);
  CHECK_STR(json, saved);
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_ticket_from_json(S("{\"number\":\"WC-20261123-000001-3\",\"events\":[]}"), &none),
               WC_TICKET_INVALID_TRANSITION); /* a history must start with create */
  CHECK_STATUS(wc_ticket_from_json(S("{"), &none), WC_GENERAL_INVALID_JSON);
  CHECK_STATUS(wc_ticket_from_json(NULL, 0, &none), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_ticket_to_json((const wc_ticket *)id, &json), WC_INVALID_HANDLE);
  CHECK(none == NULL && json == NULL);

  wc_string_free(saved);
  wc_ticket_free(ticket);
  wc_ticket_free(copy);
  wc_ticket_free(NULL);
  wc_calendar_free(id);
}

/* ----------------------------------------------------------- transaction */

static const char FAILED_TX[] =
    "{\"id\":\"T-1\",\"kind\":{\"kind\":\"payment\",\"channel\":\"qr\",\"merchant\":{\"id\":\"M-1\",\"name\":\"Sate "
    "Khas Senayan\"}},\"amount\":{\"minor\":1500000,\"currency\":\"IDR\"},\"created_at\":\"2026-11-21T03:00:00Z\","
    "\"updated_at\":\"2026-11-21T03:00:00Z\",\"state\":{\"state\":\"failed\",\"reason\":\"wrong_pin\"},"
    "\"idempotency_key\":\"k-T-1\"}";

static void test_transaction(void) {
  char *json = NULL;
  const char locked[] = "{\"state\":\"locked\",\"until\":\"2026-11-21T09:30:00Z\"}";

  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), NULL, 0, NULL, 0, NOW, "en", &json), WC_OK);
  CHECK_CONTAINS(json, "\"cause\":\"wrong_pin\"");
  CHECK_CONTAINS(json, "\"steps\":[");
  CHECK_CONTAINS(json, "\"text\":\"");
  wc_string_free(json);
  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), S(locked), NULL, 0, NOW, "id", &json), WC_OK);
  CHECK_CONTAINS(json, "16.30 WIB"); /* the lock ends at 16:30 in Jakarta */
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_transaction_diagnose(S("{\"id\":\"T-1\"}"), NULL, 0, NULL, 0, NOW, "en", &json),
               WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), S("{\"state\":\"sleeping\"}"), NULL, 0, NOW, "en", &json),
               WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), NULL, 0, S("{\"zone\":\"Mars/Base\"}"), NOW, "en", &json),
               WC_CALENDAR_UNKNOWN_TIME_ZONE);
  CHECK_STATUS(wc_transaction_diagnose(S(BAD_UTF8), NULL, 0, NULL, 0, NOW, "en", &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_transaction_diagnose(NULL, 0, NULL, 0, NULL, 0, NOW, "en", &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), NULL, 0, NULL, 0, INT64_MIN, "en", &json),
               WC_GENERAL_DATE_OUT_OF_RANGE);
  CHECK_STATUS(wc_transaction_diagnose(S(FAILED_TX), NULL, 0, NULL, 0, NOW, "en", NULL), WC_NULL_PARAMETER);
  CHECK(json == NULL);
}

/* ---------------------------------------------------------------- triage */

static void test_triage(void) {
  wc_model *builtin = NULL, *trained = NULL, *loaded = NULL, *none = NULL;
  char *json = NULL;
  unsigned char *bytes = NULL;
  size_t len = 0, len2 = 0;
  const char csv[] =
      "text,label\n"
      "refund my order please,refund\n"
      "I want my money back,refund\n"
      "the app keeps crashing,technical\n"
      "app error when opening,technical\n";

  CHECK_STATUS(wc_model_builtin(&builtin), WC_OK);
  CHECK_STATUS(wc_model_builtin(NULL), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_model_triage(builtin, S("我要申请退款，订单已经取消了。"), NULL, &json), WC_OK);
  CHECK_CONTAINS(json, "{\"category\":\"refund\"");
  CHECK_CONTAINS(json, "\"language\":\"zh\"");
  CHECK_CONTAINS(json, "\"answer\":{\"locale\":\"zh-CN\"");
  wc_string_free(json);
  /* A public complaint on social media is raised one level. */
  CHECK_STATUS(wc_model_triage(builtin, S("CS kalian lambat sekali, sudah 3 hari tidak dibalas"), NULL, &json), WC_OK);
  CHECK_CONTAINS(json, "\"category\":\"complaint\"");
  CHECK_CONTAINS(json, "\"channel\":null");
  wc_string_free(json);
  CHECK_STATUS(wc_model_triage(builtin, S("CS kalian lambat sekali, sudah 3 hari tidak dibalas"), "social_media", &json),
               WC_OK);
  CHECK_CONTAINS(json, "\"channel\":\"social\"");
  wc_string_free(json);
  /* Empty text still gives a result. */
  CHECK_STATUS(wc_model_triage(builtin, "", 0, NULL, &json), WC_OK);
  CHECK_CONTAINS(json, "\"category\":\"general_inquiry\"");
  wc_string_free(json);
  json = NULL;
  CHECK_STATUS(wc_model_triage(builtin, S("refund"), "fax", &json), WC_GENERAL_UNKNOWN_VALUE);
  CHECK_STATUS(wc_model_triage(builtin, S(BAD_UTF8), NULL, &json), WC_INVALID_UTF8);
  CHECK_STATUS(wc_model_triage(builtin, NULL, 4, NULL, &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_model_triage(NULL, S("refund"), NULL, &json), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_model_triage(builtin, S("refund"), NULL, NULL), WC_NULL_PARAMETER);
  CHECK(json == NULL);

  /* Train, save, load, and the loaded model answers the same. */
  CHECK_STATUS(wc_model_train_csv(S(csv), NULL, 0, &trained), WC_OK);
  CHECK_STATUS(wc_model_to_bytes(trained, NULL, 0, &len), WC_BUFFER_TOO_SMALL);
  CHECK(len > 8);
  bytes = malloc(len);
  CHECK_STATUS(wc_model_to_bytes(trained, bytes, len - 1, &len2), WC_BUFFER_TOO_SMALL);
  CHECK_STATUS(wc_model_to_bytes(trained, bytes, len, &len2), WC_OK);
  CHECK(len2 == len && memcmp(bytes, "WCTRIAGE", 8) == 0);
  CHECK_STATUS(wc_model_from_bytes(bytes, len, &loaded), WC_OK);
  CHECK_STATUS(wc_model_triage(loaded, S("my app is crashing"), NULL, &json), WC_OK);
  CHECK_CONTAINS(json, "\"category\":\"technical\"");
  wc_string_free(json);
  json = NULL;
  /* Truncated and corrupted bytes are refused. */
  CHECK_STATUS(wc_model_from_bytes(bytes, len - 1, &none), WC_TRIAGE_INVALID_MODEL);
  bytes[len / 2] ^= 0x40;
  CHECK_STATUS(wc_model_from_bytes(bytes, len, &none), WC_TRIAGE_INVALID_MODEL);
  CHECK_STATUS(wc_model_from_bytes((const uint8_t *)"garbage", 7, &none), WC_TRIAGE_INVALID_MODEL);
  CHECK_STATUS(wc_model_from_bytes(NULL, 7, &none), WC_NULL_PARAMETER);
  CHECK_STATUS(wc_model_from_bytes(bytes, len, NULL), WC_NULL_PARAMETER);
  free(bytes);
  /* Training data problems. */
  CHECK_STATUS(wc_model_train_csv(S("text,label\n\"broken"), NULL, 0, &none), WC_TRIAGE_INVALID_CSV);
  CHECK_STATUS(wc_model_train_csv(S("text,label\nonly one,refund\n"), NULL, 0, &none),
               WC_TRIAGE_INVALID_TRAINING_DATA);
  CHECK_STATUS(wc_model_train_csv(S("text,label\nx,apples\ny,pears\n"), NULL, 0, &none), WC_TRIAGE_INVALID_MODEL);
  CHECK_STATUS(wc_model_train_csv(S(csv), S("{\"c\":1}"), &none), WC_GENERAL_INVALID_ARGUMENT);
  CHECK_STATUS(wc_model_train_csv(S(BAD_UTF8), NULL, 0, &none), WC_INVALID_UTF8);
  CHECK(none == NULL);

  /* A model is not a calendar, and the other way round. */
  {
    wc_calendar *cal = NULL;
    bool flag = false;
    CHECK_STATUS(wc_calendar_builtin("SG", &cal), WC_OK);
    CHECK_STATUS(wc_calendar_is_business_day((const wc_calendar *)builtin, (wc_date){2026, 1, 2}, &flag),
                 WC_INVALID_HANDLE);
    CHECK_STATUS(wc_model_triage((const wc_model *)cal, S("refund"), NULL, &json), WC_INVALID_HANDLE);
    CHECK_STATUS(wc_model_to_bytes((const wc_model *)cal, NULL, 0, &len), WC_INVALID_HANDLE);
    /* The wrong destructor leaves the handle alone. */
    wc_model_free((wc_model *)cal);
    wc_ticket_free((wc_ticket *)cal);
    wc_refund_book_free((wc_refund_book *)cal);
    wc_calendar_free((wc_calendar *)builtin);
    CHECK_STATUS(wc_calendar_is_business_day(cal, (wc_date){2026, 1, 2}, &flag), WC_OK);
    CHECK(flag);
    wc_calendar_free(cal);
  }
  CHECK(json == NULL);

  wc_model_free(builtin);
  wc_model_free(trained);
  wc_model_free(loaded);
  wc_model_free(NULL);
}

int main(void) {
  test_version_and_status_names();
  test_last_error();
  test_money_arithmetic();
  test_money_parse_and_format();
  test_money_split();
  test_account();
  test_card();
  test_calendar();
  test_refund();
  test_ticket_numbers();
  test_ticket_lifecycle();
  test_transaction();
  test_triage();
  return wc_test_finish();
}
