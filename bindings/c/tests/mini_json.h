/* A tiny JSON reader for the C tests: parses a whole document into a tree of
 * nodes, enough for tests/vectors/vectors.json (objects, arrays, strings with
 * escapes including \uXXXX and surrogate pairs, integers, true/false/null).
 * Each node keeps the span of its source text, so a sub-object can be passed
 * on as raw JSON. Not a general-purpose parser: no floats beyond what strtod
 * gives, depth and size limited, errors end the parse. */
#ifndef MINI_JSON_H
#define MINI_JSON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum { MJ_NULL, MJ_BOOL, MJ_NUMBER, MJ_STRING, MJ_ARRAY, MJ_OBJECT } mj_type;

typedef struct mj_node {
  mj_type type;
  int boolean;
  int64_t integer;
  char *string;        /* MJ_STRING: unescaped, NUL-terminated, malloc'd */
  size_t string_len;   /* bytes, without the NUL */
  char *key;           /* when a member of an object */
  const char *start;   /* source span */
  const char *end;
  struct mj_node *first_child;
  struct mj_node *next;
} mj_node;

typedef struct {
  const char *p;
  const char *end;
  int failed;
  int depth;
} mj_parser;

static mj_node *mj_value(mj_parser *ps);

static void mj_skip_ws(mj_parser *ps) {
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t')) {
    ps->p++;
  }
}

static mj_node *mj_new(mj_type type, const char *start) {
  mj_node *n = calloc(1, sizeof *n);
  if (n != NULL) {
    n->type = type;
    n->start = start;
  }
  return n;
}

static void mj_free(mj_node *n) {
  while (n != NULL) {
    mj_node *next = n->next;
    mj_free(n->first_child);
    free(n->string);
    free(n->key);
    free(n);
    n = next;
  }
}

static int mj_hex4(const char *p, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
    else return 0;
  }
  *out = v;
  return 1;
}

