/*
 * utf8.h - UTF-8 decoding with the Unicode "maximal subpart" repair rule.
 *
 * annal_utf8_decode() reads one code point.  Well-formed sequences follow
 * Unicode Table 3-7; anything else (stray continuation bytes, overlong
 * forms such as C0 AF, surrogates ED A0..BF, code points above U+10FFFF,
 * truncated sequences, bytes F5..FF) yields ANNAL_UTF8_BAD and consumes the
 * longest prefix that could have started a valid sequence (at least one
 * byte).  Replacing each such prefix with one U+FFFD is the W3C/Unicode
 * recommended practice and resynchronises on the next byte.
 *
 * Example: "A\xE2\x82Z" decodes as 'A', BAD (2 bytes), 'Z'.
 */
#ifndef ANNAL_CORE_UTF8_H
#define ANNAL_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define ANNAL_UTF8_BAD (-1)

/* Decodes one code point from s[0..n), n >= 1.  Stores it (or
 * ANNAL_UTF8_BAD) in *cp and returns the bytes consumed (1..4). */
static inline size_t annal_utf8_decode(const unsigned char *s, size_t n,
                                       int32_t *cp)
{
    unsigned c = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need, i;
    int32_t v;

    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = (int32_t)(c & 0x1F);
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = (int32_t)(c & 0x0F);
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = (int32_t)(c & 0x07);
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *cp = ANNAL_UTF8_BAD;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        unsigned b;
        if (i >= n) {
            *cp = ANNAL_UTF8_BAD;
            return i;
        }
        b = s[i];
        if (b < lo || b > hi) {
            *cp = ANNAL_UTF8_BAD;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (int32_t)(b & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* Writes cp (a valid scalar value) as UTF-8 into out; returns its length. */
static inline size_t annal_utf8_encode(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the leading run of ASCII bytes (< 0x80) in s[0..n). */
size_t annal_ascii_prefix(const unsigned char *s, size_t n);

/* 1 if s[0..n) is entirely well-formed UTF-8. */
int annal_utf8_valid(const unsigned char *s, size_t n);

#endif
