/*
 * dates.c - date expressions and their resolution.
 *
 * Each sentence is scanned left to right.  At every token that no earlier
 * match consumed, the pattern functions in S_patterns[] are tried in order
 * and the first that matches wins; its tokens are marked used.  A pattern
 * produces an interval [lo, hi] of days (or leaves it unresolved when it
 * needs a publication date that the document lacks); S_emit turns the
 * interval into a date and a precision:
 *
 *   interval                          date         precision
 *   one day                           1993-04-02   day
 *   inside one calendar month         1993-04      month
 *   inside one calendar year          1993         year
 *   longer (the 1990s, 1992-1994)     1990         year, with the range kept
 *
 * Expressions that need the publication date ("on April 2", "in April",
 * "on Tuesday", "last week", "two days ago", "the 27th anniversary") are
 * resolved as docs/numbers-and-dates.md describes: a day or month without
 * a year is the occurrence closest to publication; a weekday is the latest
 * such day on or before publication ("next Tuesday": the first after);
 * an anniversary is the anchor day minus N years, where the anchor is the
 * closest preceding day-precision date of the same sentence or else the
 * publication date.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "extract.h"

#define DATE_MIN_YEAR 1000
#define DATE_MAX_YEAR 2999
#define DATE_MAX_AGO 5000      /* largest N in "N years ago" */
#define DATE_MAX_SPAN_YEARS 200

typedef struct dctx {
    const annal_tview *v;
    size_t a, b;               /* sentence tokens [a, b) */
    annal_ymd pub;
    int has_pub;
    const uint8_t *used;
    const annal_datevec *found;
    size_t found_from;         /* first date of this sentence in found */
} dctx;

typedef struct dres {
    size_t first, last;        /* tokens, inclusive */
    annal_ymd lo, hi;          /* year 0: unresolved */
    uint8_t kind, relative;
} dres;

typedef size_t (*dpattern)(const dctx *c, size_t i, dres *r);

/* ---- token tests ------------------------------------------------------ */

static const annal_token *S_tok(const dctx *c, size_t i)
{
    return &c->v->toks[i];
}

static const char *S_text(const dctx *c, size_t i, size_t *n)
{
    *n = S_tok(c, i)->nend - S_tok(c, i)->nstart;
    return c->v->norm + S_tok(c, i)->nstart;
}

static int S_ok(const dctx *c, size_t i)
{
    return i >= c->a && i < c->b && !c->used[i];
}

/* 1 if token i is free and reads w (a string literal). */
#define S_is(c, i, w) (S_ok(c, i) && annal_tview_is_n((c)->v, i, w, sizeof(w) - 1))

static int S_entry(const dctx *c, size_t i, uint32_t flag, annal_lex_entry *e)
{
    return S_ok(c, i) && (annal_tview_flags(c->v, i) & flag) &&
           annal_tview_entry(c->v, i, e);
}

/* A plain integer token (digits only) and its digit count. */
static int S_int(const dctx *c, size_t i, long *val, size_t *digits)
{
    size_t n;
    const char *s;
    long v = 0;

    if (!S_ok(c, i) || S_tok(c, i)->type != ANNAL_TOK_NUMBER)
        return 0;
    s = S_text(c, i, &n);
    if (n > 9)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    *val = v;
    *digits = n;
    return 1;
}

static int S_year(const dctx *c, size_t i, int *y)
{
    long v;
    size_t d;

    if (!S_int(c, i, &v, &d) || d != 4 || v < DATE_MIN_YEAR || v > DATE_MAX_YEAR)
        return 0;
    *y = (int)v;
    return 1;
}

/* An ordinal written with digits (27th) or in words (seventh, twenty-
 * seventh); returns its value or 0. */
static long S_ordinal(const dctx *c, size_t i)
{
    annal_lex_entry e;
    size_t n;
    const char *s;
    long v = 0;

    if (!S_ok(c, i))
        return 0;
    s = S_text(c, i, &n);
    if (S_tok(c, i)->type == ANNAL_TOK_ORDINAL) {
        for (size_t k = 0; k < n && s[k] >= '0' && s[k] <= '9' && v < 100000; k++)
            v = v * 10 + (s[k] - '0');
        return v;
    }
    if (S_entry(c, i, ANNAL_LF_ORDWORD, &e))
        return e.value >= 1 && e.value <= DATE_MAX_AGO ? (long)e.value : 0;
    if (S_tok(c, i)->type == ANNAL_TOK_WORD && (S_tok(c, i)->flags & ANNAL_TF_HYPHEN)) {
        /* twenty-seventh: a tens word, a hyphen, an ordinal word */
        const char *dash = memchr(s, '-', n);
        char low[TVIEW_MAX_WORD * 2 + 4];
        annal_lex_entry t, o;
        size_t ln;
        if (!dash || n > TVIEW_MAX_WORD)
            return 0;
        ln = annal_lowercase(s, n, low, sizeof low);
        dash = memchr(low, '-', ln);
        if (dash && annal_lexicon_find_flagged(c->v->lx, low, (size_t)(dash - low), &t) &&
            (t.flags & ANNAL_LF_NUMWORD) &&
            annal_lexicon_find_flagged(c->v->lx, dash + 1, ln - (size_t)(dash - low) - 1, &o) &&
            (o.flags & ANNAL_LF_ORDWORD) && t.value + o.value >= 1 &&
            t.value + o.value <= DATE_MAX_AGO)
            return (long)(t.value + o.value);
    }
    return 0;
}