static size_t mj_put_utf8(char *dst, unsigned cp) {
  if (cp < 0x80) { dst[0] = (char)cp; return 1; }
  if (cp < 0x800) { dst[0] = (char)(0xC0 | (cp >> 6)); dst[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    dst[0] = (char)(0xE0 | (cp >> 12)); dst[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    dst[2] = (char)(0x80 | (cp & 0x3F)); return 3;
  }
  dst[0] = (char)(0xF0 | (cp >> 18)); dst[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  dst[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); dst[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

/* Parses a string at ps->p (which is at the opening quote). */
static char *mj_string(mj_parser *ps, size_t *out_len) {
  const char *p = ps->p + 1;
  /* Unescaped text is never longer than the escaped source. */
  char *buf = malloc((size_t)(ps->end - p) + 1);
  size_t n = 0;
  if (buf == NULL) { ps->failed = 1; return NULL; }
  while (p < ps->end && *p != '"') {
    if (*p == '\\') {
      p++;
      if (p >= ps->end) break;
      switch (*p) {
        case '"': buf[n++] = '"'; break;
        case '\\': buf[n++] = '\\'; break;
        case '/': buf[n++] = '/'; break;
        case 'b': buf[n++] = '\b'; break;
        case 'f': buf[n++] = '\f'; break;
        case 'n': buf[n++] = '\n'; break;
        case 'r': buf[n++] = '\r'; break;
        case 't': buf[n++] = '\t'; break;
        case 'u': {
          unsigned cp, lo;
          if (ps->end - p < 5 || !mj_hex4(p + 1, &cp)) { ps->failed = 1; free(buf); return NULL; }
          p += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (ps->end - p < 7 || p[1] != '\\' || p[2] != 'u' || !mj_hex4(p + 3, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
              ps->failed = 1; free(buf); return NULL;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
          }
          n += mj_put_utf8(buf + n, cp);
          break;
        }
        default: ps->failed = 1; free(buf); return NULL;
      }
      p++;
    } else {
      buf[n++] = *p++;
    }
  }
  if (p >= ps->end) { ps->failed = 1; free(buf); return NULL; }
  buf[n] = '\0';
  ps->p = p + 1;
  *out_len = n;
  return buf;
}

static mj_node *mj_value(mj_parser *ps) {
  mj_node *n = NULL;
  mj_skip_ws(ps);
  if (ps->p >= ps->end || ps->failed || ps->depth > 64) { ps->failed = 1; return NULL; }
  const char *start = ps->p;
  char c = *ps->p;
  if (c == '{' || c == '[') {
    int is_object = c == '{';
    mj_node **tail;
    n = mj_new(is_object ? MJ_OBJECT : MJ_ARRAY, start);
    if (n == NULL) { ps->failed = 1; return NULL; }
    tail = &n->first_child;
    ps->p++;
    ps->depth++;
    mj_skip_ws(ps);
    if (ps->p < ps->end && *ps->p == (is_object ? '}' : ']')) {
      ps->p++;
    } else {
      for (;;) {
        char *key = NULL;
        size_t key_len = 0;
        mj_node *child;
        mj_skip_ws(ps);
        if (is_object) {
          if (ps->p >= ps->end || *ps->p != '"') { ps->failed = 1; break; }
          key = mj_string(ps, &key_len);
          if (key == NULL) break;
          mj_skip_ws(ps);
          if (ps->p >= ps->end || *ps->p != ':') { ps->failed = 1; free(key); break; }
          ps->p++;
        }
        child = mj_value(ps);
        if (child == NULL) { free(key); break; }
        child->key = key;
        *tail = child;
        tail = &child->next;
        mj_skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') { ps->p++; continue; }
        if (ps->p < ps->end && *ps->p == (is_object ? '}' : ']')) { ps->p++; break; }
        ps->failed = 1;
        break;
      }
    }
    ps->depth--;
  } else if (c == '"') {
    n = mj_new(MJ_STRING, start);
    if (n == NULL) { ps->failed = 1; return NULL; }
    n->string = mj_string(ps, &n->string_len);
  } else if (c == 't' && ps->end - ps->p >= 4 && memcmp(ps->p, "true", 4) == 0) {
    n = mj_new(MJ_BOOL, start);
    if (n != NULL) n->boolean = 1;
    ps->p += 4;
  } else if (c == 'f' && ps->end - ps->p >= 5 && memcmp(ps->p, "false", 5) == 0) {
    n = mj_new(MJ_BOOL, start);
    ps->p += 5;
  } else if (c == 'n' && ps->end - ps->p >= 4 && memcmp(ps->p, "null", 4) == 0) {
    n = mj_new(MJ_NULL, start);
    ps->p += 4;
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    char digits[32];
    size_t len = 0;
    while (ps->p < ps->end && len < sizeof digits - 1 &&
           (*ps->p == '-' || *ps->p == '+' || *ps->p == '.' || *ps->p == 'e' || *ps->p == 'E' ||
            (*ps->p >= '0' && *ps->p <= '9'))) {
      digits[len++] = *ps->p++;
    }
    digits[len] = '\0';
    n = mj_new(MJ_NUMBER, start);
    if (n != NULL) n->integer = strtoll(digits, NULL, 10);
  } else {
    ps->failed = 1;
  }
  if (n == NULL) {
    ps->failed = 1;
    return NULL;
  }
  n->end = ps->p;
  if (ps->failed) { mj_free(n); return NULL; }
  return n;
}

/* Parses a whole document; NULL on any error. Free with mj_free. */
static mj_node *mj_parse(const char *text, size_t len) {
  mj_parser ps = {text, text + len, 0, 0};
  mj_node *root = mj_value(&ps);
  mj_skip_ws(&ps);
  if (root != NULL && ps.p != ps.end) { mj_free(root); return NULL; }
  return root;
}

/* The member `key` of an object, or NULL. */
static const mj_node *mj_get(const mj_node *object, const char *key) {
  if (object == NULL || object->type != MJ_OBJECT) return NULL;
  for (const mj_node *c = object->first_child; c != NULL; c = c->next) {
    if (c->key != NULL && strcmp(c->key, key) == 0) return c;
  }
  return NULL;
}

/* The string member `key`, or "" when missing or not a string. */
static const char *mj_str(const mj_node *object, const char *key) {
  const mj_node *n = mj_get(object, key);
  return (n != NULL && n->type == MJ_STRING && n->string != NULL) ? n->string : "";
}

static int64_t mj_int(const mj_node *object, const char *key) {
  const mj_node *n = mj_get(object, key);
  return (n != NULL && n->type == MJ_NUMBER) ? n->integer : 0;
}

static int mj_bool(const mj_node *object, const char *key) {
  const mj_node *n = mj_get(object, key);
  return n != NULL && n->type == MJ_BOOL && n->boolean;
}

#endif
