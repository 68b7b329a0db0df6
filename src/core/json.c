/* json.c - see json.h. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

static const char S_hex[] = "0123456789abcdef";

/* Bytes that need escaping or decoding: control, quote, backslash, non-ASCII. */
static int S_plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c < 0x80;
}

static void S_escape_ctrl(annal_buf *b, unsigned char c)
{
    char e[6] = {'\\', 'u', '0', '0', S_hex[c >> 4], S_hex[c & 15]};

    switch (c) {
    case '\n': annal_buf_put(b, "\\n", 2); return;
    case '\t': annal_buf_put(b, "\\t", 2); return;
    case '\r': annal_buf_put(b, "\\r", 2); return;
    case '"': annal_buf_put(b, "\\\"", 2); return;
    case '\\': annal_buf_put(b, "\\\\", 2); return;
    default: annal_buf_put(b, e, 6); return;
    }
}

void annal_json_str(annal_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    annal_buf_putc(b, '"');
    while (i < n) {
        size_t run = i;
        int32_t cp;
        size_t k;

        while (run < n && S_plain(u[run]))
            run++;
        annal_buf_put(b, s + i, run - i);
        i = run;
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            S_escape_ctrl(b, u[i]);
            i++;
            continue;
        }
        k = annal_utf8_decode(u + i, n - i, &cp);
        if (cp == ANNAL_UTF8_BAD)
            annal_buf_put(b, "\xEF\xBF\xBD", 3);
        else if (cp == 0x2028)
            annal_buf_put(b, "\\u2028", 6);
        else if (cp == 0x2029)
            annal_buf_put(b, "\\u2029", 6);
        else
            annal_buf_put(b, s + i, k);
        i += k;
    }
    annal_buf_putc(b, '"');
}

void annal_json_cstr(annal_buf *b, const char *s)
{
    if (!s)
        annal_buf_put(b, "null", 4);
    else
        annal_json_str(b, s, strlen(s));
}

void annal_json_num(annal_buf *b, double v)
{
    if (!isfinite(v)) {
        annal_buf_put(b, "null", 4);
        return;
    }
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        annal_buf_printf(b, "%.0f", v);
    else
        annal_buf_printf(b, "%.15g", v);
}

void annal_json_int(annal_buf *b, int64_t v)
{
    annal_buf_printf(b, "%lld", (long long)v);
}

void annal_json_key(annal_buf *b, const char *key, int first)
{
    if (!first)
        annal_buf_putc(b, ',');
    annal_json_cstr(b, key);
    annal_buf_putc(b, ':');
}

void annal_text_repair(annal_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        size_t run = i;
        int32_t cp;
        size_t k;

        while (run < n && u[run] >= 0x20 && u[run] < 0x80)
            run++;
        annal_buf_put(b, s + i, run - i);
        i = run;
        if (i >= n)
            break;
        if (u[i] < 0x80) {
            annal_buf_putc(b, (u[i] == '\n' || u[i] == '\t') ? (char)u[i] : ' ');
            i++;
            continue;
        }
        k = annal_utf8_decode(u + i, n - i, &cp);
        if (cp == ANNAL_UTF8_BAD)
            annal_buf_put(b, "\xEF\xBF\xBD", 3);
        else
            annal_buf_put(b, s + i, k);
        i += k;
    }
}
