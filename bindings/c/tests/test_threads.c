/* Thread safety: one calendar and one triage model shared by 8 threads at
 * once. Three tests:
 *   - 8 threads create the built-in model and the Indonesian calendar at
 *     the same moment (each is built once per process, on first use) and
 *     must all get the same answers;
 *   - 8 threads ask the same questions of one calendar and one model; their
 *     answers must equal the single-thread answers, and each thread's
 *     wc_last_error is its own;
 *   - 8 threads make a few seconds of randomly mixed calls (every calendar
 *     query, triage with every channel, the model's bytes, failures) on one
 *     calendar and one model, each result checked against a single-thread
 *     reference.
 * The first argument is the duration of the mixed test in seconds (default
 * 3). scripts/c-test.sh runs this plain, under valgrind, ASan/UBSan and
 * ThreadSanitizer. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

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

static const char *const MESSAGES[] = {
    "Tolong kembalikan dana saya untuk pesanan yang dibatalkan.",
    "saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat",
    "lupa PIN, tidak bisa login",
    "I would like a refund for my cancelled order.",
    "I forgot my PIN and can't log in",
    "Great app, I love the new design!",
    "the app crashes every time I open it",
    "我要申请退款，订单已经取消了。",
    "我的账户被盗了，有人用我的钱包付款",
    "绑定银行卡一直失败",
    "",
    "???",
};
#define MESSAGE_COUNT (sizeof MESSAGES / sizeof MESSAGES[0])

typedef struct {
  const wc_calendar *cal;
  const wc_model *model;
  char *const *triage_reference;
  int index;
  calendar_answers answers;
  int errors;
  int own_error_ok;
  int triage_mismatches;
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
  for (int round = 0; round < ROUNDS; round++) {
    for (size_t m = 0; m < MESSAGE_COUNT; m++) {
      char *json = NULL;
      if (wc_model_triage(w->model, MESSAGES[m], strlen(MESSAGES[m]), NULL, &json) != WC_OK) {
        w->errors++;
        continue;
      }
      w->triage_mismatches += strcmp(json, w->triage_reference[m]) != 0;
      wc_string_free(json);
    }
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

static void test_calendar_and_model_shared_by_threads(void) {
  wc_calendar *cal = NULL;
  wc_model *model = NULL;
  char *triage_reference[MESSAGE_COUNT] = {0};
  calendar_answers *reference = calloc(1, sizeof *reference);
  worker *workers = calloc(THREADS, sizeof *workers);
  pthread_t threads[THREADS];

  CHECK(reference != NULL && workers != NULL);
  if (reference == NULL || workers == NULL) return;
  CHECK_STATUS(wc_calendar_builtin("ID", &cal), WC_OK);
  CHECK(compute(cal, reference) == 0);
  /* Spot-check the reference itself: Christmas Eve 2026 is cuti bersama. */
  CHECK(!reference->open[357] && reference->open[356]);
  CHECK_STATUS(wc_model_builtin(&model), WC_OK);
  for (size_t m = 0; m < MESSAGE_COUNT; m++) {
    CHECK_STATUS(wc_model_triage(model, MESSAGES[m], strlen(MESSAGES[m]), NULL, &triage_reference[m]), WC_OK);
  }
  CHECK_CONTAINS(triage_reference[0], "\"category\":\"refund\"");

  for (int i = 0; i < THREADS; i++) {
    workers[i].cal = cal;
    workers[i].model = model;
    workers[i].triage_reference = triage_reference;
    workers[i].index = i;
    CHECK(pthread_create(&threads[i], NULL, run_worker, &workers[i]) == 0);
  }
  for (int i = 0; i < THREADS; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(workers[i].errors == 0);
    CHECK(same_answers(&workers[i].answers, reference));
    CHECK(workers[i].own_error_ok);
    CHECK(workers[i].triage_mismatches == 0);
  }
  for (size_t m = 0; m < MESSAGE_COUNT; m++) wc_string_free(triage_reference[m]);
  wc_model_free(model);
  wc_calendar_free(cal);
  free(workers);
  free(reference);
}

