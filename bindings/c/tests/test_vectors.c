/* Runs the shared test vectors (tests/vectors/vectors.json) through the C
 * API; the Rust integration test and the npm package run the same file.
 * The path of the file is the first argument (scripts/c-test.sh passes it).
 * The schema is documented in tests/vectors/README.md. */
#include <stdio.h>
#include <stdlib.h>

#include "mini_json.h"
#include "wc_test.h"

static wc_calendar *calendars[4];
static const char *calendar_codes[4] = {"ID", "CN", "SG", "MY"};

/* The built-in calendar for a code, created once. */
static const wc_calendar *calendar_for(const char *code) {
  for (int i = 0; i < 4; i++) {
    if (strcmp(code, calendar_codes[i]) == 0) {
      if (calendars[i] == NULL) {
        CHECK_STATUS(wc_calendar_builtin(code, &calendars[i]), WC_OK);
      }
      return calendars[i];
    }
  }
  fprintf(stderr, "unknown calendar %s in the vectors\n", code);
  wc_test_failed++;
  return NULL;
}

static wc_date parse_date(const char *text) {
  wc_date d = {0, 0, 0};
  int y = 0, m = 0, day = 0;
  if (sscanf(text, "%d-%d-%d", &y, &m, &day) == 3) {
    d.year = y;
    d.month = (uint8_t)m;
    d.day = (uint8_t)day;
  }
  return d;
}

