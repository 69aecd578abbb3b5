/*
 * Times triage through walletcare's C library, one message per call, for
 * scripts/bench-compare.sh.
 *
 *   triage_c TEXTS ROUND
 *
 * TEXTS holds the messages, each followed by a NUL byte (written by
 * scripts/bench/triage_texts.py: the built-in corpus, the texts the native
 * criterion bench triage/triage_builtin_full goes through round-robin).
 * After one untimed pass, passes over all texts are timed until at least
 * MIN_SECONDS have passed (and at least MIN_PASSES passes); prints one JSON
 * line: {"via": "c", "round": ROUND, "per_call_ns": <median of the passes'
 * mean time per call>, "calls": <timed calls>, "passes": <passes>}.
 *
 * One call = what a C app does to triage a message: the library call that
 * returns the triage (as JSON) and freeing its result.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "walletcare.h"

#define MIN_SECONDS 3.0
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

/* One triage through the C API; returns 0 on success. */
static int triage_one(const char *text, size_t len, size_t *sink) {
  char *json = NULL;
  wc_status rc = wc_triage(text, len, NULL, &json);
  if (rc != WC_OK) {
    return (int)rc;
  }
  *sink += strlen(json);
  wc_string_free(json);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s TEXTS ROUND\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  size_t cap = 1 << 20, len = 0, n;
  char *buf = malloc(cap);
  while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      char *bigger = realloc(buf, cap * 2);
      if (!bigger) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  size_t count = 0;
  for (size_t i = 0; i < len; i++) {
    count += buf[i] == '\0';
  }
  if (count == 0) {
    fprintf(stderr, "%s: no texts\n", argv[1]);
    return 1;
  }
  const char **texts = malloc(count * sizeof *texts);
  size_t *lens = malloc(count * sizeof *lens);
  double *passes = malloc(MAX_PASSES * sizeof *passes);
  if (!texts || !lens || !passes) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  size_t k = 0, start = 0;
  for (size_t i = 0; i < len; i++) {
    if (buf[i] == '\0') {
      texts[k] = buf + start;
      lens[k] = i - start;
      k++;
      start = i + 1;
    }
  }

  size_t sink = 0;
  for (size_t i = 0; i < count; i++) { /* warm-up, and check every call succeeds */
    int rc = triage_one(texts[i], lens[i], &sink);
    if (rc != 0) {
      fprintf(stderr, "triage failed with status %d on text %zu\n", rc, i);
      return 1;
    }
  }
  size_t n_passes = 0;
  double total = 0;
  while ((total < MIN_SECONDS || n_passes < MIN_PASSES) && n_passes < MAX_PASSES) {
    double t0 = now_s();
    for (size_t i = 0; i < count; i++) {
      triage_one(texts[i], lens[i], &sink);
    }
    double dt = now_s() - t0;
    passes[n_passes++] = dt / (double)count * 1e9;
    total += dt;
  }
  qsort(passes, n_passes, sizeof *passes, cmp_double);
  double median = n_passes % 2 ? passes[n_passes / 2]
                               : (passes[n_passes / 2 - 1] + passes[n_passes / 2]) / 2;
  printf("{\"via\": \"c\", \"round\": %s, \"per_call_ns\": %.1f, \"calls\": %zu, \"passes\": %zu, \"json_bytes\": %zu}\n",
         argv[2], median, n_passes * count, n_passes, sink);
  fprintf(stderr, "C library: %zu texts x %zu passes, median %.2f us per call\n", count, n_passes, median / 1e3);
  free(passes);
  free(lens);
  free(texts);
  free(buf);
  return 0;
}
