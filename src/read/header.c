/* header.c - see header.h. */
#include "header.h"

#include <string.h>
#include <strings.h>

#define HEADER_MAX_BYLINE_BYTES 120
#define HEADER_MAX_BYLINE_WORDS 8

static int S_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The line starting at *at: content [*s, *e) trimmed; *at moves past it. */
static void S_line(const char *t, size_t len, size_t *at, size_t *s,
                   size_t *e)
{
    size_t i = *at, j;

    while (i < len && S_blank((unsigned char)t[i]))
        i++;
    j = i;
    while (j < len && t[j] != '\n')
        j++;
    *s = i;
    *e = j;
    while (*e > *s && S_blank((unsigned char)t[*e - 1]))
        (*e)--;
    *at = j < len ? j + 1 : j;
}

/* Next non-blank line; returns 0 at the end of the text. */
static int S_next_line(const char *t, size_t len, size_t *at, size_t *s,
                       size_t *e)
{
    while (*at < len) {
        S_line(t, len, at, s, e);
        if (*e > *s)
            return 1;
    }
    return 0;
}

static int S_word_ci(const char *t, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);

    if (e - s < n || strncasecmp(t + s, w, n) != 0)
        return 0;
    return e - s == n || S_blank((unsigned char)t[s + n]);
}

static void S_skip_blank(const char *t, size_t e, size_t *i)
{
    while (*i < e && S_blank((unsigned char)t[*i]))
        (*i)++;
}

/* "date YYYY-MM-DD [By SOURCE]" */
static int S_header(const char *t, size_t s, size_t e, annal_header *h)
{
    size_t i = s + 4;

    if (!S_word_ci(t, s, e, "date"))
        return 0;
    S_skip_blank(t, e, &i);
    if (e - i < 10 || (e - i > 10 && !S_blank((unsigned char)t[i + 10])))
        return 0;
    if (annal_ymd_parse(t + i, 10, &h->published) != 0) {
        h->bad_date = 1;
        return 1;
    }
    h->has_date = 1;
    i += 10;
    S_skip_blank(t, e, &i);
    if (S_word_ci(t, i, e, "by")) {
        i += 2;
        S_skip_blank(t, e, &i);
        h->source_start = i;
        h->source_end = e;
    }
    return 1;
}

/* "By NAME" where NAME looks like a person's or desk's name. */
static int S_byline(const char *t, size_t s, size_t e, annal_header *h)
{
    size_t i = s + 2, words = 0;

    if (!S_word_ci(t, s, e, "by") || e - s > HEADER_MAX_BYLINE_BYTES)
        return 0;
    S_skip_blank(t, e, &i);
    if (i >= e || strchr(".!?;:\"", t[e - 1]))
        return 0;
    for (size_t k = i; k < e; k++) {
        if (k == i || (S_blank((unsigned char)t[k - 1]) && !S_blank((unsigned char)t[k]))) {
            unsigned char c = (unsigned char)t[k];
            words++;
            /* Words start upper-case, or are short joiners (and, de, van). */
            if (c >= 'a' && c <= 'z' && !(S_word_ci(t, k, e, "and") ||
                S_word_ci(t, k, e, "de") || S_word_ci(t, k, e, "van") ||
                S_word_ci(t, k, e, "von") || S_word_ci(t, k, e, "al") ||
                S_word_ci(t, k, e, "el") || S_word_ci(t, k, e, "bin")))
                return 0;
        }
    }
    if (words == 0 || words > HEADER_MAX_BYLINE_WORDS)
        return 0;
    h->author_start = i;
    h->author_end = e;
    return 1;
}

void annal_parse_header(const char *text, size_t len, annal_header *h)
{
    size_t at = 0, s, e;

    memset(h, 0, sizeof *h);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        at = 3;   /* a UTF-8 byte-order mark before the header */
    if (!S_next_line(text, len, &at, &s, &e))
        return;
    if (S_header(text, s, e, h)) {
        h->body_start = at;
        if (!S_next_line(text, len, &at, &s, &e))
            return;
    }
    if (S_byline(text, s, e, h))
        h->body_start = at;
}