static int S_dayno(const dctx *c, size_t i, int *d)
{
    long v;
    size_t dig;

    if (S_int(c, i, &v, &dig) && dig <= 2 && v >= 1 && v <= 31) {
        *d = (int)v;
        return 1;
    }
    if (S_ok(c, i) && S_tok(c, i)->type == ANNAL_TOK_ORDINAL &&
        (v = S_ordinal(c, i)) >= 1 && v <= 31) {
        *d = (int)v;
        return 1;
    }
    return 0;
}

/* A month name: capitalised (April, APRIL), or abbreviated (Jan., Sept). */
static int S_month(const dctx *c, size_t i, int *m)
{
    annal_lex_entry e;
    const annal_token *t;

    if (!S_entry(c, i, ANNAL_LF_MONTH, &e))
        return 0;
    t = S_tok(c, i);
    if (!(t->flags & (ANNAL_TF_CAP | ANNAL_TF_UPPER)))
        return 0;
    *m = (int)e.aux;
    return 1;
}

/* Words after which a bare month or year names a time (TIMEPREP in
 * data/en/lexicon/dates.txt), or an opening bracket: "(1993)". */
static int S_time_context(const dctx *c, size_t i)
{
    if (i < c->a || i >= c->b)
        return 0;
    return (annal_tview_flags(c->v, i) & ANNAL_LF_TIMEPREP) ||
           S_tok(c, i)->type == ANNAL_TOK_OPEN;
}

/* ---- intervals -------------------------------------------------------- */

static annal_ymd S_ymd(int y, int m, int d)
{
    annal_ymd r = {(int16_t)y, (uint8_t)m, (uint8_t)d};
    return r;
}

static void S_day(dres *r, annal_ymd d)
{
    r->lo = r->hi = d;
}

static void S_month_iv(dres *r, int y, int m)
{
    r->lo = S_ymd(y, m, 1);
    r->hi = S_ymd(y, m, annal_days_in_month(y, m));
}

static void S_years_iv(dres *r, int y1, int y2)
{
    r->lo = S_ymd(y1, 1, 1);
    r->hi = S_ymd(y2, 12, 31);
}

static annal_ymd S_add_days(annal_ymd d, int64_t n)
{
    return annal_days_to_ymd(annal_ymd_to_days(d) + n);
}

/* The year putting month/day closest to publication (ties: the past). */
static int S_closest_year(const dctx *c, int m, int d)
{
    int best = c->pub.year;
    int64_t bestdist = -1, p = annal_ymd_to_days(c->pub);

    for (int y = c->pub.year - 1; y <= c->pub.year + 1; y++) {
        int64_t dist;
        int dd = d ? d : 1;
        if (dd > annal_days_in_month(y, m))
            continue;
        dist = llabs(annal_ymd_to_days(S_ymd(y, m, dd)) - p);
        if (!d) {   /* month only: distance in months */
            dist = llabs((int64_t)(y * 12 + m) - (c->pub.year * 12 + c->pub.month));
        }
        if (bestdist < 0 || dist < bestdist) {
            best = y;
            bestdist = dist;
        }
    }
    return best;
}

/* ---- patterns --------------------------------------------------------- */

/* 2016-04-02, 2016/4/2 */
/* Reads 1..max digits at s[*k]; returns the value or -1. */
static int S_digits_at(const char *s, size_t n, size_t *k, size_t max)
{
    int v = 0;
    size_t start = *k;

    while (*k < n && *k - start < max && s[*k] >= '0' && s[*k] <= '9')
        v = v * 10 + (s[(*k)++] - '0');
    return *k > start ? v : -1;
}

/* 2016-04-02, 2016/4/2 (the scanner guarantees the shape) */
static size_t S_p_isodate(const dctx *c, size_t i, dres *r)
{
    size_t n, k = 0;
    const char *s;
    int y, m, d;

    if (!S_ok(c, i) || S_tok(c, i)->type != ANNAL_TOK_ISODATE)
        return 0;
    s = S_text(c, i, &n);
    y = S_digits_at(s, n, &k, 4);
    k++;   /* the separator */
    m = S_digits_at(s, n, &k, 2);
    k++;
    d = S_digits_at(s, n, &k, 2);
    if (y < DATE_MIN_YEAR || m < 1 || d < 1 || d > annal_days_in_month(y, m))
        return 0;
    S_day(r, S_ymd(y, m, d));
    r->kind = ANNAL_DK_ABSOLUTE;
    return 1;
}

/* "2", "2nd", "2-4", "2 to 4" at token j: first and last day and the
 * tokens used; 0 if no day is there. */
