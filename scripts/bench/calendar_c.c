/*
 * One date per call through walletcare's C library, for
 * scripts/bench-compare.sh: the same work as numpy_busday.py's `scalar`
 * loop (Indonesia's built-in calendar, +7 business days, the first CALLS
 * dates of dates.i32), so that the per-call figures can be compared like
 * for like.
 *
 *   calendar_c DATES.i32 CALLS ROUND
 *
 * DATES.i32 holds little-endian int32 days since 1970-01-01. The dates are
 * converted to wc_date before the clock starts. After one untimed pass,
 * passes over the CALLS dates are timed until at least MIN_SECONDS have
 * passed (and at least MIN_PASSES passes); prints one JSON line:
 * {"op": "c_add_business_days", "round": ROUND, "per_call_ns": <median of
 * the passes' mean time per call>, "calls": ..., "passes": ...}.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "walletcare.h"

#define MIN_SECONDS 2.0
#define MIN_PASSES 5
#define MAX_PASSES 10000

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static wc_date civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  wc_date out = {0};
  out.year = (int32_t)(y + (m <= 2));
  out.month = (uint8_t)m;
  out.day = (uint8_t)d;
  return out;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s DATES.i32 CALLS ROUND\n", argv[0]);
    return 2;
  }
  size_t calls = (size_t)strtoull(argv[2], NULL, 10);
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  wc_date *dates = malloc(calls * sizeof *dates);
  double *passes = malloc(MAX_PASSES * sizeof *passes);
  if (!dates || !passes || calls == 0) {
    fprintf(stderr, "out of memory or CALLS = 0\n");
    return 1;
  }
  size_t n = 0;
  unsigned char b[4];
  while (n < calls && fread(b, 1, 4, f) == 4) {
    int32_t v = (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
    dates[n++] = civil_from_days(v);
  }
  fclose(f);
  if (n == 0) {
    fprintf(stderr, "%s: no dates\n", argv[1]);
    return 1;
  }
  wc_calendar *cal = NULL;
  if (wc_calendar_builtin("ID", &cal) != WC_OK) {
    fprintf(stderr, "wc_calendar_builtin(\"ID\") failed\n");
    return 1;
  }
  int64_t sink = 0;
  wc_date out;
  for (size_t i = 0; i < n; i++) { /* warm-up, and check every call succeeds */
    wc_status rc = wc_calendar_add_business_days(cal, dates[i], 7, &out);
    if (rc != WC_OK) {
      fprintf(stderr, "wc_calendar_add_business_days failed (%s) on %d-%02d-%02d\n", wc_status_name((uint32_t)rc),
              (int)dates[i].year, dates[i].month, dates[i].day);
      return 1;
    }
    sink += out.day;
  }
  size_t n_passes = 0;
  double total = 0;
  while ((total < MIN_SECONDS || n_passes < MIN_PASSES) && n_passes < MAX_PASSES) {
    double t0 = now_s();
    for (size_t i = 0; i < n; i++) {
      wc_calendar_add_business_days(cal, dates[i], 7, &out);
      sink += out.day;
    }
    double dt = now_s() - t0;
    passes[n_passes++] = dt / (double)n * 1e9;
    total += dt;
  }
  wc_calendar_free(cal);
  qsort(passes, n_passes, sizeof *passes, cmp_double);
  double median = n_passes % 2 ? passes[n_passes / 2]
                               : (passes[n_passes / 2 - 1] + passes[n_passes / 2]) / 2;
  printf("{\"op\": \"c_add_business_days\", \"round\": %s, \"per_call_ns\": %.2f, \"calls\": %zu, \"passes\": %zu, \"sink\": %lld}\n",
         argv[3], median, n_passes * n, n_passes, (long long)sink);
  fprintf(stderr, "C library: wc_calendar_add_business_days, %zu dates x %zu passes, median %.1f ns per call\n", n,
          n_passes, median);
  free(passes);
  free(dates);
  return 0;
}
