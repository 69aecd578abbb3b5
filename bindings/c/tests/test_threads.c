/* Thread safety: one calendar (and one triage model) shared by 8 threads at
 * once. Every thread computes the same questions and its answers must equal
 * the single-thread answers; each thread's wc_last_error is its own. Run
 * under valgrind and ASan/UBSan by scripts/c-test.sh (ThreadSanitizer would
 * need an instrumented Rust standard library). */
#include <pthread.h>
#include <stdlib.h>

#include "wc_test.h"

#define THREADS 8
#define DAYS 366
#define ROUNDS 3

typedef struct {
  bool open[DAYS];
  wc_date plus10[DAYS];
  int64_t next30[DAYS];
  int64_t seconds[DAYS];
} calendar_answers;

typedef struct {
  const wc_calendar *cal;
  int index;
  calendar_answers answers;
  int errors;
  int own_error_ok;
} worker;

static wc_date day_of_2026(int i) {
  static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  wc_date d = {2026, 1, 1};
  int day = i;
  while (d.month <= 12 && day >= month_days[d.month - 1]) {
    day -= month_days[d.month - 1];
    d.month++;
  }
  if (d.month > 12) {
    d.year = 2027;
    d.month = 1;
  }
  d.day = (uint8_t)(day + 1);
  return d;
}

static int compute(const wc_calendar *cal, calendar_answers *a) {
  int errors = 0;
  /* 2026-01-01T02:00:00Z, 09:00 WIB. */
  const int64_t start = 1767232800;
  for (int i = 0; i < DAYS; i++) {
    wc_date d = day_of_2026(i);
    wc_date end = day_of_2026(i + 30 < DAYS ? i + 30 : DAYS - 1);
    errors += wc_calendar_is_business_day(cal, d, &a->open[i]) != WC_OK;
    errors += wc_calendar_add_business_days(cal, d, 10, &a->plus10[i]) != WC_OK;
    errors += wc_calendar_business_days_between(cal, d, end, &a->next30[i]) != WC_OK;
    errors += wc_calendar_add_business_seconds(cal, start + (int64_t)i * 86400, 7200 + i * 60, &a->seconds[i]) != WC_OK;
  }
  return errors;
}

static int same_answers(const calendar_answers *a, const calendar_answers *b) {
  for (int i = 0; i < DAYS; i++) {
    if (a->open[i] != b->open[i] || a->next30[i] != b->next30[i] || a->seconds[i] != b->seconds[i] ||
        a->plus10[i].year != b->plus10[i].year || a->plus10[i].month != b->plus10[i].month ||
        a->plus10[i].day != b->plus10[i].day) {
      return 0;
    }
  }
  return 1;
}

static void *run_worker(void *arg) {
  worker *w = arg;
  char msg[256];
  wc_status status = WC_OK;
  wc_date out;
  for (int round = 0; round < ROUNDS; round++) {
    w->errors += compute(w->cal, &w->answers);
  }
  /* A distinct failure per thread: odd threads an impossible date, even
   * threads a year without data. Each thread must read back its own. */
  if (w->index % 2 == 1) {
    (void)wc_calendar_next_business_day(w->cal, (wc_date){2026, 2, 30}, &out);
  } else {
    (void)wc_calendar_next_business_day(w->cal, (wc_date){2099, 1, 1}, &out);
  }
  if (wc_last_error(msg, sizeof msg, NULL, &status) == WC_OK) {
    w->own_error_ok = w->index % 2 == 1 ? status == WC_GENERAL_DATE_OUT_OF_RANGE && strstr(msg, "2026-02-30") != NULL
                                        : status == WC_CALENDAR_NOT_COVERED && strstr(msg, "2099") != NULL;
  }
  return NULL;
}

static void test_calendar_shared_by_threads(void) {
  wc_calendar *cal = NULL;
  calendar_answers *reference = calloc(1, sizeof *reference);
  worker *workers = calloc(THREADS, sizeof *workers);
  pthread_t threads[THREADS];

  CHECK(reference != NULL && workers != NULL);
  if (reference == NULL || workers == NULL) return;
  CHECK_STATUS(wc_calendar_builtin("ID", &cal), WC_OK);
  CHECK(compute(cal, reference) == 0);
  /* Spot-check the reference itself: Christmas Eve 2026 is cuti bersama. */
  CHECK(!reference->open[357] && reference->open[356]);

  for (int i = 0; i < THREADS; i++) {
    workers[i].cal = cal;
    workers[i].index = i;
    CHECK(pthread_create(&threads[i], NULL, run_worker, &workers[i]) == 0);
  }
  for (int i = 0; i < THREADS; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(workers[i].errors == 0);
    CHECK(same_answers(&workers[i].answers, reference));
    CHECK(workers[i].own_error_ok);
  }
  wc_calendar_free(cal);
  free(workers);
  free(reference);
}

int main(void) {
  test_calendar_shared_by_threads();
  return wc_test_finish();
}