static size_t S_days(const dctx *c, size_t j, int *d1, int *d2)
{
    if (!S_dayno(c, j, d1))
        return 0;
    *d2 = *d1;
    if ((S_is(c, j + 1, "-") || S_is(c, j + 1, "to")) && S_dayno(c, j + 2, d2) && *d2 > *d1)
        return 3;
    *d2 = *d1;
    return 1;
}

/* The year after a month or day: ", 1993", "1993", or "last year", "this
 * year", "next year" (relative to publication; *rel set).  Returns tokens
 * used, 0 if none. */
static size_t S_year_after(const dctx *c, size_t k, int *y, int *rel)
{
    annal_lex_entry e, u;
    size_t comma = S_is(c, k, ",") ? 1 : 0;

    *rel = 0;
    if (S_year(c, k + comma, y))
        return comma + 1;
    if (S_entry(c, k, ANNAL_LF_DATEDIR, &e) && S_entry(c, k + 1, ANNAL_LF_DATEUNIT, &u) &&
        u.aux == ANNAL_DU_YEAR && S_is(c, k + 1, "year") &&
        (e.aux == ANNAL_DD_LAST || e.aux == ANNAL_DD_NEXT || e.aux == ANNAL_DD_THIS)) {
        *rel = 1;
        *y = !c->has_pub ? 0
             : c->pub.year + (e.aux == ANNAL_DD_LAST ? -1 : e.aux == ANNAL_DD_NEXT ? 1 : 0);
        return 2;
    }
    return 0;
}

/* Days d1..d2 of month m in year y (0 = the occurrence closest to
 * publication).  An impossible day (June 31) still consumes its tokens:
 * kind 0 tells the caller to drop the expression, not to retry its
 * pieces. */
static size_t S_month_day(const dctx *c, int y, int m, int d1, int d2,
                          int rel, dres *r, size_t ntok)
{
    r->kind = y || rel ? ANNAL_DK_ABSOLUTE : ANNAL_DK_PARTIAL;
    r->relative = (uint8_t)(!y || rel);
    if (!y && !rel && c->has_pub)
        y = S_closest_year(c, m, d1);
    if (d2 > (y ? annal_days_in_month(y, m) : annal_days_in_month(2000, m))) {
        r->kind = 0;   /* 2000 is a leap year: Feb 29 may exist */
        return ntok;
    }
    if (y) {
        r->lo = S_ymd(y, m, d1);
        r->hi = S_ymd(y, m, d2);
    }
    return ntok;
}

/* "May and August 2017", "May-August 2017": the first month takes the
 * year written after the second. */
static int S_borrowed_year(const dctx *c, size_t j, int m, int *y)
{
    int m2, rel;

    if (!(S_is(c, j, "and") || S_is(c, j, "to") || S_is(c, j, "-") ||
          S_is(c, j, "through") || S_is(c, j, "until")) ||
        !S_month(c, j + 1, &m2) || S_dayno(c, j + 2, &rel) ||
        !S_year_after(c, j + 2, y, &rel) || rel)
        return 0;
    if (m2 < m)
        (*y)--;
    return 1;
}

/* April 2, 1993 / April 2-4, 1993 / April 2 / April 1993 / April of 1993 /
 * May last year / May and August 2017 / in April */
static size_t S_p_month_first(const dctx *c, size_t i, dres *r)
{
    int m, d1, d2, y, rel;
    size_t j = i + 1, nd, ny;

    if (!S_month(c, i, &m))
        return 0;
    if ((nd = S_days(c, j, &d1, &d2)) && !S_is(c, j + nd, ":")) {
        ny = S_year_after(c, j + nd, &y, &rel);
        return S_month_day(c, ny ? y : 0, m, d1, d2, rel && ny, r, 1 + nd + ny);
    }
    if (S_is(c, j, "of") && S_year(c, j + 1, &y))
        j++;
    if ((ny = S_year_after(c, j, &y, &rel)) != 0) {
        r->kind = rel ? ANNAL_DK_RELATIVE : ANNAL_DK_MONTH_YEAR;
        r->relative = (uint8_t)rel;
        if (y)
            S_month_iv(r, y, m);
        return j - i + ny;
    }
    if (S_borrowed_year(c, j, m, &y)) {
        S_month_iv(r, y, m);
        r->kind = ANNAL_DK_MONTH_YEAR;
        return 1;
    }
    if (i == 0 || !S_time_context(c, i - 1))
        return 0;
    r->kind = ANNAL_DK_PARTIAL;
    r->relative = 1;
    if (c->has_pub)
        S_month_iv(r, S_closest_year(c, m, 0), m);
    return 1;
}

/* 2 April 1993 / 2nd of April / 4-5 April 2019 / 2 to 4 April / 2 April */
static size_t S_p_day_first(const dctx *c, size_t i, dres *r)
{
    int m, d1, d2, y, rel;
    size_t j, nd, ny;

    if (!((annal_tview_flags(c->v, i + 1) | annal_tview_flags(c->v, i + 2) |
           annal_tview_flags(c->v, i + 3) | annal_tview_flags(c->v, i + 4)) & ANNAL_LF_MONTH))
        return 0;   /* no month near: not "2 April", "2nd of April", "2-4 April" */
    if (!(nd = S_days(c, i, &d1, &d2)))
        return 0;
    j = i + nd;
    if (S_is(c, j, "of"))
        j++;
    if (!S_month(c, j, &m))
        return 0;
    ny = S_year_after(c, j + 1, &y, &rel);
    return S_month_day(c, ny ? y : 0, m, d1, d2, rel && ny, r, j - i + 1 + ny);
}

