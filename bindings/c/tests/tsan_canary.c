/* ThreadSanitizer run only (scripts/c-test.sh): proves the sanitizer sees
 * inside the Rust library. Two threads apply events to one wc_ticket at
 * once, which the README forbids (a ticket is mutable and not thread-safe),
 * so ThreadSanitizer must report a data race in walletcare's own code. If
 * it ever stops doing so, a clean test_threads run under it would prove
 * nothing, and c-test.sh fails. */
#include <pthread.h>
#include <string.h>

#include "walletcare.h"

static wc_ticket *ticket;

static void *respond(void *arg) {
  (void)arg;
  for (int i = 0; i < 200; i++) {
    char *json = NULL;
    const char event[] = "{\"kind\":\"respond\"}";
    if (wc_ticket_apply(ticket, 1795399200 + i, event, sizeof event - 1, "en", &json) == WC_OK) {
      wc_string_free(json);
    }
  }
  return NULL;
}

int main(void) {
  const char number[] = "WC-20261123-000001-3";
  pthread_t a, b;
  if (wc_ticket_new(number, sizeof number - 1, "email", "refund", NULL, 1795399200, &ticket) != WC_OK) return 2;
  pthread_create(&a, NULL, respond, NULL);
  pthread_create(&b, NULL, respond, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  wc_ticket_free(ticket);
  return 0;
}
