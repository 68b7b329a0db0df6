/* utf8.c - see utf8.h. */
#include "utf8.h"

#include <string.h>

size_t annal_ascii_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;

    /* Eight bytes at a time: any byte with the high bit set stops us. */
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

int annal_utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        int32_t cp;
        i += annal_ascii_prefix(s + i, n - i);
        if (i >= n)
            break;
        i += annal_utf8_decode(s + i, n - i, &cp);
        if (cp == ANNAL_UTF8_BAD)
            return 0;
    }
    return 1;
}
