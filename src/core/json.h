/*
 * json.h - a small JSON writer over annal_buf.
 *
 * Output is always valid JSON and valid UTF-8 whatever the input bytes:
 * strings are escaped (quote, backslash, control characters as \u00XX,
 * U+2028/U+2029 as \u2028/\u2029 so the output is also valid JavaScript)
 * and ill-formed UTF-8 is replaced with U+FFFD by the maximal-subpart rule
 * of utf8.h.  Numbers: integral values below 2^53 print without a
 * fraction; other finite values with up to 15 significant digits;
 * non-finite values print as null.
 *
 * The writer keeps no state about nesting: callers write "{", keys and
 * values in order.  annal_json_key() writes the separating comma itself
 * when `first` is 0.
 */
#ifndef ANNAL_CORE_JSON_H
#define ANNAL_CORE_JSON_H

#include "buf.h"

void annal_json_str(annal_buf *b, const char *s, size_t n);
void annal_json_cstr(annal_buf *b, const char *s);   /* NULL -> null */
void annal_json_num(annal_buf *b, double v);
void annal_json_int(annal_buf *b, int64_t v);
/* Writes [,]"key": */
void annal_json_key(annal_buf *b, const char *key, int first);
/* Appends s[0..n) to b with ill-formed UTF-8 replaced by U+FFFD and
 * control characters other than tab and newline replaced by spaces: the
 * form used to show document text to people. */
void annal_text_repair(annal_buf *b, const char *s, size_t n);

#endif