/* last July, next March, this May */
static size_t S_p_dir_month(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    int m, d, y;

    if (!S_entry(c, i, ANNAL_LF_DATEDIR, &e) || !S_month(c, i + 1, &m) ||
        S_dayno(c, i + 2, &d) ||
        (e.aux != ANNAL_DD_LAST && e.aux != ANNAL_DD_NEXT && e.aux != ANNAL_DD_THIS))
        return 0;
    r->kind = ANNAL_DK_RELATIVE;
    r->relative = 1;
    if (!c->has_pub)
        return 2;
    y = c->pub.year;
    if (e.aux == ANNAL_DD_LAST && m >= c->pub.month)
        y--;
    else if (e.aux == ANNAL_DD_NEXT && m <= c->pub.month)
        y++;
    S_month_iv(r, y, m);
    return 2;
}

/* the 1990s, the '90s */
static size_t S_p_decade(const dctx *c, size_t i, dres *r)
{
    size_t n;
    const char *s;
    int y;

    if (!S_ok(c, i) || S_tok(c, i)->type != ANNAL_TOK_DECADE)
        return 0;
    s = S_text(c, i, &n);
    if (s[0] == '\'') {
        int yy = (s[1] - '0') * 10;
        int century = c->has_pub ? (c->pub.year / 100) * 100 : 1900;
        y = century + yy;
        if (c->has_pub && y > c->pub.year)
            y -= 100;
    } else {
        y = atoi(s);
    }
    if (y < DATE_MIN_YEAR)
        return 0;
    S_years_iv(r, y, y + 9);
    r->kind = ANNAL_DK_DECADE;
    return 1;
}

/* A weekday, optionally after last/next/this/on: on Tuesday, last Friday. */
static size_t S_p_weekday(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    size_t j = i;
    int dir = 0, wd, m, d;
    int64_t p, back;

    if (S_entry(c, i, ANNAL_LF_DATEDIR, &e) &&
        (e.aux == ANNAL_DD_LAST || e.aux == ANNAL_DD_NEXT || e.aux == ANNAL_DD_THIS)) {
        dir = (int)e.aux;
        j++;
    }
    if (!S_entry(c, j, ANNAL_LF_WEEKDAY, &e) || !(S_tok(c, j)->flags & ANNAL_TF_CAP))
        return 0;
    wd = (int)e.aux;
    /* "Tuesday, April 2": the explicit date says it all. */
    if (S_is(c, j + 1, ",") && (S_month(c, j + 2, &m) || S_dayno(c, j + 2, &d)))
        return 0;
    r->kind = ANNAL_DK_WEEKDAY;
    r->relative = 1;
    if (c->has_pub) {
        p = annal_ymd_to_days(c->pub);
        back = (annal_ymd_weekday(c->pub) - wd + 7) % 7;
        if (dir == ANNAL_DD_NEXT)
            S_day(r, annal_days_to_ymd(p + (7 - back) % 7 + (back == 0 ? 7 : 0)));
        else if (dir == ANNAL_DD_THIS)   /* that day of the Monday-Sunday week */
            S_day(r, annal_days_to_ymd(p - (annal_ymd_weekday(c->pub) - wd)));
        else if (dir == ANNAL_DD_LAST)
            S_day(r, annal_days_to_ymd(p - (back == 0 ? 7 : back)));
        else
            S_day(r, annal_days_to_ymd(p - back));
    }
    return j - i + 1;
}

/* yesterday, today, last night, the day before yesterday */
static size_t S_p_relword(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    size_t n = annal_tview_phrase(c->v, i, c->b, ANNAL_LF_DATEREL, &e);

    if (!n && S_entry(c, i, ANNAL_LF_DATEREL, &e))
        n = 1;
    if (!n)
        return 0;
    for (size_t k = i; k < i + n; k++)
        if (c->used[k])
            return 0;
    r->kind = ANNAL_DK_RELATIVE;
    r->relative = 1;
    if (c->has_pub)
        S_day(r, S_add_days(c->pub, (int64_t)e.value));
    return n;
}

/* The interval of `unit` shifted by k units from the one holding pub. */
static void S_unit_iv(const dctx *c, int unit, int k, dres *r)
{
    annal_ymd p = c->pub;

    switch (unit) {
    case ANNAL_DU_DAY:
        S_day(r, S_add_days(p, k));
        break;
    case ANNAL_DU_WEEK: {
        int64_t monday = annal_ymd_to_days(p) - (annal_ymd_weekday(p) - 1) + 7 * (int64_t)k;
        r->lo = annal_days_to_ymd(monday);
        r->hi = annal_days_to_ymd(monday + 6);
        break;
    }
    case ANNAL_DU_WEEKEND: {   /* the Saturday and Sunday of a Monday-Sunday week */
        int64_t sat = annal_ymd_to_days(p) - (annal_ymd_weekday(p) - 6);
        sat += 7 * (int64_t)k;
        r->lo = annal_days_to_ymd(sat);
        r->hi = annal_days_to_ymd(sat + 1);
        break;
    }
    case ANNAL_DU_MONTH: {
        int mi = p.year * 12 + (p.month - 1) + k;
        S_month_iv(r, mi / 12, mi % 12 + 1);
        break;
    }
    case ANNAL_DU_YEAR:
        S_years_iv(r, p.year + k, p.year + k);
        break;
    case ANNAL_DU_DECADE: {
        int d0 = (p.year / 10) * 10 + 10 * k;
        S_years_iv(r, d0, d0 + 9);
        break;
    }
    default:
        break;
    }
}