/* ------------------------------------- the built-in model, created at once */

typedef struct {
  pthread_barrier_t *start;
  int status;
  char *json;
  int calendar_status;
  bool christmas_eve_open;
  wc_date after_christmas;
} builtin_worker;

static void *create_builtin(void *arg) {
  builtin_worker *w = arg;
  wc_model *model = NULL;
  wc_calendar *cal = NULL;
  pthread_barrier_wait(w->start);
  w->status = (int)wc_model_builtin(&model);
  if (w->status == WC_OK) {
    w->status = (int)wc_model_triage(model, MESSAGES[1], strlen(MESSAGES[1]), NULL, &w->json);
  }
  /* The built-in calendars are also built once per process, on first use. */
  w->calendar_status = (int)wc_calendar_builtin("ID", &cal);
  if (w->calendar_status == WC_OK) {
    w->calendar_status = (int)wc_calendar_is_business_day(cal, (wc_date){2026, 12, 24}, &w->christmas_eve_open);
  }
  if (w->calendar_status == WC_OK) {
    w->calendar_status = (int)wc_calendar_add_business_days(cal, (wc_date){2026, 12, 23}, 1, &w->after_christmas);
  }
  wc_calendar_free(cal);
  wc_model_free(model);
  return NULL;
}

static void test_builtin_model_created_by_threads_at_once(void) {
  pthread_barrier_t start;
  builtin_worker workers[THREADS];
  pthread_t threads[THREADS];

  CHECK(pthread_barrier_init(&start, NULL, THREADS) == 0);
  for (int i = 0; i < THREADS; i++) {
    workers[i] = (builtin_worker){.start = &start, .status = -1, .calendar_status = -1, .christmas_eve_open = true};
    CHECK(pthread_create(&threads[i], NULL, create_builtin, &workers[i]) == 0);
  }
  for (int i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);
  for (int i = 0; i < THREADS; i++) {
    CHECK(workers[i].status == WC_OK);
    CHECK_CONTAINS(workers[i].json, "{\"category\":\"payment_failure\"");
    CHECK(workers[i].json != NULL && workers[0].json != NULL && strcmp(workers[i].json, workers[0].json) == 0);
    CHECK(workers[i].calendar_status == WC_OK);
    CHECK(!workers[i].christmas_eve_open); /* cuti bersama */
    CHECK(workers[i].after_christmas.year == 2026 && workers[i].after_christmas.month == 12 &&
          workers[i].after_christmas.day == 28);
  }
  for (int i = 0; i < THREADS; i++) wc_string_free(workers[i].json);
  pthread_barrier_destroy(&start);
}

/* ------------------------------------------ a few seconds of mixed calls */

/* 2026 and 2027, both decreed in Indonesia. */
#define MIXED_DAYS 730
#define CHANNELS 3
static const char *const CHANNEL_NAMES[CHANNELS] = {NULL, "social_media", "email"};
static const char *const LOCALES[3] = {"en", "id-ID", "zh-CN"};
static const char BAD_UTF8[] = "\xff\xfe";

/* The single-thread answers every mixed call is checked against. */
typedef struct {
  bool open[MIXED_DAYS];
  wc_date shifted[MIXED_DAYS]; /* add_business_days(day, i % 41 - 20) */
  int64_t between[MIXED_DAYS]; /* business_days_between(day, day (i * 7) % MIXED_DAYS) */
  wc_date next[MIXED_DAYS];
  wc_date previous[MIXED_DAYS];
  wc_date rolled[MIXED_DAYS]; /* roll(day, i % 4) */
  int64_t later[MIXED_DAYS];  /* add_business_seconds(instant(i), i * 97 % 40000 - 20000) */
  int64_t seconds_between[MIXED_DAYS];
  wc_date start[MIXED_DAYS];
  bool estimated[MIXED_DAYS]; /* is_estimated(day, day + 10) */
  char *closed[MIXED_DAYS];   /* non_business_days(day, day + 6, LOCALES[i % 3]) */
  char *triage[MESSAGE_COUNT][CHANNELS];
  char *calendar_json;
  unsigned char *model_bytes;
  size_t model_len;
} mixed_reference;

