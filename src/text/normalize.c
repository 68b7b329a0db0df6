/* normalize.c - see normalize.h for what is replaced and why. */
#include "normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "../core/alloc.h"
#include "../core/utf8.h"

/* Combining marks composed per base character at most; longer runs are
 * left as they are (bounded work on hostile input). */
#define NORM_MAX_MARKS 30

/* 1 for bytes copied unchanged: printable ASCII, tab and newline. */
static const unsigned char S_copy[256] = {
    ['\t'] = 1, ['\n'] = 1,
#define R16(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, \
               [x + 5] = 1, [x + 6] = 1, [x + 7] = 1, [x + 8] = 1,          \
               [x + 9] = 1, [x + 10] = 1, [x + 11] = 1, [x + 12] = 1,       \
               [x + 13] = 1, [x + 14] = 1, [x + 15] = 1
    R16(0x20), R16(0x30), R16(0x40), R16(0x50), R16(0x60), R16(0x70),
#undef R16
};

/* Length of the leading run of bytes in 0x20..0x7F, eight at a time (SWAR:
 * a word passes when no byte has its high bit set and no byte is below
 * 0x20).  Tabs and newlines stop it; the byte loop after it goes on. */
static size_t S_plain_run(const unsigned char *u, size_t n)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), hi = UINT64_C(0x8080808080808080);
    size_t i = 0;

    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        if ((w & hi) || ((w - 0x20 * ones) & ~w & hi))
            break;
        i += 8;
    }
    return i;
}

void annal_norm_init(annal_norm *n, const annal_alloc *a)
{
    memset(n, 0, sizeof *n);
    annal_buf_init(&n->text, a);
}

void annal_norm_free(annal_norm *n)
{
    annal_free(n->text.alloc, n->segs, n->segs_cap * sizeof *n->segs);
    annal_buf_free(&n->text);
    n->segs = NULL;
    n->nsegs = n->segs_cap = 0;
}

static int S_seg(annal_norm *n, size_t nstart, size_t nlen, size_t rstart,
                 size_t rlen)
{
    void *p = n->segs;

    if (annal_grow(n->text.alloc, &p, &n->segs_cap, sizeof *n->segs,
                   n->nsegs + 1) != ANNAL_OK)
        return -1;
    n->segs = p;
    n->segs[n->nsegs++] = (annal_norm_seg){(uint32_t)nstart, (uint32_t)nlen,
                                           (uint32_t)rstart, (uint32_t)rlen};
    return 0;
}

/* The plain form of code point cp, written to out; returns its length,
 * 0 to delete the character, or -1 to keep it as it is. */