/* last week, this month, next year, the past week, earlier this month */
static size_t S_p_relunit(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    size_t j = i;
    int dir, k, unit;

    if (S_is(c, j, "the"))
        j++;
    if (S_entry(c, j, ANNAL_LF_DATEDIR, &e) && e.aux == ANNAL_DD_EARLIER &&
        S_is(c, j + 1, "this"))
        j++;   /* earlier this month = this month */
    if (!S_entry(c, j, ANNAL_LF_DATEDIR, &e))
        return 0;
    dir = (int)e.aux;
    if (dir != ANNAL_DD_LAST && dir != ANNAL_DD_NEXT && dir != ANNAL_DD_THIS &&
        dir != ANNAL_DD_PAST)
        return 0;
    if (j > i && dir == ANNAL_DD_THIS && !S_is(c, i, "earlier"))
        return 0;   /* "the this" is not English */
    if (!S_entry(c, j + 1, ANNAL_LF_DATEUNIT, &e))
        return 0;
    unit = (int)e.aux;
    {   /* only the singular: "last week", not "last weeks" */
        size_t n;
        const char *s = S_text(c, j + 1, &n);
        if (n > 1 && (s[n - 1] == 's' || s[n - 1] == 'S'))
            return 0;
        if (unit == ANNAL_DU_DAY)
            return 0;   /* "last day", "this day": not a date */
    }
    r->kind = ANNAL_DK_RELATIVE;
    r->relative = 1;
    if (!c->has_pub)
        return j + 2 - i;
    if (dir == ANNAL_DD_PAST) {   /* the past week: the days up to publication */
        static const int span[] = {[ANNAL_DU_WEEK] = 7, [ANNAL_DU_WEEKEND] = 2,
                                   [ANNAL_DU_MONTH] = 30, [ANNAL_DU_YEAR] = 365,
                                   [ANNAL_DU_DECADE] = 3652, [ANNAL_DU_CENTURY] = 36524};
        r->lo = S_add_days(c->pub, -span[unit]);
        r->hi = S_add_days(c->pub, -1);
        return j + 2 - i;
    }
    k = dir == ANNAL_DD_LAST ? -1 : dir == ANNAL_DD_NEXT ? 1 : 0;
    S_unit_iv(c, unit, k, r);
    return j + 2 - i;
}

/* A small count: 2, two, a, an. */
static int S_count(const dctx *c, size_t i, long *n)
{
    annal_lex_entry e;
    size_t dig;

    if (S_int(c, i, n, &dig) && dig <= 4)
        return 1;
    if (S_entry(c, i, ANNAL_LF_NUMWORD, &e) && e.value >= 1 && e.value <= DATE_MAX_AGO &&
        e.value == (double)(long)e.value) {
        *n = (long)e.value;
        return 1;
    }
    if (S_is(c, i, "a") || S_is(c, i, "an")) {
        *n = 1;
        return 1;
    }
    return 0;
}

/* two days ago, a year ago, 27 years since */
static size_t S_p_ago(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    long n;
    int unit;

    if (!(annal_tview_flags(c->v, i + 1) & ANNAL_LF_DATEUNIT) || !S_count(c, i, &n) ||
        n > DATE_MAX_AGO || !S_entry(c, i + 1, ANNAL_LF_DATEUNIT, &e))
        return 0;
    unit = (int)e.aux;
    if (!S_is(c, i + 2, "ago") && !(unit == ANNAL_DU_YEAR && S_is(c, i + 2, "since")))
        return 0;
    if (unit == ANNAL_DU_WEEKEND)
        return 0;
    r->kind = ANNAL_DK_RELATIVE;
    r->relative = 1;
    if (c->has_pub) {
        if (unit == ANNAL_DU_DECADE) {
            S_years_iv(r, c->pub.year - 10 * (int)n, c->pub.year - 10 * (int)n);
        } else {
            S_unit_iv(c, unit, -(int)n, r);
        }
    }
    return 3;
}

/* The closest day-precision date before token i in this sentence. */
static int S_anchor(const dctx *c, size_t i, annal_ymd *out)
{
    for (size_t k = c->found->n; k > c->found_from; k--) {
        const annal_date_expr *d = &c->found->v[k - 1];
        if (d->first_token < i && d->precision == ANNAL_PREC_DAY &&
            d->kind != ANNAL_DK_ANNIVERSARY) {
            *out = d->date;
            return 1;
        }
    }
    return 0;
}