static int same_date(wc_date a, wc_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Checks a case, printing its name on failure. */
#define CHECK_CASE(cond, c)                                                   \
  do {                                                                        \
    if (cond) {                                                               \
      wc_test_passed++;                                                       \
    } else {                                                                  \
      wc_test_failed++;                                                       \
      fprintf(stderr, "%s:%d: vector \"%s\" failed: %s\n", __FILE__, __LINE__, \
              mj_str((c), "name"), #cond);                                    \
    }                                                                         \
  } while (0)

static const mj_node *section(const mj_node *root, const char *name) {
  const mj_node *s = mj_get(root, name);
  CHECK(s != NULL && s->type == MJ_ARRAY);
  return s;
}

static void money_parse(const mj_node *root) {
  for (const mj_node *c = section(root, "money_parse")->first_child; c != NULL; c = c->next) {
    const mj_node *text = mj_get(c, "text");
    const mj_node *expect = mj_get(c, "expect");
    wc_money out = {0, ""};
    wc_status st = wc_money_parse(text->string, text->string_len, mj_str(c, "locale"),
                                  mj_str(c, "default_currency"), &out);
    if (mj_get(expect, "error") != NULL) {
      CHECK_CASE(strcmp(wc_status_name((uint32_t)st), mj_str(expect, "error")) == 0, c);
    } else {
      CHECK_CASE(st == WC_OK, c);
      CHECK_CASE(out.minor == mj_int(expect, "minor"), c);
      CHECK_CASE(strcmp((const char *)out.currency, mj_str(expect, "currency")) == 0, c);
    }
  }
}

static void money_format(const mj_node *root) {
  for (const mj_node *c = section(root, "money_format")->first_child; c != NULL; c = c->next) {
    wc_money amount = {mj_int(c, "minor"), ""};
    char buf[64];
    size_t len = 0;
    memcpy(amount.currency, mj_str(c, "currency"), 3);
    CHECK_CASE(wc_money_format(amount, mj_str(c, "locale"), buf, sizeof buf, &len) == WC_OK, c);
    CHECK_CASE(strcmp(buf, mj_str(c, "expect")) == 0, c);
    CHECK_CASE(len == strlen(buf) + 1, c);
  }
}

static void calendar_is_business_day(const mj_node *root) {
  for (const mj_node *c = section(root, "calendar_is_business_day")->first_child; c != NULL; c = c->next) {
    bool open = false;
    wc_status st = wc_calendar_is_business_day(calendar_for(mj_str(c, "calendar")),
                                               parse_date(mj_str(c, "date")), &open);
    CHECK_CASE(st == WC_OK, c);
    CHECK_CASE((open ? 1 : 0) == mj_bool(c, "expect"), c);
  }
}

static void calendar_add(const mj_node *root) {
  for (const mj_node *c = section(root, "calendar_add_business_days")->first_child; c != NULL; c = c->next) {
    wc_date out = {0, 0, 0};
    wc_status st = wc_calendar_add_business_days(calendar_for(mj_str(c, "calendar")),
                                                 parse_date(mj_str(c, "date")), mj_int(c, "days"), &out);
    CHECK_CASE(st == WC_OK, c);
    CHECK_CASE(same_date(out, parse_date(mj_str(c, "expect"))), c);
  }
}

static void calendar_between(const mj_node *root) {
  for (const mj_node *c = section(root, "calendar_business_days_between")->first_child; c != NULL; c = c->next) {
    int64_t n = 0;
    wc_status st = wc_calendar_business_days_between(calendar_for(mj_str(c, "calendar")),
                                                     parse_date(mj_str(c, "start")),
                                                     parse_date(mj_str(c, "end")), &n);
    CHECK_CASE(st == WC_OK, c);
    CHECK_CASE(n == mj_int(c, "expect"), c);
  }
}

static void refund_due(const mj_node *root) {
  for (const mj_node *c = section(root, "refund_due")->first_child; c != NULL; c = c->next) {
    const mj_node *dest = mj_get(c, "destination");
    const mj_node *expect = mj_get(c, "expect");
    char *json = NULL;
    wc_status st = wc_refund_sla_due(calendar_for(mj_str(c, "calendar")), NULL, 0, mj_int(c, "approved_at"),
                                     dest->start, (size_t)(dest->end - dest->start), "en", &json);
    CHECK_CASE(st == WC_OK, c);
    if (st != WC_OK) continue;
    mj_node *out = mj_parse(json, strlen(json));
    const mj_node *due = mj_get(out, "due");
    CHECK_CASE(strcmp(mj_str(due, "start_date"), mj_str(expect, "start_date")) == 0, c);
    CHECK_CASE(strcmp(mj_str(due, "due_date"), mj_str(expect, "due_date")) == 0, c);
    CHECK_CASE(mj_bool(due, "estimated") == mj_bool(expect, "estimated"), c);
    CHECK_CASE(strlen(mj_str(out, "explanation")) > 0, c);
    mj_free(out);
    wc_string_free(json);
  }
}

static void ticket_number(const mj_node *root) {
  for (const mj_node *c = section(root, "ticket_number")->first_child; c != NULL; c = c->next) {
    char buf[32];
    wc_ticket_number parts;
    const char *expect = mj_str(c, "expect");
    wc_date date = parse_date(mj_str(c, "date"));
    CHECK_CASE(wc_ticket_number_new(date, (uint64_t)mj_int(c, "sequence"), NULL, buf, sizeof buf, NULL) == WC_OK, c);
    CHECK_CASE(strcmp(buf, expect) == 0, c);
    CHECK_CASE(wc_ticket_number_check(expect, strlen(expect), &parts) == WC_OK, c);
    CHECK_CASE(same_date(parts.date, date) && parts.sequence == (uint32_t)mj_int(c, "sequence"), c);
  }
}

static void ticket_number_check(const mj_node *root) {
  for (const mj_node *c = section(root, "ticket_number_check")->first_child; c != NULL; c = c->next) {
    const mj_node *text = mj_get(c, "text");
    wc_ticket_number parts;
    wc_status st = wc_ticket_number_check(text->string, text->string_len, &parts);
    if (mj_bool(mj_get(c, "expect"), "valid")) {
      CHECK_CASE(st == WC_OK, c);
    } else {
      CHECK_CASE(st == WC_TICKET_INVALID_NUMBER, c);
    }
  }
}

static void triage(const mj_node *root) {
  wc_model *model = NULL;
  CHECK_STATUS(wc_model_builtin(&model), WC_OK);
  for (const mj_node *c = section(root, "triage")->first_child; c != NULL; c = c->next) {
    const mj_node *text = mj_get(c, "text");
    const mj_node *expect = mj_get(c, "expect");
    char *json = NULL;
    wc_status st = wc_model_triage(model, text->string, text->string_len, NULL, &json);
    CHECK_CASE(st == WC_OK, c);
    if (st != WC_OK) continue;
    mj_node *out = mj_parse(json, strlen(json));
    CHECK_CASE(strcmp(mj_str(out, "category"), mj_str(expect, "category")) == 0, c);
    CHECK_CASE(strcmp(mj_str(out, "priority"), mj_str(expect, "priority")) == 0, c);
    CHECK_CASE(strcmp(mj_str(out, "language"), mj_str(expect, "language")) == 0, c);
    mj_free(out);
    wc_string_free(json);
  }
  wc_model_free(model);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)size + 1);
  if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
    buf[size] = '\0';
    *len = (size_t)size;
  } else {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

/* ---- scripts (tests/vectors/scripts/*.json), run through wc_call ---- */

/* A malloc'd copy of a node's source text. */
static char *node_text(const mj_node *n) {
  size_t len = (size_t)(n->end - n->start);
  char *s = malloc(len + 1);
  if (s != NULL) {
    memcpy(s, n->start, len);
    s[len] = '\0';
  }
  return s;
}

static double node_number(const mj_node *n) {
  char buf[64];
  size_t len = (size_t)(n->end - n->start);
  if (len >= sizeof buf) len = sizeof buf - 1;
  memcpy(buf, n->start, len);
  buf[len] = '\0';
  return strtod(buf, NULL);
}

/* Whether `actual` has everything `expect` says (objects by key, arrays
 * element by element with the same length): the rule of the Rust runner. */
static int subset(const mj_node *expect, const mj_node *actual) {
  if (expect == NULL || actual == NULL || expect->type != actual->type) return 0;
  switch (expect->type) {
    case MJ_NULL:
      return 1;
    case MJ_BOOL:
      return expect->boolean == actual->boolean;
    case MJ_NUMBER: {
      double e = node_number(expect), a = node_number(actual);
      return !(e < a) && !(e > a);
    }
    case MJ_STRING:
      return expect->string_len == actual->string_len &&
             memcmp(expect->string, actual->string, expect->string_len) == 0;
    case MJ_ARRAY: {
      const mj_node *e = expect->first_child, *a = actual->first_child;
      for (; e != NULL && a != NULL; e = e->next, a = a->next) {
        if (!subset(e, a)) return 0;
      }
      return e == NULL && a == NULL;
    }
    case MJ_OBJECT:
      for (const mj_node *e = expect->first_child; e != NULL; e = e->next) {
        if (!subset(e, mj_get(actual, e->key))) return 0;
      }
      return 1;
  }
  return 0;
}

/* `{"state": <state>, <the input's members>}` for a command step. */
static char *command_input(const char *state, const char *input) {
  const char *members = strchr(input, '{');
  size_t len;
  char *out;
  int empty;
  members = members != NULL ? members + 1 : "}";
  while (*members == ' ' || *members == '\n' || *members == '\t' || *members == '\r') members++;
  empty = *members == '}';
  len = strlen(state) + strlen(members) + 16;
  out = malloc(len);
  if (out != NULL) snprintf(out, len, "{\"state\":%s%s%s", state, empty ? "" : ",", members);
  return out;
}

static void step_failed(const char *file, const char *script, int index, const char *why) {
  char message[512] = "";
  wc_last_error(message, sizeof message, NULL, NULL);
  wc_test_failed++;
  fprintf(stderr, "%s: \"%s\", step %d: %s (%s)\n", file, script, index, why, message);
}

static void run_script(const char *file, const mj_node *script) {
  const char *name = mj_str(script, "name");
  const mj_node *steps = mj_get(script, "steps");
  char *state = malloc(5);
  int index = 0;
  if (state == NULL) return;
  memcpy(state, "null", 5);
  CHECK(steps != NULL && steps->type == MJ_ARRAY);
  for (const mj_node *step = steps != NULL ? steps->first_child : NULL; step != NULL;
       step = step->next, index++) {
    const mj_node *input_node = mj_get(step, "input");
    const mj_node *expect = mj_get(step, "expect");
    const mj_node *expect_error = mj_get(step, "expect_error");
    int is_command = mj_bool(step, "state"), set_state = mj_bool(step, "set_state");
    char *input = input_node != NULL ? node_text(input_node) : NULL;
    char *request = NULL, *out = NULL;
    wc_status st;
    if (input == NULL) {
      input = malloc(3);
      if (input != NULL) memcpy(input, "{}", 3);
    }
    request = (is_command && input != NULL) ? command_input(state, input) : input;
    if (request == NULL) {
      free(input);
      step_failed(file, name, index, "out of memory");
      continue;
    }
    st = wc_call(mj_str(step, "op"), request, strlen(request), &out);
    if (expect_error != NULL) {
      if (st != WC_OK && strcmp(wc_status_name((uint32_t)st), expect_error->string) == 0) {
        wc_test_passed++;
      } else {
        step_failed(file, name, index, st == WC_OK ? "expected an error, got a result" : wc_status_name((uint32_t)st));
      }
    } else if (st != WC_OK) {
      step_failed(file, name, index, wc_status_name((uint32_t)st));
    } else {
      mj_node *result = mj_parse(out, strlen(out));
      const mj_node *checked = result;
      if (result != NULL && is_command) {
        const mj_node *new_state = mj_get(result, "state");
        checked = mj_get(result, "output");
        if (new_state != NULL) {
          free(state);
          state = node_text(new_state);
        }
      } else if (result != NULL && set_state) {
        free(state);
        state = node_text(result);
      }
      if (result == NULL || state == NULL) {
        step_failed(file, name, index, "the output is not JSON");
      } else if (expect != NULL && !subset(expect, checked)) {
        fprintf(stderr, "  got: %s\n", out);
        step_failed(file, name, index, "the output does not match \"expect\"");
      } else {
        wc_test_passed++;
      }
      mj_free(result);
    }
    wc_string_free(out);
    if (request != input) free(request);
    free(input);
    if (state == NULL) return;
  }
  free(state);
}

static void run_script_file(const char *path) {
  size_t len = 0;
  char *text = read_file(path, &len);
  mj_node *root = text != NULL ? mj_parse(text, len) : NULL;
  const mj_node *scripts = mj_get(root, "scripts");
  CHECK(root != NULL && mj_int(root, "schema") == 1 && scripts != NULL && scripts->type == MJ_ARRAY);
  if (scripts != NULL) {
    for (const mj_node *script = scripts->first_child; script != NULL; script = script->next) {
      run_script(path, script);
    }
  }
  mj_free(root);
  free(text);
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "tests/vectors/vectors.json";
  size_t len = 0;
  char *text = read_file(path, &len);
  mj_node *root;
  if (text == NULL) {
    fprintf(stderr, "cannot read %s\n", path);
    return 2;
  }
  root = mj_parse(text, len);
  CHECK(root != NULL);
  if (root != NULL) {
    CHECK(mj_int(root, "schema") == 1);
    money_parse(root);
    money_format(root);
    calendar_is_business_day(root);
    calendar_add(root);
    calendar_between(root);
    refund_due(root);
    ticket_number(root);
    ticket_number_check(root);
    triage(root);
    mj_free(root);
  }
  /* Every further argument is a script file. */
  for (int i = 2; i < argc; i++) run_script_file(argv[i]);
  for (int i = 0; i < 4; i++) wc_calendar_free(calendars[i]);
  free(text);
  return wc_test_finish();
}
