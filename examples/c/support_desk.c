/* walletcare from C in five minutes: work out when a refund is due.
 *
 * Build (see bindings/c/README.md for iOS and Android):
 *   cargo build --release -p walletcare-ffi
 *   cc -std=c11 -Ibindings/c/include examples/c/support_desk.c \
 *      target/release/libwalletcare_ffi.a -lpthread -ldl -lm -o support_desk
 *
 * The rules every walletcare function follows:
 *   - it returns a wc_status; WC_OK (0) means success;
 *   - on failure nothing was written, and wc_last_error() says why;
 *   - strings it returns are yours: free them with wc_string_free();
 *   - handles (wc_calendar, wc_refund_book, ...) are freed with their _free.
 */
#include <stdio.h>
#include <string.h>

#include "walletcare.h"

/* Prints a string field of a flat JSON text. An app would use its platform's
 * JSON parser (Foundation's JSONSerialization, org.json, cJSON); this keeps
 * the example free of dependencies. */
static void print_field(const char *json, const char *field) {
  char key[64];
  snprintf(key, sizeof key, "\"%s\":\"", field);
  const char *start = strstr(json, key);
  if (start == NULL) return;
  start += strlen(key);
  const char *end = strchr(start, '"');
  printf("%s: %.*s\n", field, (int)(end != NULL ? end - start : 0), start);
}

/* Prints the last error of this thread and returns 1, for `return fail(...)`. */
static int fail(const char *what) {
  char message[512];
  wc_status status = WC_OK;
  wc_last_error(message, sizeof message, NULL, &status);
  fprintf(stderr, "%s failed: %s (%s)\n", what, wc_status_name((uint32_t)status), message);
  return 1;
}

int main(void) {
  wc_calendar *indonesia = NULL;
  char *due = NULL;
  wc_date next;

  /* 1. The Indonesian business calendar: national holidays and cuti bersama.
   *    A calendar is immutable: create it once, share it between threads. */
  if (wc_calendar_builtin("ID", &indonesia) != WC_OK) return fail("wc_calendar_builtin");

  /* 2. A refund to a BCA card was approved on Thursday 17 December 2026 at
   *    10:00 in Jakarta (03:00 UTC). BCA card refunds take 7 business days.
   *    Instants are Unix seconds (UTC); JSON is UTF-8, passed with its length. */
  const int64_t approved_at = 1797476400;
  const char *card = "{\"type\":\"card\",\"bank\":\"BCA\",\"last4\":\"1234\"}";
  if (wc_refund_sla_due(indonesia, NULL, 0, approved_at, card, strlen(card), "id-ID", &due) != WC_OK) {
    wc_calendar_free(indonesia);
    return fail("wc_refund_sla_due");
  }
  /* `due` is JSON: {"due":{..."due_date":"2026-12-30"...},"explanation":"..."}.
   * Show the explanation to the user as it is (here in Indonesian): it names
   * the weekends and the Christmas holidays that were skipped. */
  print_field(due, "due_date");
  print_field(due, "explanation");
  wc_string_free(due);

  /* 3. Plain dates cross as wc_date: the business day after Christmas Eve. */
  if (wc_calendar_next_business_day(indonesia, (wc_date){2026, 12, 23}, &next) != WC_OK) {
    wc_calendar_free(indonesia);
    return fail("wc_calendar_next_business_day");
  }
  printf("After Wednesday 23 December 2026 the next business day is %04d-%02d-%02d\n", (int)next.year,
         next.month, next.day);

  wc_calendar_free(indonesia);
  return 0;
}