/* the 27th anniversary: the anchor day minus 27 years */
static size_t S_p_anniversary(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    long n;
    annal_ymd anchor;
    int y;

    if (!(annal_tview_flags(c->v, i + 1) & ANNAL_LF_ANNIV))
        return 0;
    n = S_ordinal(c, i);
    if (n <= 0 || n > DATE_MAX_AGO || !S_entry(c, i + 1, ANNAL_LF_ANNIV, &e))
        return 0;
    r->kind = ANNAL_DK_ANNIVERSARY;
    r->relative = 1;
    if (!S_anchor(c, i, &anchor)) {
        if (!c->has_pub)
            return 2;
        anchor = c->pub;
    }
    y = anchor.year - (int)n;
    if (y < DATE_MIN_YEAR)
        return 2;
    S_day(r, S_ymd(y, anchor.month,
                   anchor.day > annal_days_in_month(y, anchor.month)
                       ? annal_days_in_month(y, anchor.month) : anchor.day));
    return 2;
}

/* 1992-1994, 1992-94, 1992 to 1994, between 1992 and 1994 after a first
 * year y1 at token i ("and" only after "between"). */
static size_t S_year_range(const dctx *c, size_t i, int y1, int *y2)
{
    long v;
    size_t dig;
    int and_ok = i > c->a && S_is(c, i - 1, "between");

    if (S_is(c, i + 1, "-") || S_is(c, i + 1, "to") || (and_ok && S_is(c, i + 1, "and"))) {
        if (S_year(c, i + 2, y2) && *y2 > y1 && *y2 - y1 <= DATE_MAX_SPAN_YEARS)
            return 3;
        if (S_is(c, i + 1, "-") && S_int(c, i + 2, &v, &dig) && dig == 2 &&
            (y1 / 100) * 100 + v > y1) {
            *y2 = (int)((y1 / 100) * 100 + v);
            return 3;
        }
    }
    return 1;
}

/* "2019, 2020 and 2021": a year right after a list separator that follows
 * a year already read as a date. */
static int S_year_list(const dctx *c, size_t i)
{
    const annal_date_expr *last;

    if (i < c->a + 2 || c->found->n <= c->found_from ||
        !(S_is(c, i - 1, ",") || S_is(c, i - 1, "and") || S_is(c, i - 1, "or")))
        return 0;
    last = &c->found->v[c->found->n - 1];
    return last->kind == ANNAL_DK_YEAR && last->first_token + last->ntokens == i - 1;
}

/* A year on its own: in 1993, since 2016, the 1993 offensive, 1992-1994.
 * Not "the 2000 people": a count noun after it makes it a count. */
static size_t S_p_year(const dctx *c, size_t i, dres *r)
{
    int y, y2;
    size_t n;

    if (!S_year(c, i, &y))
        return 0;
    if (S_ok(c, i + 1) && (S_tok(c, i + 1)->type == ANNAL_TOK_NUMBER ||
                           S_is(c, i + 1, "%") || S_is(c, i + 1, "percent")))
        return 0;
    n = S_year_range(c, i, y, &y2);
    if (n == 1 && !(i > c->a && S_time_context(c, i - 1)) && !S_year_list(c, i))
        return 0;
    if (n == 1 && (annal_tview_flags(c->v, i + 1) & ANNAL_LF_COUNTNOUN) &&
        !(i > c->a && S_time_context(c, i - 1) && !S_is(c, i - 1, "the")))
        return 0;
    if (c->has_pub && y > c->pub.year + 50)
        return 0;
    S_years_iv(r, y, n == 1 ? y : y2);
    r->kind = ANNAL_DK_YEAR;
    return n;
}

/* early April, mid-1990s, late 1993, the end of April: narrows [lo, hi]
 * to its first, middle or last third. */
static void S_narrow(dres *r, int part)
{
    int64_t lo = annal_ymd_to_days(r->lo), hi = annal_ymd_to_days(r->hi);
    int64_t third = (hi - lo + 1) / 3;

    if (!r->lo.year || third < 1)
        return;
    if (part == ANNAL_DP_EARLY)
        hi = lo + third - 1;
    else if (part == ANNAL_DP_MID)
        lo += third, hi = lo + third - 1;
    else if (part == ANNAL_DP_LATE)
        lo = hi - third + 1;
    r->lo = annal_days_to_ymd(lo);
    r->hi = annal_days_to_ymd(hi);
}

/* Each pattern with what can trigger it: token types (bit 1 << type) or
 * lexical flags of the first token.  Only patterns whose trigger matches
 * are tried, in this order (the order is the priority). */
#define T(x) (UINT64_C(1) << (x))

typedef struct dpattern_row {
    dpattern fn;
    uint64_t types;
    uint32_t flags;
} dpattern_row;