/* Day `i` of 2026-2027. */
static wc_date mixed_day(int i) {
  static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  wc_date d = {2026, 1, 1};
  int day = i % MIXED_DAYS;
  while (day >= month_days[d.month - 1]) {
    day -= month_days[d.month - 1];
    if (++d.month > 12) {
      d.month = 1;
      d.year++;
    }
  }
  d.day = (uint8_t)(day + 1);
  return d;
}

/* Morning of day `i` in Jakarta, 08:00 WIB plus a few minutes per day. */
static int64_t mixed_instant(int i) { return 1767229200 + (int64_t)i * 86400 + (int64_t)(i % 13) * 1800; }

/* Day `i + k`, at most the last day of 2027. */
static wc_date later_day(int i, int k) { return mixed_day(i + k < MIXED_DAYS ? i + k : MIXED_DAYS - 1); }

static bool same(wc_date a, wc_date b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

/* One mixed call: op and i choose what. Fills `ref` when `fill` is set,
 * otherwise checks the answer against it. Returns 0 when the call went as
 * expected. */
static int mixed_call(const wc_calendar *cal, const wc_model *model, mixed_reference *ref, bool fill, int op,
                      int i) {
  wc_date d = mixed_day(i), date = {0, 0, 0};
  int64_t n = 0;
  bool flag = false;
  char *json = NULL;
  switch (op) {
    case 0:
      if (wc_calendar_is_business_day(cal, d, &flag) != WC_OK) return 1;
      if (fill) ref->open[i] = flag;
      return flag != ref->open[i];
    case 1:
      if (wc_calendar_add_business_days(cal, d, i % 41 - 20, &date) != WC_OK) return 1;
      if (fill) ref->shifted[i] = date;
      return !same(date, ref->shifted[i]);
    case 2:
      if (wc_calendar_business_days_between(cal, d, mixed_day(i * 7), &n) != WC_OK) return 1;
      if (fill) ref->between[i] = n;
      return n != ref->between[i];
    case 3:
      if (wc_calendar_next_business_day(cal, d, &date) != WC_OK) return 1;
      if (fill) ref->next[i] = date;
      return !same(date, ref->next[i]);
    case 4:
      if (wc_calendar_previous_business_day(cal, d, &date) != WC_OK) return 1;
      if (fill) ref->previous[i] = date;
      return !same(date, ref->previous[i]);
    case 5:
      if (wc_calendar_roll(cal, d, (uint32_t)(i % 4), &date) != WC_OK) return 1;
      if (fill) ref->rolled[i] = date;
      return !same(date, ref->rolled[i]);
    case 6:
      if (wc_calendar_add_business_seconds(cal, mixed_instant(i), (int64_t)(i * 97 % 40000) - 20000, &n) != WC_OK)
        return 1;
      if (fill) ref->later[i] = n;
      return n != ref->later[i];
    case 7:
      if (wc_calendar_business_seconds_between(cal, mixed_instant(i), mixed_instant(i) + 7 * 86400, &n) != WC_OK)
        return 1;
      if (fill) ref->seconds_between[i] = n;
      return n != ref->seconds_between[i];
    case 8:
      if (wc_calendar_start_date(cal, mixed_instant(i), &date) != WC_OK) return 1;
      if (fill) ref->start[i] = date;
      return !same(date, ref->start[i]);
    case 9:
      if (wc_calendar_is_estimated(cal, d, later_day(i, 10), &flag) != WC_OK) return 1;
      if (fill) ref->estimated[i] = flag;
      return flag != ref->estimated[i];
    case 10: {
      int differs;
      if (wc_calendar_non_business_days(cal, d, later_day(i, 6), LOCALES[i % 3], &json) != WC_OK) return 1;
      if (fill) {
        ref->closed[i] = json;
        return 0;
      }
      differs = strcmp(json, ref->closed[i]) != 0;
      wc_string_free(json);
      return differs;
    }
    case 11: {
      size_t m = (size_t)i % MESSAGE_COUNT;
      int c = i / (int)MESSAGE_COUNT % CHANNELS, differs;
      if (wc_model_triage(model, MESSAGES[m], strlen(MESSAGES[m]), CHANNEL_NAMES[c], &json) != WC_OK) return 1;
      if (fill) {
        ref->triage[m][c] = json;
        return 0;
      }
      differs = strcmp(json, ref->triage[m][c]) != 0;
      wc_string_free(json);
      return differs;
    }
    case 12: {
      /* Rare and large: the model's bytes, and the calendar's JSON. */
      if (i % 2 == 0) {
        size_t len = 0;
        unsigned char *bytes;
        int differs;
        if (wc_model_to_bytes(model, NULL, 0, &len) != WC_BUFFER_TOO_SMALL) return 1;
        bytes = malloc(len);
        if (bytes == NULL || wc_model_to_bytes(model, bytes, len, &len) != WC_OK) {
          free(bytes);
          return 1;
        }
        if (fill) {
          ref->model_bytes = bytes;
          ref->model_len = len;
          return 0;
        }
        differs = len != ref->model_len || memcmp(bytes, ref->model_bytes, len) != 0;
        free(bytes);
        return differs;
      } else {
        int differs;
        if (wc_calendar_to_json(cal, &json) != WC_OK) return 1;
        if (fill) {
          ref->calendar_json = json;
          return 0;
        }
        differs = strcmp(json, ref->calendar_json) != 0;
        wc_string_free(json);
        return differs;
      }
    }
    default: {
      /* Failures: the right status, nothing written, and this thread's own
       * message from wc_last_error. */
      char msg[256];
      wc_status status = WC_OK, got;
      const char *needle;
      wc_status want;
      date = (wc_date){1, 1, 1};
      switch (i % 5) {
        case 0:
          got = wc_calendar_add_business_days(cal, (wc_date){2026, 2, 30}, i, &date);
          want = WC_GENERAL_DATE_OUT_OF_RANGE;
          needle = "2026-02-30";
          break;
        case 1:
          got = wc_calendar_next_business_day(cal, (wc_date){2099, (uint8_t)(i % 12 + 1), 1}, &date);
          want = WC_CALENDAR_NOT_COVERED;
          needle = "2099";
          break;
        case 2:
          got = wc_model_triage(model, BAD_UTF8, sizeof BAD_UTF8 - 1, NULL, &json);
          want = WC_INVALID_UTF8;
          needle = "UTF-8";
          break;
        case 3:
          got = wc_calendar_is_business_day((const wc_calendar *)model, d, &flag);
          want = WC_INVALID_HANDLE;
          needle = "expected type";
          break;
        default:
          got = wc_model_triage(model, MESSAGES[0], strlen(MESSAGES[0]), "fax", &json);
          want = WC_GENERAL_UNKNOWN_VALUE;
          needle = "fax";
          break;
      }
      if (got != want || json != NULL || date.year != 1) return 1;
      if (wc_last_error(msg, sizeof msg, NULL, &status) != WC_OK) return 1;
      return status != want || strstr(msg, needle) == NULL;
    }
  }
}

#define MIXED_OPS 14

typedef struct {
  const wc_calendar *cal;
  const wc_model *model;
  mixed_reference *ref;
  double seconds;
  unsigned index;
  long calls;
  long calls_per_op[MIXED_OPS];
  long wrong;
} mixed_worker;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *run_mixed(void *arg) {
  mixed_worker *w = arg;
  /* xorshift32, seeded per thread so the threads interleave differently. */
  uint32_t x = 0x9e3779b9u * (w->index + 1);
  const double end = now_seconds() + w->seconds;
  /* Run for the time given, and at least until every kind of call was made
   * a few times, however slow the machine (valgrind). */
  for (;;) {
    bool covered = true;
    for (int op = 0; op < MIXED_OPS; op++) covered = covered && w->calls_per_op[op] >= 3;
    if (covered && now_seconds() >= end) break;
    for (int k = 0; k < 16; k++) {
      int op, i;
      uint32_t r;
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      /* The model's bytes and the calendar's JSON (op 12) are large: 1 call
       * in 64. The other 63 in 64 spread over ops 0-11 and 13. */
      r = x % 64;
      op = r == 0 ? 12 : (int)(r % 13);
      if (r != 0 && op == 12) op = 13;
      i = (int)((x >> 8) % MIXED_DAYS);
      w->wrong += mixed_call(w->cal, w->model, w->ref, false, op, i);
      w->calls_per_op[op]++;
      w->calls++;
    }
  }
  return NULL;
}

static void test_mixed_calls_for_a_few_seconds(double seconds) {
  wc_calendar *cal = NULL;
  wc_model *model = NULL;
  mixed_reference *ref = calloc(1, sizeof *ref);
  mixed_worker *workers = calloc(THREADS, sizeof *workers);
  pthread_t threads[THREADS];
  int reference_errors = 0;
  long calls = 0, wrong = 0;
  double started;

  CHECK(ref != NULL && workers != NULL);
  if (ref == NULL || workers == NULL) return;
  CHECK_STATUS(wc_calendar_builtin("ID", &cal), WC_OK);
  CHECK_STATUS(wc_model_builtin(&model), WC_OK);
  /* The single-thread reference: every answer a worker can ask for. */
  for (int i = 0; i < MIXED_DAYS; i++) {
    for (int op = 0; op <= 10; op++) reference_errors += mixed_call(cal, model, ref, true, op, i);
  }
  for (int i = 0; i < (int)MESSAGE_COUNT * CHANNELS; i++) reference_errors += mixed_call(cal, model, ref, true, 11, i);
  reference_errors += mixed_call(cal, model, ref, true, 12, 0);
  reference_errors += mixed_call(cal, model, ref, true, 12, 1);
  CHECK(reference_errors == 0);
  /* Spot-check the reference: 24 December 2026 (day 357) is cuti bersama,
   * 1 February 2027 (day 396) a Monday, and 2026 and 2027 are decreed
   * (days 10 and 700 are not estimated). */
  CHECK(!ref->open[357] && ref->open[396]);
  CHECK(!ref->estimated[10] && !ref->estimated[700]);
  CHECK_CONTAINS(ref->triage[1][0], "\"category\":\"payment_failure\"");
  CHECK_CONTAINS(ref->triage[1][1], "\"channel\":\"social\"");

  started = now_seconds();
  for (unsigned t = 0; t < THREADS; t++) {
    workers[t] = (mixed_worker){.cal = cal, .model = model, .ref = ref, .seconds = seconds, .index = t};
    CHECK(pthread_create(&threads[t], NULL, run_mixed, &workers[t]) == 0);
  }
  for (int t = 0; t < THREADS; t++) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    calls += workers[t].calls;
    wrong += workers[t].wrong;
    CHECK(workers[t].wrong == 0);
    for (int op = 0; op < MIXED_OPS; op++) CHECK(workers[t].calls_per_op[op] >= 3);
  }
  printf("mixed calls: %d threads, %ld calls in %.1f s, %ld wrong\n", THREADS, calls, now_seconds() - started, wrong);

  for (int i = 0; i < MIXED_DAYS; i++) wc_string_free(ref->closed[i]);
  for (size_t m = 0; m < MESSAGE_COUNT; m++) {
    for (int c = 0; c < CHANNELS; c++) wc_string_free(ref->triage[m][c]);
  }
  wc_string_free(ref->calendar_json);
  free(ref->model_bytes);
  wc_model_free(model);
  wc_calendar_free(cal);
  free(workers);
  free(ref);
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 3.0;
  test_builtin_model_created_by_threads_at_once();
  test_calendar_and_model_shared_by_threads();
  test_mixed_calls_for_a_few_seconds(seconds);
  return wc_test_finish();
}