static int S_replacement(int32_t cp, char *out)
{
    if ((cp >= 0x2018 && cp <= 0x201B) || cp == 0x2032 || cp == 0x02BC ||
        cp == 0x2035) {
        out[0] = '\'';
        return 1;
    }
    if ((cp >= 0x201C && cp <= 0x201F) || cp == 0x2033 || cp == 0x00AB ||
        cp == 0x00BB || cp == 0x2039 || cp == 0x203A || cp == 0x2036) {
        out[0] = '"';
        return 1;
    }
    if ((cp >= 0x2010 && cp <= 0x2013) || cp == 0x2212 || cp == 0xFE63) {
        out[0] = '-';
        return 1;
    }
    if (cp == 0x2014 || cp == 0x2015 || cp == 0x2E3A || cp == 0x2E3B) {
        memcpy(out, "--", 2);
        return 2;
    }
    if (cp == 0x2026) {
        memcpy(out, "...", 3);
        return 3;
    }
    if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
        (cp >= 0x80 && cp <= 0x9F)) {
        out[0] = ' ';
        return 1;
    }
    if (cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
        (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x061C)
        return 0;
    if (cp == 0x2028) {
        out[0] = '\n';
        return 1;
    }
    if (cp == 0x2029) {
        memcpy(out, "\n\n", 2);
        return 2;
    }
    if (cp >= 0x0660 && cp <= 0x0669) {
        out[0] = (char)('0' + (cp - 0x0660));
        return 1;
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {
        out[0] = (char)('0' + (cp - 0x06F0));
        return 1;
    }
    if (cp >= 0x0966 && cp <= 0x096F) {
        out[0] = (char)('0' + (cp - 0x0966));
        return 1;
    }
    if (cp == 0x066B) {
        out[0] = '.';
        return 1;
    }
    if (cp == 0x066C) {
        out[0] = ',';
        return 1;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out[0] = (char)(cp - 0xFEE0);
        return 1;
    }
    return -1;
}

static int S_is_mark(int32_t cp)
{
    utf8proc_category_t c;

    if (cp < 0x300)
        return 0;
    c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ME;
}

/* Composes the base character that starts at norm offset `nbase` (copied
 * verbatim from raw offset `rbase`) with the combining marks that start at
 * raw[*i].  Advances *i past the marks consumed. */
static int S_compose(annal_norm *n, const unsigned char *raw, size_t *i,
                     size_t end, size_t nbase, size_t rbase)
{
    utf8proc_int32_t cps[NORM_MAX_MARKS + 4];
    utf8proc_ssize_t len = 0, r;
    size_t p = rbase;
    int32_t cp;
    char enc[4];
    size_t k;

    /* The base code point, then marks. */
    k = annal_utf8_decode(raw + p, end - p, &cp);
    cps[len++] = cp;
    p += k;
    while (p < end && len < NORM_MAX_MARKS) {
        k = annal_utf8_decode(raw + p, end - p, &cp);
        if (cp == ANNAL_UTF8_BAD || !S_is_mark(cp))
            break;
        cps[len++] = cp;
        p += k;
    }
    r = utf8proc_normalize_utf32(cps, len, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (r < 0)
        return 0;   /* leave the text as it is */
    n->text.len = nbase;
    for (utf8proc_ssize_t j = 0; j < r; j++) {
        k = annal_utf8_encode(cps[j], enc);
        annal_buf_put(&n->text, enc, k);
    }
    if (S_seg(n, nbase, n->text.len - nbase, rbase, p - rbase))
        return -1;
    *i = p;
    return n->text.oom ? -1 : 0;
}

/* One non-ASCII or control character at raw[*i]. */
static int S_special(annal_norm *n, const unsigned char *raw, size_t *i,
                     size_t end, size_t *last_n, size_t *last_r)
{
    size_t at = *i, nat = n->text.len, k;
    size_t base_n = *last_n, base_r = *last_r;
    char rep[4];
    int32_t cp;
    int len;

    *last_n = (size_t)-1;   /* only a verbatim character can be a base */
    if (raw[at] < 0x80) {   /* control character: same length */
        char c = ' ';
        if (raw[at] == '\r' && !(at + 1 < end && raw[at + 1] == '\n'))
            c = '\n';
        else if (raw[at] != '\r')
            n->controls++;
        annal_buf_putc(&n->text, c);
        *i = at + 1;
        return 0;
    }
    k = annal_utf8_decode(raw + at, end - at, &cp);
    *i = at + k;
    if (cp == ANNAL_UTF8_BAD) {
        if (n->bad_utf8++ == 0)
            n->first_bad = (uint32_t)at;
        annal_buf_put(&n->text, "\xEF\xBF\xBD", 3);
        return S_seg(n, nat, 3, at, k);
    }
    if (S_is_mark(cp) && base_n != (size_t)-1) {
        *i = at;
        return S_compose(n, raw, i, end, base_n, base_r);
    }
    len = S_replacement(cp, rep);
    if (len < 0) {
        annal_buf_put(&n->text, (const char *)raw + at, k);
        *last_n = nat;
        *last_r = at;
        return 0;
    }
    annal_buf_put(&n->text, rep, (size_t)len);
    return S_seg(n, nat, (size_t)len, at, k);
}

annal_status annal_normalize(annal_norm *n, const char *raw, size_t start,
                             size_t end)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t i = start;
    /* Where the last verbatim non-ASCII character starts (for NFC). */
    size_t last_n = (size_t)-1, last_r = 0;

    annal_buf_clear(&n->text);
    n->nsegs = 0;
    n->base = (uint32_t)start;
    n->bad_utf8 = n->controls = 0;
    n->first_bad = 0;
    if (annal_buf_reserve(&n->text, end - start + 16))
        return ANNAL_ENOMEM;
    while (i < end) {
        size_t j = i;
        for (;;) {   /* eight bytes at a time, tabs and newlines one by one */
            j += S_plain_run(u + j, end - j);
            if (j < end && S_copy[u[j]])
                j++;
            else
                break;
        }
        if (j > i) {
            annal_buf_put(&n->text, raw + i, j - i);
            /* A letter right before a combining mark may be ASCII. */
            last_n = n->text.len - 1;
            last_r = j - 1;
            i = j;
        }
        if (i >= end)
            break;
        if (S_special(n, u, &i, end, &last_n, &last_r))
            return ANNAL_ENOMEM;
    }
    if (n->text.oom)
        return ANNAL_ENOMEM;
    /* The NUL is the scanner's sentinel; eight more zero bytes let the
     * tokenizer read whole words at a time (ANNAL_NORM_PAD). */
    if (annal_buf_reserve(&n->text, ANNAL_NORM_PAD + 1))
        return ANNAL_ENOMEM;
    memset(n->text.p + n->text.len, 0, ANNAL_NORM_PAD + 1);
    return ANNAL_OK;
}

/* Index of the last segment with nstart <= off (strict: < off), or -1.
 * Starts from *cursor and moves either way. */
static long S_find(const annal_norm *n, uint32_t off, int strict,
                   size_t *cursor)
{
    long i = (long)(*cursor < n->nsegs ? *cursor : (n->nsegs ? n->nsegs - 1 : 0));

    if (!n->nsegs)
        return -1;
#define BEFORE(k) (strict ? n->segs[k].nstart < off : n->segs[k].nstart <= off)
    while (i >= 0 && !BEFORE(i))
        i--;
    while (i + 1 < (long)n->nsegs && BEFORE(i + 1))
        i++;
#undef BEFORE
    if (i >= 0)
        *cursor = (size_t)i;
    return i;
}

uint32_t annal_norm_map_start(const annal_norm *n, uint32_t off,
                              size_t *cursor)
{
    long i;

    if (!n->nsegs)
        return n->base + off;
    i = S_find(n, off, 0, cursor);
    const annal_norm_seg *s;

    if (i < 0)
        return n->base + off;
    s = &n->segs[i];
    if (off < s->nstart + s->nlen)
        return s->rstart + (off - s->nstart < s->rlen ? off - s->nstart : s->rlen);
    return s->rstart + s->rlen + (off - s->nstart - s->nlen);
}

uint32_t annal_norm_map_end(const annal_norm *n, uint32_t off,
                            size_t *cursor)
{
    long i;

    if (!n->nsegs)
        return n->base + off;
    i = S_find(n, off, 1, cursor);
    const annal_norm_seg *s;

    if (i < 0)
        return n->base + off;
    s = &n->segs[i];
    if (off == s->nstart + s->nlen)
        return s->rstart + s->rlen;
    if (off < s->nstart + s->nlen)
        return s->rstart + (off - s->nstart < s->rlen ? off - s->nstart : s->rlen);
    return s->rstart + s->rlen + (off - s->nstart - s->nlen);
}