static const dpattern_row S_patterns[] = {
    {S_p_isodate, T(ANNAL_TOK_ISODATE), 0},
    {S_p_month_first, 0, ANNAL_LF_MONTH},
    {S_p_day_first, T(ANNAL_TOK_NUMBER) | T(ANNAL_TOK_ORDINAL), 0},
    {S_p_decade, T(ANNAL_TOK_DECADE), 0},
    {S_p_dir_month, 0, ANNAL_LF_DATEDIR},
    {S_p_weekday, 0, ANNAL_LF_WEEKDAY | ANNAL_LF_DATEDIR},
    {S_p_relword, 0, ANNAL_LF_DATEREL | ANNAL_LF_PHRASE},
    {S_p_relunit, 0, ANNAL_LF_DATEDIR | ANNAL_LF_PHRASE},
    {S_p_ago, T(ANNAL_TOK_NUMBER), ANNAL_LF_NUMWORD | ANNAL_LF_PHRASE},
    {S_p_anniversary, T(ANNAL_TOK_ORDINAL) | T(ANNAL_TOK_WORD), ANNAL_LF_ORDWORD},
    {S_p_year, T(ANNAL_TOK_NUMBER), 0},
};

static size_t S_match_at(const dctx *c, size_t i, dres *r)
{
    uint64_t type;
    uint32_t flags;

    if (!S_ok(c, i))
        return 0;
    type = T(S_tok(c, i)->type);
    flags = annal_tview_flags(c->v, i);
    for (size_t k = 0; k < sizeof S_patterns / sizeof S_patterns[0]; k++) {
        size_t n;
        if (!(S_patterns[k].types & type) && !(S_patterns[k].flags & flags))
            continue;
        memset(r, 0, sizeof *r);
        n = S_patterns[k].fn(c, i, r);
        if (n) {
            r->first = i;
            r->last = i + n - 1;
            return n;
        }
    }
    return 0;
}
#undef T

/* A part-of-period prefix at i (early, mid, late, the end of): tries the
 * patterns after it and narrows their interval. */
static size_t S_match_part(const dctx *c, size_t i, dres *r)
{
    annal_lex_entry e;
    size_t k = annal_tview_phrase(c->v, i, c->b, ANNAL_LF_DATEPART, &e), n;
    int part;

    if (!k && S_entry(c, i, ANNAL_LF_DATEPART, &e))
        k = 1;
    if (!k)
        return 0;
    part = (int)e.aux;
    if (S_is(c, i + k, "-"))
        k++;
    if (S_is(c, i + k, "the"))
        k++;
    n = S_match_at(c, i + k, r);
    if (!n || !r->kind || r->kind == ANNAL_DK_WEEKDAY || r->kind == ANNAL_DK_ANNIVERSARY)
        return 0;
    if (r->lo.year && annal_ymd_to_days(r->lo) == annal_ymd_to_days(r->hi))
        return 0;   /* a single day ("late yesterday") cannot be narrowed */
    S_narrow(r, part);   /* unresolved stays unresolved, with the prefix */
    r->first = i;
    return k + n;
}

/* mid-April, mid-1990s: one hyphenated token */
static size_t S_match_hyphen_part(const dctx *c, size_t i, dres *r)
{
    static const struct { const char *p; int part; } pre[] = {
        {"mid-", ANNAL_DP_MID}, {"early-", ANNAL_DP_EARLY}, {"late-", ANNAL_DP_LATE}};
    char low[TVIEW_MAX_WORD * 2 + 4];
    size_t n;
    annal_lex_entry e;

    if (!S_ok(c, i) || !(S_tok(c, i)->flags & ANNAL_TF_HYPHEN))
        return 0;
    n = annal_tview_lower(c->v, i, low, sizeof low);
    low[n] = '\0';   /* atoi below stops at the end */
    for (size_t k = 0; n && k < 3; k++) {
        size_t pl = strlen(pre[k].p);
        if (n <= pl || memcmp(low, pre[k].p, pl))
            continue;
        memset(r, 0, sizeof *r);
        if (annal_lexicon_find_flagged(c->v->lx, low + pl, n - pl, &e) && (e.flags & ANNAL_LF_MONTH)) {
            int y;
            size_t j = i + 1;
            if (S_is(c, j, ","))
                j++;
            r->kind = ANNAL_DK_PARTIAL;
            if (S_year(c, j, &y)) {
                S_month_iv(r, y, (int)e.aux);
                r->kind = ANNAL_DK_MONTH_YEAR;
                r->last = j;
            } else {
                r->relative = 1;
                r->last = i;
                if (c->has_pub)
                    S_month_iv(r, S_closest_year(c, (int)e.aux, 0), (int)e.aux);
            }
        } else if (n - pl == 5 && low[n - 1] == 's' && low[pl + 3] == '0') {
            int y = atoi(low + pl);
            if (y < DATE_MIN_YEAR)
                return 0;
            S_years_iv(r, y, y + 9);
            r->kind = ANNAL_DK_DECADE;
            r->last = i;
        } else if (n - pl == 4 && atoi(low + pl) >= DATE_MIN_YEAR) {
            int y = atoi(low + pl);
            S_years_iv(r, y, y);
            r->kind = ANNAL_DK_YEAR;
            r->last = i;
        } else {
            return 0;
        }
        r->first = i;
        S_narrow(r, pre[k].part);
        return r->last - i + 1;
    }
    return 0;
}

/* Writes one result as an annal_date_expr. */
static int S_emit(const dctx *c, const dres *r, uint32_t sent,
                  annal_datevec *out)
{
    void *p = out->v;
    annal_date_expr *d;
    int64_t lo, hi;

    if (annal_grow(out->alloc, &p, &out->cap, sizeof *d, out->n + 1))
        return -1;
    out->v = p;
    d = &out->v[out->n++];
    memset(d, 0, sizeof *d);
    d->start = S_tok(c, r->first)->start;
    d->end = S_tok(c, r->last)->end;
    d->sentence = sent;
    d->first_token = (uint32_t)r->first;
    d->ntokens = (uint32_t)(r->last - r->first + 1);
    d->kind = r->kind;
    d->relative = r->relative;
    d->first = r->lo;
    d->last = r->hi;
    if (!r->lo.year)
        return 0;   /* unresolved: no publication date */
    lo = annal_ymd_to_days(r->lo);
    hi = annal_ymd_to_days(r->hi);
    d->date = r->lo;
    if (lo == hi) {
        d->precision = ANNAL_PREC_DAY;
    } else if (r->lo.year == r->hi.year && r->lo.month == r->hi.month) {
        d->precision = ANNAL_PREC_MONTH;
        d->date.day = 0;
    } else {
        d->precision = ANNAL_PREC_YEAR;
        d->date.month = d->date.day = 0;
    }
    return 0;
}

/* Flags of words that open date expressions on their own. */
#define DATE_START_FLAGS (ANNAL_LF_MONTH | ANNAL_LF_WEEKDAY | ANNAL_LF_DATEREL | \
                          ANNAL_LF_DATEDIR | ANNAL_LF_DATEPART | ANNAL_LF_NUMWORD | \
                          ANNAL_LF_ORDWORD)

/* A cheap test before the patterns: can a date start at token i?  Words
 * that only begin phrases ("the", "a") qualify when a date phrase starts
 * there ("the day before yesterday", "the end of") or a date word follows
 * ("the past week", "a year ago"). */
static int S_may_start(const dctx *c, size_t i)
{
    const annal_token *t = S_tok(c, i);
    uint32_t f;
    annal_lex_entry e;

    if (ANNAL_TOK_IS_NUMERIC(t->type))
        return 1;
    if (!ANNAL_TOK_IS_WORDLIKE(t->type))
        return 0;
    if (t->flags & ANNAL_TF_HYPHEN)
        return 1;   /* mid-April, twenty-seventh */
    f = annal_tview_flags(c->v, i);
    if (f & DATE_START_FLAGS)
        return 1;
    if (!(f & ANNAL_LF_PHRASE))
        return 0;
    if (annal_tview_phrase(c->v, i, c->b, ANNAL_LF_DATEREL | ANNAL_LF_DATEPART, &e))
        return 1;
    return (annal_tview_flags(c->v, i + 1) & (ANNAL_LF_DATEDIR | ANNAL_LF_DATEUNIT)) != 0;
}

annal_status annal_find_dates(const annal_tview *v, const annal_sentence *s,
                              uint32_t sent_index, const uint32_t *cand,
                              size_t ncand, annal_ymd published,
                              uint8_t *used, annal_datevec *out)
{
    dctx c = {v, s->first_token, (size_t)s->first_token + s->ntokens,
              published, published.year > 0, used, out, out->n};
    size_t next = c.a;   /* tokens before it belong to an expression */

    for (size_t k = 0; k < ncand; k++) {
        size_t i = cand[k], n = 0;
        dres r;
        if (i < next || used[i])
            continue;
        /* a plain word that cannot open a date */
        if (v->cache && v->toks[i].type == ANNAL_TOK_WORD &&
            !(v->cache[i].flags & DATE_START_FLAGS) && !v->cache[i].phr_idx &&
            !(i + 1 < v->n && (v->cache[i].flags & ANNAL_LF_PHRASE) &&
              (v->cache[i + 1].flags & (ANNAL_LF_DATEDIR | ANNAL_LF_DATEUNIT))) &&
            !(v->toks[i].flags & ANNAL_TF_HYPHEN))
            continue;
        if (!S_may_start(&c, i))
            continue;
        {
            uint32_t f = annal_tview_flags(v, i);
            if (f & (ANNAL_LF_DATEPART | ANNAL_LF_PHRASE))
                n = S_match_part(&c, i, &r);
            if (!n && (v->toks[i].flags & ANNAL_TF_HYPHEN))
                n = S_match_hyphen_part(&c, i, &r);
            if (!n)
                n = S_match_at(&c, i, &r);
        }
        if (!n)
            continue;
        if (r.kind && S_emit(&c, &r, sent_index, out))
            return ANNAL_ENOMEM;
        for (size_t t = r.first; t <= r.last; t++)
            used[t] = 1;
        next = r.last + 1;
    }
    return ANNAL_OK;
}

const char *annal_date_kind_name(unsigned kind)
{
    static const char *const names[] = {
        "none", "absolute", "month_year", "year", "decade",
        "partial", "weekday", "relative", "anniversary"};
    return kind < sizeof names / sizeof names[0] ? names[kind] : "none";
}
